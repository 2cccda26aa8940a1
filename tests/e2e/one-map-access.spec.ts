import { expect, test, type APIRequestContext } from '@playwright/test';

// Access to the one-map over HTTP, as a matrix of role × enterprise × action.
// env1 holds an open assignment at the wastewater plant (wwtp); env3 holds none.

type Action = 'map' | 'draft' | 'versions' | 'addPoint' | 'approve';
const ACTIONS: Record<Action, (r: APIRequestContext, id: string) => Promise<number>> = {
  map: async (r, id) => (await r.get(`/api/enterprises/${id}/map`)).status(),
  draft: async (r, id) => (await r.get(`/api/enterprises/${id}/map/draft`)).status(),
  versions: async (r, id) => (await r.get(`/api/enterprises/${id}/map/versions`)).status(),
  addPoint: async (r, id) =>
    (
      await r.post(`/api/enterprises/${id}/points`, {
        data: { kind: 'manhole', code: `MX-${Date.now() % 100000}`, name: '检查井', x: 5, y: 5 },
      })
    ).status(),
  approve: async (r, id) => (await r.post(`/api/enterprises/${id}/map/versions/1/approve`)).status(),
};

// [user, enterprise, action, expected status]; approve on an already approved version is 409 (allowed, but nothing to do).
const MATRIX: [string, 'wwtp' | 'autoparts', Action, number][] = [
  ['ent1', 'wwtp', 'map', 200],
  ['ent1', 'wwtp', 'draft', 200],
  ['ent1', 'wwtp', 'versions', 200],
  ['ent1', 'wwtp', 'addPoint', 201],
  ['ent1', 'wwtp', 'approve', 403],
  ['ent1', 'autoparts', 'map', 404],
  ['ent1', 'autoparts', 'draft', 404],
  ['ent1', 'autoparts', 'versions', 404],
  ['ent1', 'autoparts', 'addPoint', 404],
  ['ent2', 'wwtp', 'map', 404],
  ['ent2', 'wwtp', 'addPoint', 404],
  ['env1', 'wwtp', 'map', 200],
  ['env1', 'wwtp', 'draft', 403],
  ['env1', 'wwtp', 'versions', 403],
  ['env1', 'wwtp', 'addPoint', 403],
  ['env1', 'wwtp', 'approve', 403],
  ['env1', 'autoparts', 'map', 403],
  ['env3', 'wwtp', 'map', 403],
  ['env3', 'autoparts', 'map', 403],
  ['duty', 'wwtp', 'map', 200],
  ['duty', 'autoparts', 'map', 200],
  ['duty', 'autoparts', 'versions', 200],
  ['duty', 'wwtp', 'draft', 403],
  ['duty', 'wwtp', 'addPoint', 403],
  ['duty', 'wwtp', 'approve', 409],
  ['admin', 'autoparts', 'map', 200],
  ['admin', 'autoparts', 'addPoint', 403],
];

test('one-map access matrix over HTTP', async ({ playwright, baseURL, extraHTTPHeaders }) => {
  const contexts = new Map<string, APIRequestContext>();
  const as = async (username: string) => {
    if (!contexts.has(username)) {
      const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders });
      expect((await context.post('/api/auth/login', { data: { username, password: 'ecodispatch' } })).status()).toBe(200);
      contexts.set(username, context);
    }
    return contexts.get(username)!;
  };

  const duty = await as('duty');
  const enterprises = (await (await duty.get('/api/enterprises')).json()) as { id: string; name: string }[];
  const ids = {
    wwtp: enterprises.find((e) => e.name.includes('西永污水处理厂'))!.id,
    autoparts: enterprises.find((e) => e.name.includes('创想车神'))!.id,
  };
  const plans = (await (await duty.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const created = await duty.post('/api/incidents', {
    data: {
      planId: plans.find((p) => p.incidentType === 'water_oil')!.id,
      location: { lat: 29.5912, lng: 106.3268 },
      description: '污水厂排口油污（权限测试）',
      enterpriseId: ids.wwtp,
      drill: true,
    },
  });
  expect(created.status()).toBe(201);
  const { incident } = (await created.json()) as { incident: { id: string } };

  const failures: string[] = [];
  for (const [user, enterprise, action, expected] of MATRIX) {
    const status = await ACTIONS[action](await as(user), ids[enterprise]);
    if (status !== expected) failures.push(`${user} × ${enterprise} × ${action}: ${status}, expected ${expected}`);
  }
  expect(failures).toEqual([]);

  // Once the alarm is lifted, the responder's access ends with it.
  expect((await duty.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } })).status()).toBe(200);
  expect(await ACTIONS.map(await as('env1'), ids.wwtp)).toBe(403);
  for (const context of contexts.values()) await context.dispose();
});
