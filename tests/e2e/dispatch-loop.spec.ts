import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, pressAndHold, signedInPage } from './support/sessions';

const RESPONDERS = ['env1', 'police1', 'emerg1'] as const;

async function startShift(phone: Page) {
  await phone.goto('/field');
  await phone.getByTestId('start-duty').click();
  await expect(phone.getByTestId('alerts-armed')).toHaveAttribute('data-armed', 'true');
  await expect(phone.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
}

test('一键启动: the officer triggers, three phones receive and acknowledge, the board shows it, the alarm is lifted', async ({
  browser,
}) => {
  const officer = await signedInPage(browser, 'duty', DESKTOP);
  const phones = await Promise.all(RESPONDERS.map((username) => signedInPage(browser, username, PHONE)));
  await Promise.all(phones.map(startShift));

  // Three interactions: the type, a point on the map, press-and-hold.
  await officer.goto('/dashboard');
  await officer.getByTestId('trigger-type-water_oil').click();
  await officer.getByTestId('dispatch-map').click({ position: { x: 300, y: 220 } });
  await expect(officer.getByTestId('trigger-lat')).not.toHaveValue('');
  await officer.getByTestId('trigger-drill').check();
  await pressAndHold(officer, 'trigger-button');
  await officer.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);

  for (const phone of phones) {
    const overlay = phone.getByTestId('alert-overlay');
    await expect(overlay).toBeVisible();
    await overlay.getByTestId('alert-ack').click();
    await expect(phone.getByTestId('role-card').first()).toHaveAttribute('data-status', 'acknowledged');
    await expect(phone.getByTestId('alert-overlay')).toHaveCount(0);
  }

  for (const username of RESPONDERS) {
    await expect(officer.locator(`[data-testid="assignment-row"][data-username="${username}"]`)).toHaveAttribute(
      'data-status',
      'acknowledged',
    );
  }
  // env2 is also in the plan but has not acknowledged: the board keeps that visible.
  await expect(officer.locator('[data-testid="assignment-row"][data-username="env2"]')).toHaveAttribute('data-acknowledged', 'false');

  const [firstPhone] = phones;
  await firstPhone!.getByTestId('action-en_route').click();
  await expect(officer.locator('[data-testid="assignment-row"][data-username="env1"]')).toHaveAttribute('data-status', 'en_route');

  await officer.getByTestId('lift-button').click();
  // The reason is required: the confirm button waits for it.
  await expect(officer.getByTestId('lift-confirm')).toBeDisabled();
  await officer.getByTestId('lift-reason').fill('油污已拦截回收，下游监测达标');
  await officer.getByTestId('lift-confirm').click();
  await expect(officer.getByTestId('incident-status')).toHaveAttribute('data-status', 'lifted');

  for (const phone of phones) {
    await expect(phone.getByTestId('lifted-notice')).toBeVisible();
    await expect(phone.getByTestId('lifted-reason')).toHaveText('解除原因：油污已拦截回收，下游监测达标');
    // The closed card stays readable behind the notice until the person has seen it.
    await expect(phone.getByTestId('role-card')).toHaveAttribute('data-lifted', 'true');
    await phone.getByTestId('lifted-notice').getByRole('button').click();
    await expect(phone.getByTestId('role-card')).toHaveCount(0);
  }
});

test('a phone that reloads still shows its open assignment, read from the database', async ({ browser, request }) => {
  const login = await request.post('/api/auth/login', { data: { username: 'duty', password: 'ecodispatch' } });
  expect(login.ok()).toBe(true);
  const plans = (await (await request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const plan = plans.find((p) => p.incidentType === 'chemical_leak')!;
  const created = await request.post('/api/incidents', {
    data: { planId: plan.id, location: { lat: 29.6035, lng: 106.3452 }, description: '化工园区储罐区异味，疑似泄漏', drill: true },
    headers: { 'Idempotency-Key': `e2e-reload-${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const { incident } = (await created.json()) as { incident: { id: string } };

  const phone = await signedInPage(browser, 'police2', PHONE);
  await phone.goto('/field');
  await expect(phone.locator(`[data-testid="role-card"]`)).toHaveCount(1);
  await phone.reload();
  await expect(phone.locator(`[data-testid="role-card"]`)).toHaveCount(1);
  await expect(phone.getByTestId('role-card')).toHaveAttribute('data-status', /sent|delivered/);

  const lifted = await request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });
  expect(lifted.ok()).toBe(true);
});
