import { expect, test } from '@playwright/test';
import { phoneWithCuttableNetwork } from './support/cuttable-phone';
import { openE2eDatabase } from './support/database-snapshot';
import { DESKTOP, signedInPage } from './support/sessions';

// 情况通报 as the drill needs it: the duty officer links the wastewater plant and says what was found;
// the phone that is online shows the update and the plant's one-map at once, the phone that was
// offline shows it when it is back, and a dismissed banner does not come back on reload.
test('an update linking the wastewater plant reaches an online and an offline phone, once each', async ({ browser }) => {
  const officer = await signedInPage(browser, 'duty', DESKTOP);
  const online = await phoneWithCuttableNetwork(browser, 'env2');
  const away = await phoneWithCuttableNetwork(browser, 'police1');
  for (const phone of [online, away]) {
    await phone.page.goto('/field');
    await expect(phone.page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
  }

  const plans = (await (await officer.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const trigger = await officer.request.post('/api/incidents', {
    data: {
      planId: plans.find((plan) => plan.incidentType === 'water_oil')!.id,
      location: { lat: 29.5873, lng: 106.3291 },
      description: '梁滩河：情况通报测试',
      drill: true,
    },
  });
  expect(trigger.status()).toBe(201);
  const { incident } = (await trigger.json()) as { incident: { id: string } };
  for (const phone of [online, away]) {
    await phone.page.getByTestId('alert-ack').click();
    await expect(phone.page.getByTestId('role-card').first()).toHaveAttribute('data-status', 'acknowledged');
  }
  await expect(online.page.getByTestId('card-map-version')).toHaveCount(0);
  await away.cut();

  await officer.goto(`/incidents/${incident.id}`);
  const text = '溯源确认：污染来自污水管网旁窨井（非法倾倒）；请西永污水处理厂关闭排放阀 V-3';
  await officer.getByTestId('update-text').fill(text);
  await officer.getByTestId('update-link').selectOption({ label: '重庆高新区西永污水处理厂' });
  await officer.getByTestId('update-post').click();
  await expect(officer.getByTestId('board-update')).toHaveCount(1);
  await expect(officer.getByTestId('board-update')).toContainText(text);
  await expect(officer.getByTestId('overview-enterprises')).toHaveText('重庆高新区西永污水处理厂');
  await expect(officer.getByTestId('board-enterprise-map')).toBeVisible();
  await expect(officer.getByTestId('timeline')).toContainText(`陈值班 发布情况通报 #1：${text}`);

  // Online: the banner and the plant's one-map, at once.
  await expect(online.page.getByTestId('update-banner')).toContainText(text);
  await expect(online.page.getByTestId('update-banner')).toContainText('新关联企业：重庆高新区西永污水处理厂');
  await expect(online.page.getByTestId('card-enterprise')).toContainText('重庆高新区西永污水处理厂');
  await expect(online.page.getByTestId('card-map-version')).toBeVisible();

  // Offline: nothing yet; once back, the same banner, once.
  await expect(away.page.getByTestId('update-banner')).toHaveCount(0);
  await away.restore();
  await expect(away.page.getByTestId('update-banner')).toContainText(text, { timeout: 20_000 });
  await expect(away.page.getByTestId('update-banner')).toHaveCount(1);
  await expect(away.page.getByTestId('card-update')).toHaveCount(1);

  // Dismissed stays dismissed, through a reload; the update stays listed on the card.
  await online.page.getByTestId('update-banner-dismiss').click();
  await expect(online.page.getByTestId('update-banner')).toHaveCount(0);
  await online.page.reload();
  await expect(online.page.getByTestId('role-card')).toHaveCount(1);
  await expect(online.page.getByTestId('card-update')).toHaveCount(1);
  await expect(online.page.getByTestId('update-banner')).toHaveCount(0);

  // Both phones confirmed it: the server has stopped re-sending to either.
  const database = openE2eDatabase();
  try {
    await expect
      .poll(() =>
        database
          .prepare(
            'select count(*) as n from assignments where incident_id = ? and user_id in (select id from users where username in (?, ?)) and updates_seen_seq = 1 and next_update_push_at is null',
          )
          .get(incident.id, 'env2', 'police1'),
      )
      .toEqual({ n: 2 });
  } finally {
    database.close();
  }

  // An update to a lifted incident is refused with a clear error, and nothing is stored.
  await officer.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });
  const late = await officer.request.post(`/api/incidents/${incident.id}/updates`, { data: { text: '解除之后的通报' } });
  expect(late.status()).toBe(409);
  expect(((await late.json()) as { error: { message: string } }).error.message).toBe('该事件已警报解除。');
  const detail = (await (await officer.request.get(`/api/incidents/${incident.id}`)).json()) as { updates: unknown[] };
  expect(detail.updates).toHaveLength(1);

  for (const context of [officer.context(), online.context, away.context]) await context.close();
});
