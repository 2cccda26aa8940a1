import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { AssignmentView, IncidentDetail } from '../../server/contracts/dispatch';
import { phoneWithCuttableNetwork } from './support/cuttable-phone';
import { DEMO_PASSWORD } from './support/sessions';

// Long enough that "the time of the tap" and "the time of the reconnect" cannot be confused.
const OFFLINE_WAIT_MS = 4_000;

async function triggerDrill(request: APIRequestContext, options: { description: string; enterpriseName?: string }) {
  const plans = (await (await request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const enterprises = (await (await request.get('/api/enterprises')).json()) as {
    id: string;
    name: string;
    location: { lat: number; lng: number };
  }[];
  const enterprise = options.enterpriseName ? enterprises.find((e) => e.name.includes(options.enterpriseName!)) : undefined;
  const created = await request.post('/api/incidents', {
    data: {
      planId: plans.find((p) => p.incidentType === 'water_oil')!.id,
      location: enterprise?.location ?? { lat: 29.6035, lng: 106.3452 },
      description: options.description,
      enterpriseId: enterprise?.id,
      drill: true,
    },
    headers: { 'Idempotency-Key': `e2e-offline-${Date.now()}-${Math.random()}` },
  });
  expect(created.status()).toBe(201);
  const incidentId = ((await created.json()) as { incident: { id: string } }).incident.id;
  triggered.push(incidentId);
  return incidentId;
}

async function assignmentOf(request: APIRequestContext, incidentId: string, username: string): Promise<AssignmentView> {
  const detail = (await (await request.get(`/api/incidents/${incidentId}`)).json()) as IncidentDetail;
  const assignment = detail.assignments.find((a) => a.username === username);
  expect(assignment, `${username} is assigned`).toBeTruthy();
  return assignment!;
}

async function signInOfficer(request: APIRequestContext) {
  expect((await request.post('/api/auth/login', { data: { username: 'duty', password: DEMO_PASSWORD } })).ok()).toBe(true);
}

// Each test lifts what it triggered, even when it fails, so the next one starts with no open cards.
const triggered: string[] = [];
test.afterEach(async ({ request }) => {
  await signInOfficer(request);
  for (const incidentId of triggered.splice(0)) await request.post(`/api/incidents/${incidentId}/lift`, { data: { reason: '演练结束' } });
});

const waitForOnline = (page: Page) => expect(page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');

test('故障测试 5: 收到 tapped offline is queued, then delivered after reconnect with the time of the tap', async ({ browser, request }) => {
  await signInOfficer(request);
  const phone = await phoneWithCuttableNetwork(browser, 'env1');
  const { page } = phone;
  await page.goto('/field');
  await waitForOnline(page);

  const incidentId = await triggerDrill(request, { description: '梁滩河西永段水面油膜，离线演练' });
  const assignment = await assignmentOf(request, incidentId, 'env1');
  const card = page.locator(`[data-testid="role-card"][data-assignment-id="${assignment.id}"]`);
  await expect(page.getByTestId('alert-overlay')).toHaveAttribute('data-assignment-id', assignment.id);
  // The phone's receipt reached the server: the line was good before it was cut.
  await expect.poll(async () => (await assignmentOf(request, incidentId, 'env1')).status).toBe('delivered');

  await phone.cut();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'false');

  const tappedAfter = Date.now();
  await page.getByTestId('alert-ack').click();
  const tappedBefore = Date.now();
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('alert-overlay')).toHaveCount(0);
  await expect(card).toHaveAttribute('data-status', 'acknowledged');
  await expect(card).toHaveAttribute('data-queued', 'true');
  const occurredAt = (await card.getByTestId('queued-note').getAttribute('data-occurred-at'))!;
  expect(Date.parse(occurredAt)).toBeGreaterThanOrEqual(tappedAfter - 1);
  expect(Date.parse(occurredAt)).toBeLessThanOrEqual(tappedBefore + 1);

  await page.waitForTimeout(OFFLINE_WAIT_MS);
  // Nothing reached the server while the phone was offline.
  expect((await assignmentOf(request, incidentId, 'env1')).acknowledgedAt).toBeNull();

  const restoredAt = Date.now();
  await phone.restore();
  await waitForOnline(page);
  await expect(page.getByTestId('outbox-status')).toHaveCount(0, { timeout: 30_000 });
  await expect(card).toHaveAttribute('data-queued', 'false');
  await expect(card).toHaveAttribute('data-status', 'acknowledged');

  const acknowledged = await assignmentOf(request, incidentId, 'env1');
  expect(acknowledged.status).toBe('acknowledged');
  // The board keeps the moment of the tap, not the moment the network came back.
  expect(acknowledged.acknowledgedAt).not.toBeNull();
  expect(Date.parse(acknowledged.acknowledgedAt!)).toBe(Date.parse(occurredAt));
  expect(restoredAt - Date.parse(acknowledged.acknowledgedAt!)).toBeGreaterThanOrEqual(OFFLINE_WAIT_MS);

  await phone.context.close();
});

test('警报解除 while the phone was offline: on reconnect it says the incident was lifted, then the card goes', async ({
  browser,
  request,
}) => {
  await signInOfficer(request);
  const phone = await phoneWithCuttableNetwork(browser, 'env1');
  const { page } = phone;
  await page.goto('/field');
  await waitForOnline(page);
  const incidentId = await triggerDrill(request, { description: '梁滩河：离线时解除警报' });
  await page.getByTestId('alert-ack').click();
  await expect(page.getByTestId('role-card')).toHaveCount(1);

  await phone.cut();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'false');
  expect((await request.post(`/api/incidents/${incidentId}/lift`, { data: { reason: '演练结束' } })).status()).toBe(200);
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId('lifted-notice')).toHaveCount(0);

  await phone.restore();
  await waitForOnline(page);
  const notice = page.locator(`[data-testid="lifted-notice"][data-incident-id="${incidentId}"]`);
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await notice.getByRole('button').click();
  await expect(page.getByTestId('role-card')).toHaveCount(0);
  await phone.context.close();
});

