import { expect, test, type APIRequestContext } from '@playwright/test';

// The public HTTP contract in docs/api.md, checked against the real production server.

async function loginAs(request: APIRequestContext, username: string) {
  const response = await request.post('/api/auth/login', { data: { username, password: 'ecodispatch' } });
  expect(response.status()).toBe(200);
}

async function riverPlanId(request: APIRequestContext) {
  const plans = (await (await request.get('/api/plans')).json()) as { id: string; incidentType: string; roles: unknown[] }[];
  return plans.find((plan) => plan.incidentType === 'water_oil')!.id;
}

test('GET /api/health answers ok, with the database and the workers checked', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: 'ok',
    checks: { database: { status: 'ok' }, workers: { outbox: { status: 'ok' } } },
  });
  expect(response.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('login sets an httpOnly SameSite session cookie; a bad login is a 401 with a JSON error', async ({ request }) => {
  const bad = await request.post('/api/auth/login', { data: { username: 'duty', password: 'nope' } });
  expect(bad.status()).toBe(401);
  expect(await bad.json()).toMatchObject({ error: { code: 'unauthenticated', message: expect.any(String) } });

  const malformed = await request.post('/api/auth/login', { data: 'not json at all', headers: { 'content-type': 'application/json' } });
  expect(malformed.status()).toBe(400);

  const good = await request.post('/api/auth/login', { data: { username: 'duty', password: 'ecodispatch' } });
  expect(good.status()).toBe(200);
  const cookie = good.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/ed_session=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=lax/i);
});

test('calls without a session are refused with 401', async ({ request }) => {
  expect((await request.get('/api/plans')).status()).toBe(401);
  expect((await request.post('/api/incidents', { data: {} })).status()).toBe(401);
});

test('POST /api/incidents: 201 with assignments, idempotent on retry, 400 on bad input storing nothing', async ({ request }) => {
  await loginAs(request, 'duty');
  const planId = await riverPlanId(request);
  const body = { planId, location: { lat: 29.5873, lng: 106.3291 }, description: '梁滩河合谷段水面发现黑色油污', drill: true };
  const key = `api-test-${Date.now()}`;

  const first = await request.post('/api/incidents', { data: body, headers: { 'Idempotency-Key': key } });
  expect(first.status()).toBe(201);
  const created = (await first.json()) as {
    incident: { id: string };
    assignments: { id: string; userId: string; department: string; role: string }[];
  };
  expect(created.assignments.length).toBeGreaterThanOrEqual(4);
  expect(created.assignments[0]).toMatchObject({
    id: expect.any(String),
    userId: expect.any(String),
    department: expect.any(String),
    role: expect.any(String),
  });

  const retry = await request.post('/api/incidents', { data: body, headers: { 'Idempotency-Key': key } });
  expect((await retry.json()).incident.id).toBe(created.incident.id);

  const before = ((await (await request.get('/api/incidents')).json()) as unknown[]).length;
  for (const bad of [{ ...body, location: { lat: 'x', lng: 1 } }, { ...body, planId: 'nope' }, { ...body, description: '' }, []]) {
    const response = await request.post('/api/incidents', { data: bad });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.any(String) } });
  }
  expect(((await (await request.get('/api/incidents')).json()) as unknown[]).length).toBe(before);

  const detail = await request.get(`/api/incidents/${created.incident.id}`);
  expect(detail.status()).toBe(200);
  expect(await detail.json()).toMatchObject({
    id: created.incident.id,
    status: 'active',
    assignments: expect.any(Array),
    timeline: expect.any(Array),
  });

  const lift = await request.post(`/api/incidents/${created.incident.id}/lift`, { data: { reason: '演练结束' } });
  expect(lift.status()).toBe(200);
  expect((await request.post(`/api/incidents/${created.incident.id}/lift`, { data: { reason: '演练结束' } })).status()).toBe(409);
});

test('field staff cannot trigger, and errors follow the chosen language', async ({ request }) => {
  await loginAs(request, 'env1');
  const response = await request.post('/api/incidents', {
    data: { planId: '00000000-0000-4000-8000-000000000000', location: { lat: 29.5, lng: 106.3 }, description: 'test' },
    headers: { 'accept-language': 'en' },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toBe('You are not allowed to do this.');
});
