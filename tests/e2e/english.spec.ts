import { expect, test } from '@playwright/test';
import { DESKTOP, signedInPage } from './support/sessions';

// English mode on the dashboard: the role panel names departments in English, and English text is
// set in Latin fonts first (a CJK font drew “ ” full-width, leaving gaps).
test('in English, the dashboard’s role panel names departments in English and text uses Latin fonts first', async ({ browser }) => {
  const officer = await signedInPage(browser, 'duty', DESKTOP);
  expect((await officer.request.post('/api/locale', { data: { locale: 'en' } })).status()).toBe(200);
  await officer.goto('/dashboard');
  await expect(officer.locator('html')).toHaveAttribute('lang', 'en');
  await officer.getByTestId('trigger-type-water_oil').click();
  await expect(officer.getByTestId('plan-role-department').first()).toHaveText('Ecology & Environment');
  const font = await officer.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(font.startsWith('system-ui')).toBe(true);
  await officer.context().close();
});
