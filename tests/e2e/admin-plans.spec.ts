import { expect, test } from '@playwright/test';
import { DESKTOP, signedInPage } from './support/sessions';

// The plan editor names incident types (水体油污/非法倾倒) instead of asking for a code; a type the
// catalog does not name yet can still be entered as a code under "other".
test('the plan editor offers incident types by name, with a code only for a new type', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin', DESKTOP);
  const plans = (await (await admin.request.get('/api/admin/plans')).json()) as { id: string; incidentType: string }[];
  const riverOil = plans.find((plan) => plan.incidentType === 'water_oil')!;
  await admin.goto(`/admin/plans/${riverOil.id}`);
  const type = admin.getByLabel('事件类型', { exact: true });
  await expect(type).toHaveValue('water_oil');
  await expect(type.locator('option:checked')).toHaveText('水体油污/非法倾倒');
  await expect(admin.locator('#plan-incidentTypeCode')).toHaveCount(0);

  await type.selectOption({ label: '其他（填写类型代码）' });
  await expect(admin.getByLabel('事件类型代码')).toHaveValue('');
  await type.selectOption({ label: '危险化学品泄漏' });
  await expect(admin.locator('#plan-incidentTypeCode')).toHaveCount(0);
  await admin.context().close();
});