test('the phone page installs, and a reload without network still shows the card, its one-map and the queued tap', async ({
  browser,
  request,
}) => {
  const manifestResponse = await request.get('/manifest.webmanifest');
  expect(manifestResponse.status()).toBe(200);
  const manifest = (await manifestResponse.json()) as {
    start_url: string;
    display: string;
    name: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ start_url: '/field', display: 'standalone' });
  expect(manifest.name).toContain('EcoDispatch');
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
  }

  await signInOfficer(request);
  const phone = await phoneWithCuttableNetwork(browser, 'env1');
  const { page } = phone;
  await page.goto('/field');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', /manifest\.webmanifest/);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
  await waitForOnline(page);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toMatch(/\/sw\.js$/);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async () => Boolean(await caches.match('/field')));

  const incidentId = await triggerDrill(request, { description: '污水厂总排口发现油污，离线演练', enterpriseName: '西永污水处理厂' });
  const assignment = await assignmentOf(request, incidentId, 'env1');
  const card = page.locator(`[data-testid="role-card"][data-assignment-id="${assignment.id}"]`);
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('card-map-version')).toHaveAttribute('data-version', /\d+/);

  await phone.cut();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'false');
  // The worker's own requests are offline too: what follows comes from its caches, not the server.
  expect(
    await page.evaluate(() =>
      fetch('/api/health').then(
        () => 'reached',
        () => 'offline',
      ),
    ),
  ).toBe('offline');
  await page.getByTestId('alert-ack').click();
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-count', '1');

  await page.reload();
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-status', 'acknowledged');
  await expect(card).toHaveAttribute('data-queued', 'true');
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'false');
  await expect(card.getByTestId('card-map-version')).toHaveAttribute('data-version', /\d+/);
  await expect(card.getByTestId('card-map-point-row').first()).toBeVisible();

  await phone.restore();
  await waitForOnline(page);
  await expect(page.getByTestId('outbox-status')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await assignmentOf(request, incidentId, 'env1')).status).toBe('acknowledged');

  await phone.context.close();
});

test('a shared phone forgets the cards on logout', async ({ browser, request }) => {
  await signInOfficer(request);
  const phone = await phoneWithCuttableNetwork(browser, 'env1');
  const { page } = phone;
  await page.goto('/field');
  await waitForOnline(page);
  const incidentId = await triggerDrill(request, { description: '共用手机退出演练' });
  const assignment = await assignmentOf(request, incidentId, 'env1');
  const card = page.locator(`[data-testid="role-card"][data-assignment-id="${assignment.id}"]`);
  await page.getByTestId('alert-ack').click();
  await expect(card).toHaveAttribute('data-status', 'acknowledged');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ecodispatch.field.')).length))
    .toBe(1);

  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ecodispatch.field.')).length)).toBe(0);
  // Scripts may be cached again by the login page; nothing personal may be: no page, no API answer.
  const personal = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const cached of await (await caches.open(name)).keys()) urls.push(new URL(cached.url).pathname);
    }
    return urls.filter((path) => !path.startsWith('/_next/static/') && !path.startsWith('/icons/') && path !== '/manifest.webmanifest');
  });
  expect(personal).toEqual([]);

  await phone.context.close();
});
