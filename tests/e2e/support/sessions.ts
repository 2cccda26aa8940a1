import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { failOnCspViolations } from './csp';

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DEMO_PASSWORD = 'ecodispatch';

/** A separate browser context (its own cookies) signed in as `username` through the public login API. */
export async function signedInPage(browser: Browser, username: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  failOnCspViolations(context);
  const response = await context.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), `login as ${username}`).toBe(200);
  return context.newPage();
}

/** Presses and holds a press-and-hold control long enough to fire it. */
export async function pressAndHold(page: Page, testId: string, holdMs = 1_800) {
  const target = page.getByTestId(testId);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`${testId} is not visible`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(holdMs);
  await page.mouse.up();
}

/** A field phone opens its page, starts its shift (the sound is armed by that tap) and is connected. */
export async function startDuty(page: Page) {
  await page.goto('/field');
  await page.getByTestId('start-duty').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
}
