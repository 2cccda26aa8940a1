import { expect, test, type Page } from '@playwright/test';
import { makeExifPhoto } from '../helpers/exif-photo';
import { openE2eDatabase } from './support/database-snapshot';
import { expectNoSidewaysScroll } from './support/phone-layout';
import { DESKTOP, PHONE, pressAndHold, signedInPage, startDuty } from './support/sessions';

// The 梁滩河 drill, the whole response in one run: a duty officer at a desk and four phones at
// 360×740. The press; a field report of the manhole with a photo and its position; the wastewater
// plant linked and an update posted, reaching every phone with the plant's one-map; a reinforcement;
// 收到 recorded for someone reached by phone (their escalation stops); materials reserved on the
// cards and the board; and 警报解除 with its reason on every phone.
const MANHOLE = { latitude: 29.5771, longitude: 106.3062, accuracy: 12 };
const RESPONDERS = ['env1', 'env2', 'police1', 'emerg1'] as const;
const PLANT = '重庆高新区西永污水处理厂';

const row = (officer: Page, username: string) => officer.locator(`[data-testid="assignment-row"][data-username="${username}"]`);

test('the 梁滩河 drill: trigger, field report with photo, update linking the plant, reinforcement, 收到 by phone, materials, lift', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const admin = await signedInPage(browser, 'admin', DESKTOP);
  const officer = await signedInPage(browser, 'duty', DESKTOP);
  const phones = Object.fromEntries(
    await Promise.all(
      RESPONDERS.map(
        async (username) =>
          [username, await signedInPage(browser, username, { ...PHONE, geolocation: MANHOLE, permissions: ['geolocation'] })] as const,
      ),
    ),
  ) as Record<(typeof RESPONDERS)[number], Page>;
  const reinforcement = await signedInPage(browser, 'police2', PHONE);
  await Promise.all([...Object.values(phones), reinforcement].map(startDuty));

  // Earlier specs held the same shelves: fill them so this drill's press reserves everything.
  type Inventory = { items: { id: string; name: string }[]; depots: { id: string; name: string }[] };
  const inventory = (await (await admin.request.get('/api/admin/materials')).json()) as Inventory;
  const itemId = (name: string) => inventory.items.find((item) => item.name === name)!.id;
  for (const depot of inventory.depots) {
    for (const name of ['吸油毡', '围油栏', '沙袋', '挖掘机']) {
      const quantity = name === '挖掘机' ? 2 : 2_000;
      expect(
        (await admin.request.put('/api/admin/materials/stock', { data: { depotId: depot.id, itemId: itemId(name), quantity } })).status(),
      ).toBe(200);
    }
  }

  // 1. 一键启动 from the dashboard: the type, a point on the map, press-and-hold.
  await officer.goto('/dashboard');
  await officer.getByTestId('trigger-type-water_oil').click();
  await officer.getByTestId('dispatch-map').click({ position: { x: 300, y: 220 } });
  await expect(officer.getByTestId('trigger-lat')).not.toHaveValue('');
  await officer.getByTestId('trigger-drill').check();
  await pressAndHold(officer, 'trigger-button');
  await officer.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  const incidentId = officer.url().split('/').at(-1)!;

  // Everyone but emerg1 taps 收到; emerg1 is out of reach of the app.
  for (const username of ['env1', 'env2', 'police1'] as const) {
    await expect(phones[username].getByTestId('alert-overlay')).toBeVisible();
    await phones[username].getByTestId('alert-ack').press('Enter');
    await expect(phones[username].getByTestId('role-card').first()).toHaveAttribute('data-status', 'acknowledged');
  }
  await expect(phones.emerg1.getByTestId('alert-overlay')).toBeVisible();
  for (const phone of Object.values(phones)) await expectNoSidewaysScroll(phone);

  // 2. env1 reports the manhole: text, a camera photo with EXIF GPS, and the phone's position.
  const tracing = phones.env1.getByTestId('role-card').first();
  await expect(tracing.getByTestId('report-position')).toHaveAttribute('data-kind', 'located');
  await tracing.getByTestId('report-text').fill('污水管网旁 3 号窨井发现大量黑色油污，疑似非法倾倒，已拍照采样');
  await tracing
    .getByTestId('report-photos')
    .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await makeExifPhoto(2400, 1800) });
  await tracing.getByTestId('report-send').press('Enter');
  await expect(tracing.getByTestId('report-sent')).toBeVisible();
  const reports = officer.getByTestId('board-field-reports');
  await expect(reports).toContainText('3 号窨井');
  await expect(reports.getByTestId('field-report-thumb').first()).toBeVisible();
  await expect(officer.getByTestId('field-report-map')).toHaveAttribute('data-markers', '1');

  // 3. The officer links the wastewater plant and posts an update.
  const text = '溯源确认：污染来自 3 号窨井非法倾倒。请西永污水处理厂关闭排放阀 V-3，拦截吸附组在下游筑坝、布设围油栏和吸油毡';
  await officer.getByTestId('update-text').fill(text);
  await officer.getByTestId('update-link').selectOption({ label: PLANT });
  await officer.getByTestId('update-post').click();
  await expect(officer.getByTestId('board-update')).toContainText(text);
  await expect(officer.locator(`[data-testid="board-enterprise-map"]`)).toBeVisible();

  // 4. Every phone shows the update and the plant's one-map.
  for (const username of ['env1', 'env2', 'police1'] as const) {
    const phone = phones[username];
    await expect(phone.getByTestId('update-banner')).toContainText(text);
    await expect(phone.getByTestId('card-enterprise')).toContainText(PLANT);
    await expect(phone.getByTestId('card-map-version').first()).toBeVisible();
  }

  // 5. A reinforcement gets a card.
  await officer.getByTestId('reinforce-open').click();
  const dialog = officer.getByTestId('reinforce-dialog');
  await dialog.getByLabel('按姓名或部门搜索').fill('吴磊');
  await dialog.locator('[data-testid="reinforce-person"][data-username="police2"]').getByRole('checkbox').check();
  await dialog.getByLabel('任务岗位').selectOption({ label: '自定义岗位…' });
  await dialog.getByLabel('岗位名称').fill('下游取样组');
  await dialog.getByLabel('任务说明').fill('在拦截坝下游 200 米处取水样送检');
  await dialog.getByTestId('reinforce-confirm').click();
  await expect(row(officer, 'police2')).toContainText('下游取样组');
  await expect(reinforcement.getByTestId('alert-overlay')).toContainText('下游取样组');
  // The reinforcement's card carries what is known so far: the update and the plant.
  await reinforcement.getByTestId('alert-ack').press('Enter');
  await expect(reinforcement.getByTestId('card-update')).toContainText(text);

  // 6. emerg1 is reached by phone: the officer records it, and the escalation stops.
  await row(officer, 'emerg1').getByTestId('record-reached').click();
  await officer.getByRole('dialog').getByTestId('record-reached-confirm').click();
  await expect(row(officer, 'emerg1')).toHaveAttribute('data-acknowledged', 'true');
  await expect(phones.emerg1.getByTestId('alert-overlay')).toHaveCount(0);
  await expect(phones.emerg1.getByTestId('update-banner')).toContainText(text);
  const database = openE2eDatabase();
  try {
    const card = database
      .prepare(
        'select acknowledged_via as via, next_escalation_at as next from assignments where incident_id = ? and user_id = (select id from users where username = ?)',
      )
      .get(incidentId, 'emerg1');
    expect(card).toEqual({ via: 'phone_call', next: null });
  } finally {
    database.close();
  }

  // 7. The interception team's card and the board show the reserved materials.
  const materials = phones.emerg1.getByTestId('card-materials');
  await expect(materials).toContainText('挖掘机');
  await expect(materials).toContainText('围油栏');
  await expect(materials.getByTestId('depot-nav-link').first()).toHaveAttribute('href', /^geo:/);
  for (const phone of [...Object.values(phones), reinforcement]) await expectNoSidewaysScroll(phone);
  const board = officer.getByTestId('incident-materials');
  await expect(board.getByTestId('material-reservation').filter({ hasText: '吸油毡' }).first()).toBeVisible();
  await expect(board.getByTestId('material-reservation').filter({ hasText: '沙袋' }).first()).toBeVisible();

  // 8. 警报解除 with its reason, on every phone.
  await officer.getByTestId('lift-button').click();
  await officer.getByTestId('lift-reason').fill('油污已拦截回收，下游断面监测达标');
  await officer.getByTestId('lift-confirm').click();
  await expect(officer.getByTestId('incident-status')).toHaveAttribute('data-status', 'lifted');
  for (const phone of [...Object.values(phones), reinforcement]) {
    await expect(phone.getByTestId('lifted-notice')).toBeVisible();
    await expect(phone.getByTestId('lifted-reason')).toContainText('油污已拦截回收，下游断面监测达标');
  }

  for (const page of [admin, officer, reinforcement, ...Object.values(phones)]) await page.context().close();
});
