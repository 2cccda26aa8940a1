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

// The drill targets are edited in minutes and kept in seconds; a value out of range is marked and nothing is saved.
test('the plan editor edits the drill targets in minutes', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin', DESKTOP);
  const plans = (await (await admin.request.get('/api/admin/plans')).json()) as { id: string; incidentType: string }[];
  const riverOil = plans.find((plan) => plan.incidentType === 'water_oil')!;
  const targetsOf = async () =>
    ((await (await admin.request.get(`/api/admin/plans/${riverOil.id}`)).json()) as { targets: Record<string, number> }).targets;
  const before = await targetsOf();
  await admin.goto(`/admin/plans/${riverOil.id}`);
  const everyone = admin.getByLabel('全员收到', { exact: true });
  await expect(everyone).toHaveValue(String(before.everyoneAcknowledgedSeconds! / 60));

  await everyone.fill('0');
  await admin.getByTestId('plan-save').click();
  await expect(everyone).toHaveAttribute('aria-invalid', 'true');
  expect(await targetsOf()).toEqual(before);

  await everyone.fill('5');
  await admin.getByTestId('plan-save').click();
  await expect(admin.getByText('预案已保存。')).toBeVisible();
  expect(await targetsOf()).toEqual({ ...before, everyoneAcknowledgedSeconds: 300 });

  // Put it back for the specs that score drills against the seeded targets.
  await everyone.fill(String(before.everyoneAcknowledgedSeconds! / 60));
  await admin.getByTestId('plan-save').click();
  await expect.poll(targetsOf).toEqual(before);
  await admin.context().close();
});
