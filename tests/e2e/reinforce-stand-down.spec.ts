import { expect, test } from '@playwright/test';
import { DESKTOP, PHONE, signedInPage, startDuty } from './support/sessions';

// 增派 and 撤回 on the board: the duty officer adds 吴磊 (police2) with a free role, and his phone
// rings with the card; then stands 王建国 (env1) down with a reason, and env1's phone says so.
test('the officer adds a person on the board and stands another down; the phones show the card and the notice', async ({ browser }) => {
  test.setTimeout(180_000);
  const officer = await signedInPage(browser, 'duty', DESKTOP);
  const added = await signedInPage(browser, 'police2', PHONE);
  const withdrawn = await signedInPage(browser, 'env1', PHONE);
  for (const phone of [added, withdrawn]) await startDuty(phone);

  const plans = (await (await officer.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const plan = plans.find((candidate) => candidate.incidentType === 'water_oil')!;
  const trigger = await officer.request.post('/api/incidents', {
    data: { planId: plan.id, location: { lat: 29.5873, lng: 106.3291 }, description: '梁滩河：增派与撤回', drill: true },
  });
  expect(trigger.status()).toBe(201);
  const { incident } = (await trigger.json()) as { incident: { id: string } };
  await expect(withdrawn.getByTestId('alert-overlay')).toBeVisible();

  await officer.goto(`/incidents/${incident.id}`);
  await officer.getByTestId('reinforce-open').click();
  const dialog = officer.getByTestId('reinforce-dialog');
  await dialog.getByLabel('按姓名或部门搜索').fill('吴磊');
  const person = dialog.locator('[data-testid="reinforce-person"][data-username="police2"]');
  await expect(person).toContainText('在岗');
  await person.getByRole('checkbox').check();
  await dialog.getByLabel('任务岗位').selectOption({ label: '自定义岗位…' });
  await dialog.getByLabel('岗位名称').fill('下游取样组');
  await dialog.getByLabel('任务说明').fill('在拦截坝下游 200 米处取水样送检');
  await dialog.getByTestId('reinforce-confirm').click();
  await expect(dialog).toBeHidden();

  const addedRow = officer.locator('[data-testid="assignment-row"][data-username="police2"]');
  await expect(addedRow).toContainText('下游取样组');
  await expect(officer.getByTestId('timeline')).toContainText('陈值班 增派 1 人（下游取样组）');
  // police2's phone rings with the card.
  await expect(added.getByTestId('alert-overlay')).toBeVisible();
  await expect(added.getByTestId('alert-overlay')).toContainText('下游取样组');

  // 撤回 env1, with a reason: a too-short one is refused on the spot.
  const env1Row = officer.locator('[data-testid="assignment-row"][data-username="env1"]');
  await env1Row.getByTestId('stand-down').click();
  const standDown = officer.getByRole('dialog', { name: '撤回 王建国' });
  await standDown.getByLabel('撤回原因').fill('好');
  await standDown.getByTestId('stand-down-confirm').click();
  await expect(standDown).toContainText('请填写撤回原因');
  await standDown.getByLabel('撤回原因').fill('已由专业队伍接替溯源');
  await standDown.getByTestId('stand-down-confirm').click();
  await expect(env1Row).toHaveAttribute('data-status', 'stood_down');
  await expect(env1Row).toContainText('已撤回');
  await expect(env1Row.getByTestId('stood-down-reason')).toContainText('已由专业队伍接替溯源');
  await expect(officer.getByTestId('timeline')).toContainText('陈值班 撤回 王建国（溯源排查组），原因：已由专业队伍接替溯源');

  // env1's phone: the card is gone, the notice says why, and the alarm stops.
  const notice = withdrawn.getByTestId('stood-down-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('您已被撤回');
  await expect(notice).toContainText('已由专业队伍接替溯源');
  await expect(withdrawn.getByTestId('alert-overlay')).toHaveCount(0);

  await officer.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });
  for (const page of [officer, added, withdrawn]) await page.context().close();
});
