import { expect, test } from '@playwright/test';
import { DESKTOP, PHONE, signedInPage } from './support/sessions';

test('ent1 moves a risk point and publishes; the responder assigned there sees the new position on the phone', async ({ browser }) => {
  // The responder's shift has started before the report comes in.
  const phone = await signedInPage(browser, 'env1', PHONE);
  await phone.goto('/field');
  await phone.getByTestId('start-duty').click();

  const duty = await signedInPage(browser, 'duty', DESKTOP);
  const enterprises = (await (await duty.request.get('/api/enterprises')).json()) as {
    id: string;
    name: string;
    location: { lat: number; lng: number };
  }[];
  const wwtp = enterprises.find((e) => e.name.includes('西永污水处理厂'))!;
  const plans = (await (await duty.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const created = await duty.request.post('/api/incidents', {
    data: {
      planId: plans.find((p) => p.incidentType === 'water_oil')!.id,
      location: wwtp.location,
      description: '污水厂总排口发现油污',
      enterpriseId: wwtp.id,
      drill: true,
    },
  });
  expect(created.status()).toBe(201);
  const { incident } = (await created.json()) as { incident: { id: string } };

  // The responder acknowledges the role card, which carries the plant's one-map.
  await phone.getByTestId('alert-ack').click();
  await expect(phone.getByTestId('card-map-version')).toHaveAttribute('data-version', /\d+/);
  const versionBefore = Number(await phone.getByTestId('card-map-version').getAttribute('data-version'));
  const row = phone.locator('[data-testid="card-map-point-row"][data-code="V-3"]');
  await expect(row).toBeVisible();
  const xBefore = Number(await row.getAttribute('data-x'));

  // The enterprise drags V-3 on its editor and publishes.
  const enterprise = await signedInPage(browser, 'ent1', DESKTOP);
  await enterprise.goto('/enterprise');
  const marker = enterprise.locator('[data-testid="editor-point"][data-code="V-3"]');
  await marker.scrollIntoViewIfNeeded();
  const box = (await marker.boundingBox())!;
  const moved = enterprise.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/points/') && r.status() === 200);
  await enterprise.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await enterprise.mouse.down();
  await enterprise.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 + 30, { steps: 12 });
  await enterprise.mouse.up();
  await moved;
  await enterprise.getByTestId('publish-button').click();
  await expect(enterprise.getByTestId('publish-result')).toHaveAttribute('data-version', String(versionBefore + 1));

  // Without a reload, the phone shows the new version and the point's new place.
  await expect(phone.getByTestId('card-map-version')).toHaveAttribute('data-version', String(versionBefore + 1));
  await expect.poll(async () => Number(await row.getAttribute('data-x'))).toBeLessThan(xBefore);

  expect((await duty.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } })).status()).toBe(200);
});
