import { expect, test } from '@playwright/test';
import { DESKTOP, PHONE, signedInPage, startDuty } from './support/sessions';

// 应急物资 in the 梁滩河 drill: the admin restocks the depots, the officer triggers the river-oil plan,
// the interception team's phone (360×740) says which depot to collect what from with a navigation
// link, and each reservation advances reserved → collected → deployed, from the board or from the
// crew's card, each side seeing the other's step live; after the lift the officer records what was
// consumed and the rest returns to stock.
test('materials: admin stock, the card’s depot and link, the board’s reservations, consumption after the lift', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin', DESKTOP);
  const officer = await signedInPage(browser, 'duty', DESKTOP);
  const phone = await signedInPage(browser, 'emerg1', PHONE);

  // Earlier specs triggered the same plan: fill the shelves so this incident gets everything.
  type Inventory = {
    items: { id: string; name: string }[];
    depots: { id: string; name: string }[];
    stock: { depotId: string; itemId: string; quantity: number }[];
  };
  const inventory = (await (await admin.request.get('/api/admin/materials')).json()) as Inventory;
  const item = (name: string) => inventory.items.find((row) => row.name === name)!.id;
  const near = inventory.depots.find((row) => row.name.includes('含谷'))!.id;
  const far = inventory.depots.find((row) => row.name.includes('西永'))!.id;
  for (const [depotId, name, quantity] of [
    [near, '吸油毡', 150],
    [near, '围油栏', 200],
    [near, '沙袋', 600],
    [far, '围油栏', 400],
    [far, '挖掘机', 1],
  ] as const) {
    const response = await admin.request.put('/api/admin/materials/stock', { data: { depotId, itemId: item(name), quantity } });
    expect(response.status()).toBe(200);
  }
  const refused = await admin.request.put('/api/admin/materials/stock', { data: { depotId: near, itemId: item('沙袋'), quantity: -3 } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/);

  await startDuty(phone);

  const plans = (await (await officer.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const plan = plans.find((candidate) => candidate.incidentType === 'water_oil')!;
  const trigger = await officer.request.post('/api/incidents', {
    data: { planId: plan.id, location: { lat: 29.5873, lng: 106.3291 }, description: '梁滩河：物资演练', drill: true },
  });
  expect(trigger.status()).toBe(201);
  const { incident, materialShortfalls } = (await trigger.json()) as { incident: { id: string }; materialShortfalls: unknown[] };
  expect(materialShortfalls).toEqual([]);

  // The phone: which depot, what, and a navigation link to it.
  const card = phone.getByTestId('card-materials');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('card-depot')).toHaveCount(2);
  await expect(card).toContainText('高新区应急物资储备库（含谷）');
  await expect(card).toContainText('围油栏 200 米');
  await expect(card).toContainText('挖掘机 1 台');
  await expect(card.getByTestId('depot-nav-link').first()).toHaveAttribute('href', /^geo:29\.\d+,106\.\d+/);

  // The board: five reservations, advanced by the officer.
  await officer.goto(`/incidents/${incident.id}`);
  const board = officer.getByTestId('incident-materials');
  await expect(board.getByTestId('material-reservation')).toHaveCount(5);
  const excavator = board.getByTestId('material-reservation').filter({ hasText: '挖掘机' });
  await expect(excavator).toHaveAttribute('data-status', 'reserved');
  await excavator.getByRole('button', { name: '标记已领取' }).click();
  await expect(excavator).toHaveAttribute('data-status', 'collected');
  // The phone hears the officer's step live, without a reload…
  const onPhone = card.getByTestId('card-reservation').filter({ hasText: '挖掘机' });
  await expect(onPhone).toHaveAttribute('data-status', 'collected');
  await expect(onPhone).toContainText('挖掘机 1 台 · 已领取');
  // …and, once 收到 is pressed, the crew reports the next step from the card; the board hears it.
  await phone.getByTestId('alert-ack').click();
  await expect(phone.getByTestId('alert-overlay')).toHaveCount(0);
  await onPhone.getByTestId('card-reservation-advance').click();
  await expect(onPhone).toHaveAttribute('data-status', 'deployed');
  await expect(onPhone.getByTestId('card-reservation-advance')).toHaveCount(0);
  await expect(excavator).toHaveAttribute('data-status', 'deployed');
  await expect(officer.getByTestId('timeline')).toContainText('何勇 标记物资已布设');

  // After the lift: consumption, and the rest back on the shelf.
  expect((await officer.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } })).status()).toBe(200);
  await officer.reload();
  const form = officer.getByTestId('settle-materials');
  await expect(form).toBeVisible();
  await form.getByLabel(/吸油毡/).fill('100');
  await form.getByRole('button', { name: '确认消耗并归还入库' }).click();
  await expect(form).toHaveCount(0);
  await expect(board.getByTestId('material-reservation').filter({ hasText: '吸油毡' })).toContainText('消耗 100');
  const after = (await (await admin.request.get('/api/admin/materials')).json()) as Inventory;
  const stockOf = (depotId: string, name: string) =>
    after.stock.find((row) => row.depotId === depotId && row.itemId === item(name))?.quantity;
  expect(stockOf(near, '吸油毡')).toBe(50);
  expect(stockOf(near, '围油栏')).toBe(200);
  expect(stockOf(far, '挖掘机')).toBe(1);

  for (const page of [admin, officer, phone]) await page.context().close();
});

// The admin pages: the stock table edits a shelf in place; a new catalogue item and depot appear;
// a bad quantity is refused with a clear message and nothing changes.
test('materials admin page: edit stock in place, add an item and a depot, refuse a bad quantity', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin', DESKTOP);
  await admin.goto('/admin');
  await admin.getByTestId('admin-section-materials').click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('应急物资');

  const depot = admin.locator('[data-testid="stock-depot"]').first();
  const depotName = await depot.getAttribute('data-depot-name');
  const cell = depot.getByTestId('stock-input').first();
  await cell.fill('777');
  await depot.getByTestId('stock-save').first().click();
  await expect(admin.getByTestId('materials-saved')).toContainText(`${depotName} 的`);
  await admin.reload();
  await expect(admin.locator('[data-testid="stock-depot"]').first().getByTestId('stock-input').first()).toHaveValue('777');

  const refused = admin.locator('[data-testid="stock-depot"]').first();
  await refused.getByTestId('stock-input').first().fill('-5');
  await refused.getByTestId('stock-save').first().click();
  await expect(admin.getByRole('alert').first()).toContainText(/[\u4e00-\u9fff]/);
  await admin.reload();
  await expect(admin.locator('[data-testid="stock-depot"]').first().getByTestId('stock-input').first()).toHaveValue('777');

  const itemName = `活性炭${Date.now() % 10_000}`;
  await admin.getByLabel('物资名称').fill(itemName);
  await admin.getByTestId('item-create').click();
  await expect(admin.getByTestId('stock-table')).toContainText(itemName);

  const depotNew = `曾家物资点${Date.now() % 10_000}`;
  await admin.locator('#depot-name').fill(depotNew);
  await admin.locator('#depot-lat').fill('29.61');
  await admin.locator('#depot-lng').fill('106.29');
  await admin.locator('#depot-custodianName').fill('刘保管');
  await admin.locator('#depot-custodianPhone').fill('13800001111');
  await admin.getByTestId('depot-create').click();
  await expect(admin.locator(`[data-testid="stock-depot"][data-depot-name="${depotNew}"]`)).toBeVisible();
  await admin.context().close();
});
