import { expect, test } from '@playwright/test';

test('signing in with a wrong password shows a localized error, then the right one lands on the dashboard', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('duty');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();
  await page.getByLabel('密码').fill('ecodispatch');
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/dashboard');
});

test('signing out ends the session: the next page asks to sign in again', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('env1');
  await page.getByLabel('密码').fill('ecodispatch');
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/field');
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
  await page.goto('/field');
  await page.waitForURL('**/login');
  expect((await page.request.get('/api/me/assignments')).status()).toBe(401);
});
