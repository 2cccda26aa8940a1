import { expect, test } from '@playwright/test';
import { PHONE, signedInPage } from './support/sessions';

// The phone page as field staff meet it at 360×740: a level-one heading, the ringing state named so
// it cannot be read as the incident's alarm, a plain word to those off the roster, and targets a
// finger can hit (44 px: WCAG 2.5.5).
test('off the roster, the phone says 一键启动 will not page you; the ringing chip is not the incident alarm', async ({ browser }) => {
  const offDuty = await signedInPage(browser, 'env4', PHONE);
  await offDuty.goto('/field');
  await expect(offDuty.getByRole('heading', { level: 1 })).toHaveText('我的任务');
  await expect(offDuty.getByTestId('off-roster')).toContainText('不在值班表上');
  await offDuty.getByTestId('start-duty').click();
  await expect(offDuty.getByTestId('alerts-armed')).toHaveText('响铃提醒已开启');

  const onDuty = await signedInPage(browser, 'env1', PHONE);
  await onDuty.goto('/field');
  await expect(onDuty.getByTestId('stand-by')).toBeVisible();
  await expect(onDuty.getByTestId('off-roster')).toHaveCount(0);
  await offDuty.context().close();
  await onDuty.context().close();
});

test('on a role card, the checklist boxes and the map’s zoom buttons are at least 44 px', async ({ browser }) => {
  const officer = await signedInPage(browser, 'duty', { viewport: { width: 1366, height: 900 } });
  const phone = await signedInPage(browser, 'env1', PHONE);
  await phone.goto('/field');
  await phone.getByTestId('start-duty').click();
  await expect(phone.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
  const plans = (await (await officer.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const trigger = await officer.request.post('/api/incidents', {
    data: {
      planId: plans.find((plan) => plan.incidentType === 'water_oil')!.id,
      location: { lat: 29.5873, lng: 106.3291 },
      description: '梁滩河：触控目标检查',
      drill: true,
    },
  });
  const { incident } = (await trigger.json()) as { incident: { id: string } };
  await phone.getByTestId('alert-ack').click();
  await expect(phone.getByTestId('alert-overlay')).toHaveCount(0);

  const card = phone.getByTestId('role-card').first();
  const boxes = card.locator('input[type="checkbox"]');
  expect(await boxes.count()).toBeGreaterThan(0);
  for (const box of await boxes.all()) {
    const size = (await box.boundingBox())!;
    expect(Math.min(size.width, size.height), 'checklist box').toBeGreaterThanOrEqual(44);
  }
  const zoom = card.locator('.leaflet-control-zoom a');
  await expect(zoom.first()).toBeVisible();
  for (const button of await zoom.all()) {
    await button.scrollIntoViewIfNeeded();
    const size = (await button.boundingBox())!;
    expect(Math.min(size.width, size.height), 'zoom button').toBeGreaterThanOrEqual(44);
  }

  await officer.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });
  await officer.context().close();
  await phone.context().close();
});

test('the card’s one-map puts the point the role names first and marks it; the sheet’s dismiss is not a “close”', async ({ browser }) => {
  const officer = await signedInPage(browser, 'duty', { viewport: { width: 1366, height: 900 } });
  const phone = await signedInPage(browser, 'env2', PHONE);
  await phone.goto('/field');
  await phone.getByTestId('start-duty').click();
  await expect(phone.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
  const enterprises = (await (await officer.request.get('/api/enterprises')).json()) as {
    id: string;
    name: string;
    location: { lat: number; lng: number };
  }[];
  const wwtp = enterprises.find((enterprise) => enterprise.name.includes('西永污水处理厂'))!;
  const plans = (await (await officer.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const trigger = await officer.request.post('/api/incidents', {
    data: {
      planId: plans.find((plan) => plan.incidentType === 'water_oil')!.id,
      location: wwtp.location,
      description: '污水厂总排口发现油污',
      enterpriseId: wwtp.id,
      drill: true,
    },
  });
  const { incident } = (await trigger.json()) as { incident: { id: string } };
  await phone.getByTestId('alert-ack').click();

  // env2's role: 督促关闭排污阀 V-3. V-3 is the 13th point of the plant's map; on this card it is first.
  const first = phone.getByTestId('card-map-point-row').first();
  await expect(first).toHaveAttribute('data-code', 'V-3');
  await expect(first).toHaveAttribute('data-named', 'true');
  await first.click();
  await expect(phone.getByRole('button', { name: '收起，返回平面图' })).toBeVisible();

  await officer.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });
  await officer.context().close();
  await phone.context().close();
});
