import { expect, test } from '@playwright/test';
import { DESKTOP, PHONE, signedInPage, startDuty } from './support/sessions';

// Issue 15: escalation step 3 put "已通知 杨光明" on the board while 杨光明's open phone showed
// nothing, and no channel but the open page was configured. Now the supervisor's phone says what
// is expected of them, and the board says what reached them, and how.

test('the supervisor’s open phone shows the escalation, and the board says it reached them on the open page', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, 'admin', DESKTOP);
  const { users } = (await (await admin.request.get('/api/admin/users')).json()) as {
    users: { id: string; username: string; departmentId: string | null }[];
  };
  const env1 = users.find((user) => user.username === 'env1')!;
  // A plan of one role for env1 alone whose only step, after the shortest wait, is the supervisor.
  const created = await admin.request.post('/api/admin/plans', {
    data: {
      name: 'e2e 升级到科室负责人',
      incidentType: 'e2e_escalation',
      roles: [
        {
          departmentId: env1.departmentId,
          name: '溯源排查组',
          instructions: '沿河排查油污来源',
          targetLabel: '梁滩河合谷段',
          requiredCount: 1,
          memberIds: [env1.id],
          ackTimeoutSeconds: 15,
          escalationSteps: ['supervisor'],
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const plan = (await created.json()) as { id: string };

  const lead = await signedInPage(browser, 'envlead', PHONE);
  await startDuty(lead);

  const officer = await signedInPage(browser, 'duty', DESKTOP);
  const trigger = await officer.request.post('/api/incidents', {
    data: { planId: plan.id, location: { lat: 29.5873, lng: 106.3291 }, description: '梁滩河：无人确认，升级到科室负责人', drill: true },
  });
  expect(trigger.status()).toBe(201);
  const { incident } = (await trigger.json()) as { incident: { id: string } };
  // Lifted whatever happens below: an open card would cover the next spec's phones.
  try {
    await officer.goto(`/incidents/${incident.id}`);

    const notice = lead.getByTestId('escalation-notice');
    await expect(notice).toBeVisible({ timeout: 40_000 });
    await expect(notice).toContainText('王建国 未确认「溯源排查组」任务 — 请电话联系或指派替补');
    await expect(notice.getByRole('link', { name: '呼叫 王建国' })).toHaveAttribute('href', /^tel:/);

    // The board: the open page is what reached the supervisor; nothing else was configured.
    await expect(officer.getByTestId('escalation-reached')).toHaveAttribute('data-channels', 'socket');
    await expect(officer.getByTestId('escalation-reached')).toContainText('：在线页面');
    await expect(officer.getByTestId('timeline')).toContainText('已通知科室负责人');
    await expect(officer.getByTestId('timeline')).toContainText('：在线页面');

    await notice.getByRole('button', { name: '知道了' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    await officer.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });
    await admin.request.put(`/api/admin/plans/${plan.id}/active`, { data: { isActive: false } });
  }
  await Promise.all([admin, lead, officer].map((page) => page.context().close()));
});
