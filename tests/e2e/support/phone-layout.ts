import { expect, type Page } from '@playwright/test';

/**
 * A phone page must fit its screen: anything wider makes the browser zoom the page out, and then
 * fixed layers (the alert's 静音 and 收到) no longer sit where the person taps.
 */
export async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }));
  expect(widths.content, 'the page is wider than the phone screen').toBeLessThanOrEqual(widths.screen);
}
