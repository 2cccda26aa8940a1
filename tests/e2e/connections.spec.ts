import { expect, test } from '@playwright/test';
import { PHONE, signedInPage } from './support/sessions';

test('a person with too many pages open: the oldest says it stopped updating, and can take the connection back', async ({ browser }) => {
  const first = await signedInPage(browser, 'env2', PHONE);
  await first.goto('/field');
  await expect(first.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
  await expect(first.getByTestId('session-displaced')).toHaveCount(0);

  const later = [];
  for (let i = 0; i < 5; i += 1) {
    const page = await first.context().newPage();
    await page.goto('/field');
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
    later.push(page);
  }
  // The sixth page pushed the first one out: it says so, in Chinese, and does not reconnect by itself.
  const notice = first.getByTestId('session-displaced');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('停止实时更新');
  await expect(first.getByTestId('connection-status')).toHaveAttribute('data-connected', 'false');
  await first.waitForTimeout(2_000);
  await expect(first.getByTestId('connection-status')).toHaveAttribute('data-connected', 'false');

  // Choosing this page takes a connection again; the oldest of the others gives way.
  await notice.getByTestId('reconnect-here').click();
  await expect(first.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
  await expect(first.getByTestId('session-displaced')).toHaveCount(0);
  await expect(later[0]!.getByTestId('session-displaced')).toBeVisible();
  await first.context().close();
});
