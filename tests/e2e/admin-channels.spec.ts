import { expect, test } from '@playwright/test';
import { DESKTOP, signedInPage } from './support/sessions';

// The e2e server runs with no channel configured: the admin must be told that only the in-app channel works.
test('the admin sees that only the in-app channel is active, with the variables each channel needs', async ({ browser }) => {
  const page = await signedInPage(browser, 'admin', DESKTOP);
  await page.goto('/admin');
  const card = page.getByTestId('admin-section-channels');
  await expect(card).toContainText('仅应用内推送');
  await card.click();
  await page.waitForURL('**/admin/channels');

  await expect(page.getByTestId('channels-only-in-app')).toContainText('只有应用内推送在工作');
  const table = page.getByTestId('channel-table');
  await expect(table.locator('tr[data-channel="in_app"]')).toContainText('始终启用');
  for (const channel of ['sms', 'voice', 'webhook', 'web_push']) {
    await expect(table.locator(`tr[data-channel="${channel}"]`)).toHaveAttribute('data-configured', 'false');
  }
  await expect(table.locator('tr[data-channel="sms"]')).toContainText('SMS_GATEWAY_SECRET');
  await expect(table.locator('tr[data-channel="web_push"]')).toContainText('VAPID_PRIVATE_KEY');
  await expect(page.getByTestId('outbox-counts').locator('[data-status="failed"]')).toContainText('0');
});

test('only admins may open the channels page', async ({ browser }) => {
  const page = await signedInPage(browser, 'duty', DESKTOP);
  await page.goto('/admin/channels');
  await page.waitForURL('**/dashboard');
});

test('a short card link is refused to someone else, as a page rather than JSON', async ({ browser }) => {
  const page = await signedInPage(browser, 'env1', DESKTOP);
  const response = await page.goto('/f/AAAAAAAA');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '链接无效' })).toBeVisible();
});
