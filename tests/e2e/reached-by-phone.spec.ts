import { expect, test } from '@playwright/test';
import { DESKTOP, PHONE, signedInPage } from './support/sessions';

// 收到 on someone's behalf: env1's phone rings but nobody taps 收到; the duty officer calls env1 and
// records it on the board. The row, the timeline and env1's open phone all show it at once, and no
// escalation step runs for that card afterwards.
test('the duty officer records env1 as reached by phone: the board, the timeline and env1’s phone all show 收到', async ({ browser }) => {
  const officer = await signedInPage(browser, 'duty', DESKTOP);
  const phone = await signedInPage(browser, 'env1', PHONE);
  await phone.goto('/field');
  await phone.getByTestId('start-duty').click();
  await expect(phone.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');

  const plans = (await (await officer.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const plan = plans.find((candidate) => candidate.incidentType === 'water_oil')!;
  const trigger = await officer.request.post('/api/incidents', {
    data: { planId: plan.id, location: { lat: 29.5873, lng: 106.3291 }, description: '梁滩河：电话联系确认', drill: true },
  });
  expect(trigger.status()).toBe(201);
  const { incident } = (await trigger.json()) as { incident: { id: string } };
  await expect(phone.getByTestId('alert-overlay')).toBeVisible();

  await officer.goto(`/incidents/${incident.id}`);
  const row = officer.locator('[data-testid="assignment-row"][data-username="env1"]');
  await expect(row).toHaveAttribute('data-acknowledged', 'false');
  await row.getByTestId('record-reached').click();
  const dialog = officer.getByRole('dialog');
  await expect(dialog).toContainText('王建国');
  await dialog.getByLabel('备注（可选）').fill('本人在车上，已知悉');
  await dialog.getByTestId('record-reached-confirm').click();

  await expect(row).toHaveAttribute('data-acknowledged', 'true');
  await expect(row.getByTestId('acknowledged-via')).toHaveAttribute('data-via', 'phone_call');
  await expect(row.getByTestId('record-reached')).toHaveCount(0);
  await expect(officer.getByTestId('timeline')).toContainText('陈值班 记录：王建国 已通过电话确认收到');
  // env1's phone stops ringing: its card is acknowledged, as if tapped there.
  await expect(phone.getByTestId('alert-overlay')).toHaveCount(0);
  await expect(phone.getByTestId('role-card').first()).toHaveAttribute('data-status', 'acknowledged');

  // A second record (another officer's tab, a double click) is a conflict and changes nothing.
  const detail = (await (await officer.request.get(`/api/incidents/${incident.id}`)).json()) as {
    assignments: { id: string; username: string; acknowledgedVia: string | null }[];
  };
  const env1 = detail.assignments.find((assignment) => assignment.username === 'env1')!;
  expect(env1.acknowledgedVia).toBe('phone_call');
  const again = await officer.request.post(`/api/assignments/${env1.id}/acknowledgement`, { data: { reachedBy: 'sms' } });
  expect(again.status()).toBe(409);

  await officer.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });
  await officer.context().close();
  await phone.context().close();
});
