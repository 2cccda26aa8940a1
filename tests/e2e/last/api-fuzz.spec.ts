import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { bodyArbitrary, FUZZ_RUNS } from '../../helpers/fuzz-arbitraries';
import { signIn, type Role } from '../support/actors';
import { discoverApiRoutes, type RouteMethod } from '../support/api-routes';
import { openE2eDatabase, rowCounts } from '../support/database-snapshot';

/*
 * Property: whatever body arrives at a JSON route, the server answers below 500; every 4xx is a
 * localized error ({error:{code, message}} with a Chinese message, the default language); and a
 * refused request changes nothing (every table's row count is as before). Each route is fuzzed
 * as a caller allowed to use it, against throwaway targets made here, so the bodies reach
 * validation and the verbs rather than stopping at a 401. FUZZ_RUNS bodies per route (300 by default).
 * This project runs after every other e2e spec (playwright.config.ts): a body that happens to be
 * valid does change its throwaway target.
 */

type Target = { role: Role; path: string; template: Record<string, unknown>; headers?: () => Record<string, string> };
type Ids = {
  own: string;
  pointId: string;
  planId: string;
  departmentId: string;
  userId: string;
  reportToken: string;
  receptorId: string;
  spareReceptorId: string;
  /** A lifted throwaway incident with a 初报 draft: the statutory reports' routes reach their verbs. */
  incidentId: string;
  reportId: string;
  content: Record<string, unknown>;
};

let address = 0;
const TARGETS: Record<string, (ids: Ids) => Target> = {
  'POST /api/admin/departments': () => ({
    role: 'admin',
    path: '/api/admin/departments',
    template: { code: 'fuzz', name: '模糊', nameEn: 'Fuzz' },
  }),
  'PATCH /api/admin/departments/[id]': (ids) => ({
    role: 'admin',
    path: `/api/admin/departments/${ids.departmentId}`,
    template: { code: 'fuzzd', name: '模糊', nameEn: 'Fuzz' },
  }),
  // The throwaway department has a member: deleting it is refused (409), whatever the body says.
  'DELETE /api/admin/departments/[id]': (ids) => ({ role: 'admin', path: `/api/admin/departments/${ids.departmentId}`, template: {} }),
  'POST /api/admin/receptors': () => ({
    role: 'admin',
    path: '/api/admin/receptors',
    template: { kind: 'school', name: '模糊', location: { lat: 29.59, lng: 106.33 }, note: '' },
  }),
  'PUT /api/admin/receptors/[id]': (ids) => ({
    role: 'admin',
    path: `/api/admin/receptors/${ids.receptorId}`,
    template: { kind: 'hospital', name: '模糊', location: { lat: 29.59, lng: 106.33 }, note: '' },
  }),
  // The first call deletes the spare receptor; every later one finds nothing (404), whatever the body says.
  'DELETE /api/admin/receptors/[id]': (ids) => ({ role: 'admin', path: `/api/admin/receptors/${ids.spareReceptorId}`, template: {} }),
  'POST /api/admin/plans': (ids) => ({ role: 'admin', path: '/api/admin/plans', template: plan(ids) }),
  'PUT /api/admin/plans/[id]': (ids) => ({ role: 'admin', path: `/api/admin/plans/${ids.planId}`, template: plan(ids) }),
  'PUT /api/admin/plans/[id]/active': (ids) => ({
    role: 'admin',
    path: `/api/admin/plans/${ids.planId}/active`,
    template: { isActive: false },
  }),
  'PUT /api/admin/roster/[userId]': (ids) => ({ role: 'duty', path: `/api/admin/roster/${ids.userId}`, template: { isOnDuty: true } }),
  'POST /api/admin/users': (ids) => ({
    role: 'admin',
    path: '/api/admin/users',
    template: { username: 'fuzzer', password: 'fuzz-password', displayName: '模糊', role: 'field_staff', departmentId: ids.departmentId },
  }),
  'PATCH /api/admin/users/[id]': (ids) => ({
    role: 'admin',
    path: `/api/admin/users/${ids.userId}`,
    template: { displayName: '模糊', role: 'field_staff', departmentId: ids.departmentId, isActive: true },
  }),
  // Each body from an address of its own (the e2e server trusts 127.0.0.1 as a proxy): the
  // fuzzer's failed sign-ins must not slow anyone else's.
  'POST /api/auth/login': () => ({
    role: 'anonymous',
    path: '/api/auth/login',
    template: { username: 'fuzzer', password: 'wrong' },
    headers: () => ({ 'x-forwarded-for': `198.18.${Math.floor(++address / 250) % 250}.${(address % 250) + 1}` }),
  }),
  'PUT /api/enterprises/[id]/checklist': (ids) => ({
    role: 'enterprise_other',
    path: `/api/enterprises/${ids.own}/checklist`,
    template: { step: 2, data: { contacts: [] } },
  }),
  'PUT /api/enterprises/[id]/contacts': (ids) => ({
    role: 'enterprise_other',
    path: `/api/enterprises/${ids.own}/contacts`,
    template: { contacts: [{ name: '甲', role: '乙', phone: '12345' }] },
  }),
  'PUT /api/enterprises/[id]/georef': (ids) => ({
    role: 'enterprise_other',
    path: `/api/enterprises/${ids.own}/georef`,
    template: { points: [{ x: 0, y: 0, lat: 29.5, lng: 106.3 }] },
  }),
  'PUT /api/enterprises/[id]/materials': (ids) => ({
    role: 'enterprise_other',
    path: `/api/enterprises/${ids.own}/materials`,
    template: { materials: [{ kind: '沙袋', quantity: '1', location: '库' }] },
  }),
  'POST /api/enterprises/[id]/points': (ids) => ({
    role: 'enterprise_other',
    path: `/api/enterprises/${ids.own}/points`,
    template: riskPoint(),
  }),
  'PUT /api/enterprises/[id]/points/[pointId]': (ids) => ({
    role: 'enterprise_other',
    path: `/api/enterprises/${ids.own}/points/${ids.pointId}`,
    template: riskPoint(),
  }),
  'PATCH /api/enterprises/[id]/points/[pointId]': (ids) => ({
    role: 'enterprise_other',
    path: `/api/enterprises/${ids.own}/points/${ids.pointId}`,
    template: { x: 10, y: 10 },
  }),
  'DELETE /api/enterprises/[id]/points/[pointId]': (ids) => ({
    role: 'enterprise_other',
    path: `/api/enterprises/${ids.own}/points/${ids.pointId}`,
    template: {},
  }),
  'POST /api/incidents': (ids) => ({
    role: 'duty',
    path: '/api/incidents',
    template: { planId: ids.planId, location: { lat: 29.58, lng: 106.32 }, description: '模糊测试', drill: true },
  }),
  // Field staff may not record 收到 for anyone: the body is validated first, then refused.
  'POST /api/assignments/[id]/acknowledgement': () => ({
    role: 'field_unassigned',
    path: '/api/assignments/00000000-0000-4000-8000-000000000000/acknowledgement',
    template: { reachedBy: 'phone_call', reachedAt: '2026-01-01T08:00:00+08:00', note: '模糊' },
  }),
  // Field staff may not post 情况通报: the body is validated first, then refused.
  'POST /api/incidents/[id]/updates': () => ({
    role: 'field_unassigned',
    path: '/api/incidents/00000000-0000-4000-8000-000000000000/updates',
    template: { text: '模糊测试通报', location: { lat: 29.58, lng: 106.32 }, incidentType: 'water_oil', link: [], unlink: [] },
  }),
  // Unsigned (no SMS gateway secret on the e2e server): refused with 401 whatever the body, nothing stored.
  'POST /api/sms/inbound': () => ({
    role: 'field_unassigned',
    path: '/api/sms/inbound',
    template: { from: '13808300101', text: '收到', id: 'fuzz' },
  }),
  // 事件分级 and the statutory reports, as the duty officer on a real (lifted) incident: validated, then
  // stored (a valid body: a new level, a 续报, a version, a notification) or refused with nothing changed.
  'PUT /api/incidents/[id]/severity': (ids) => ({
    role: 'duty',
    path: `/api/incidents/${ids.incidentId}/severity`,
    template: { severity: 'III', reason: '模糊测试定级' },
  }),
  'POST /api/incidents/[id]/statutory-reports': (ids) => ({
    role: 'duty',
    path: `/api/incidents/${ids.incidentId}/statutory-reports`,
    template: { kind: 'follow_up' },
  }),
  'POST /api/incidents/[id]/statutory-reports/[reportId]/versions': (ids) => ({
    role: 'duty',
    path: `/api/incidents/${ids.incidentId}/statutory-reports/${ids.reportId}/versions`,
    template: {
      content: {
        ...ids.content,
        monitoring: [{ pollutant: '石油类', value: 0.3, unit: 'mg/L', point: '合谷桥', takenAt: '2026-01-01T08:00' }],
      },
    },
  }),
  'POST /api/incidents/[id]/statutory-reports/[reportId]/notifications': (ids) => ({
    role: 'duty',
    path: `/api/incidents/${ids.incidentId}/statutory-reports/${ids.reportId}/notifications`,
    template: { jurisdictionName: '璧山区生态环境局', contact: '王科长', means: '电话', notifiedAt: '2026-01-01T08:00:00+08:00' },
  }),
  // Field staff may not lift an alarm: the body is read, then refused.
  'POST /api/incidents/[id]/lift': () => ({
    role: 'field_unassigned',
    path: '/api/incidents/00000000-0000-4000-8000-000000000000/lift',
    template: { reason: '模糊测试结束' },
  }),
  // Another system's report, with a valid bearer token: validated, then stored (a valid body) or refused.
  'POST /api/reports': (ids) => ({
    role: 'anonymous',
    path: '/api/reports',
    template: {
      reporter: { name: '模糊站', phone: '1', org: '模糊' },
      time: '2026-01-01T08:00:00+08:00',
      location: { lat: 29.58, lng: 106.32, address: '模糊' },
      type: 'water_oil',
      text: '模糊测试上报',
      photoUrls: ['https://fuzz.example/1.jpg'],
    },
    headers: () => ({ authorization: `Bearer ${ids.reportToken}` }),
  }),
  // Field staff may not confirm or dismiss a report: the body is read, then refused.
  'POST /api/reports/[id]/confirmation': (ids) => ({
    role: 'field_unassigned',
    path: '/api/reports/00000000-0000-4000-8000-000000000000/confirmation',
    template: { planId: ids.planId, drill: true },
  }),
  'POST /api/reports/[id]/dismissal': () => ({
    role: 'field_unassigned',
    path: '/api/reports/00000000-0000-4000-8000-000000000000/dismissal',
    template: { reason: '模糊测试' },
  }),
  // Each valid body makes a token (it is only ever shown to the admin).
  'POST /api/admin/integration-tokens': () => ({
    role: 'admin',
    path: '/api/admin/integration-tokens',
    template: { name: '模糊', scope: 'report' },
  }),
  // Field staff may not add people or stand anyone down: the body is read, then refused.
  'POST /api/incidents/[id]/reinforcements': () => ({
    role: 'field_unassigned',
    path: '/api/incidents/00000000-0000-4000-8000-000000000000/reinforcements',
    template: { userIds: ['00000000-0000-4000-8000-000000000001'], planRoleId: 'r', roleName: '模糊', instructions: '模糊测试' },
  }),
  'POST /api/assignments/[id]/stand-down': () => ({
    role: 'field_unassigned',
    path: '/api/assignments/00000000-0000-4000-8000-000000000000/stand-down',
    template: { reason: '模糊测试撤回' },
  }),
  'POST /api/admin/materials/items': () => ({
    role: 'admin',
    path: '/api/admin/materials/items',
    template: { name: '模糊物资', unit: 'kg' },
  }),
  'POST /api/admin/materials/depots': () => ({
    role: 'admin',
    path: '/api/admin/materials/depots',
    template: { name: '模糊物资库', location: { lat: 29.6, lng: 106.3 }, custodianName: '模糊', custodianPhone: '13800000000' },
  }),
  // Unknown depot and item: the body is validated, then refused.
  'PUT /api/admin/materials/stock': () => ({
    role: 'admin',
    path: '/api/admin/materials/stock',
    template: { depotId: '00000000-0000-4000-8000-000000000000', itemId: '00000000-0000-4000-8000-000000000001', quantity: 1 },
  }),
  'PUT /api/admin/plan-roles/[id]/materials': () => ({
    role: 'admin',
    path: '/api/admin/plan-roles/00000000-0000-4000-8000-000000000000/materials',
    template: { materials: [{ itemId: '00000000-0000-4000-8000-000000000001', quantity: 1 }] },
  }),
  'POST /api/incidents/[id]/materials/settlement': () => ({
    role: 'duty',
    path: '/api/incidents/00000000-0000-4000-8000-000000000000/materials/settlement',
    template: { consumed: [{ reservationId: '00000000-0000-4000-8000-000000000001', quantity: 1 }] },
  }),
  'POST /api/locale': () => ({ role: 'field_unassigned', path: '/api/locale', template: { locale: 'zh-CN' } }),
  'POST /api/push/subscription': () => ({
    role: 'field_unassigned',
    path: '/api/push/subscription',
    template: { endpoint: 'https://push.example/x', keys: { p256dh: 'a', auth: 'b' } },
  }),
  'DELETE /api/push/subscription': () => ({
    role: 'field_unassigned',
    path: '/api/push/subscription',
    template: { endpoint: 'https://push.example/x' },
  }),
};

function plan(ids: Pick<Ids, 'departmentId'>) {
  return {
    name: '模糊预案',
    incidentType: 'water_oil',
    roles: [
      { departmentId: ids.departmentId, name: '核查', instructions: '核查', targetLabel: '现场', requiredCount: 1, escalationSteps: [] },
    ],
    targets: {
      everyoneAcknowledgedSeconds: 180,
      firstOnSceneSeconds: 1200,
      allRolesOnSceneSeconds: 2700,
      initialReportSignedSeconds: 3600,
    },
  };
}
const riskPoint = () => ({ kind: 'valve', code: 'FZ-1', name: '模糊阀', x: 10, y: 10 });

/** The state-changing methods of the route files that read a JSON body. */
function jsonRoutes(): RouteMethod[] {
  return discoverApiRoutes().filter((route) => {
    const [method, routePath] = route.split(' ') as [string, string];
    const source = readFileSync(path.resolve(`app${routePath}/route.ts`), 'utf8');
    return method !== 'GET' && (source.includes('readJson(') || source.includes('readSignedJsonBody('));
  });
}

const contexts = new Map<Role, APIRequestContext>();
let ids: Ids;

test.beforeAll(async ({ baseURL }) => {
  for (const role of ['anonymous', 'admin', 'duty', 'enterprise_other', 'field_unassigned'] as const)
    contexts.set(role, await signIn(baseURL!, role));
  const admin = contexts.get('admin')!;
  const enterprise = contexts.get('enterprise_other')!;
  const duty = contexts.get('duty')!;
  for (const incident of (await (await duty.get('/api/incidents?status=active')).json()) as { id: string }[]) {
    await duty.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });
  }
  // Throwaway targets: a department, a user in it, a plan for it, and a risk point on ent2's own map.
  const department = await admin.post('/api/admin/departments', {
    data: { code: `fz${Date.now() % 1e8}`, name: '模糊测试部门', nameEn: 'Fuzz' },
  });
  const departmentId = ((await department.json()) as { id: string }).id;
  const user = await admin.post('/api/admin/users', {
    data: { username: `fz${Date.now() % 1e8}`, password: 'fuzz-password', displayName: '模糊', role: 'field_staff', departmentId },
  });
  const userId = ((await user.json()) as { id: string }).id;
  const createdPlan = await admin.post('/api/admin/plans', { data: plan({ departmentId }) });
  const planId = ((await createdPlan.json()) as { id: string }).id;
  const own = ((await (await enterprise.get('/api/enterprises')).json()) as { id: string }[])[0]!.id;
  const createdPoint = await enterprise.post(`/api/enterprises/${own}/points`, {
    data: { ...riskPoint(), code: `FZ-${Date.now() % 1e6}` },
  });
  const pointId = ((await createdPoint.json()) as { id: string }).id;
  const token = await admin.post('/api/admin/integration-tokens', { data: { name: '模糊测试', scope: 'report' } });
  const reportToken = ((await token.json()) as { secret: string }).secret;
  const receptor = await admin.post('/api/admin/receptors', {
    data: { kind: 'school', name: '模糊测试敏感目标', location: { lat: 29.59, lng: 106.33 }, note: '' },
  });
  const receptorId = ((await receptor.json()) as { receptor: { id: string } }).receptor.id;
  const spare = await admin.post('/api/admin/receptors', {
    data: { kind: 'other', name: '模糊测试：待删除', location: { lat: 29.59, lng: 106.33 }, note: '' },
  });
  const spareReceptorId = ((await spare.json()) as { receptor: { id: string } }).receptor.id;
  const triggered = await duty.post('/api/incidents', {
    data: { planId, location: { lat: 29.58, lng: 106.32 }, description: '模糊测试：报告', drill: true },
  });
  const incidentId = ((await triggered.json()) as { incident: { id: string } }).incident.id;
  await duty.post(`/api/incidents/${incidentId}/lift`, { data: { reason: '模糊测试结束' } });
  const drafted = await duty.post(`/api/incidents/${incidentId}/statutory-reports`, { data: { kind: 'initial' } });
  const { report } = (await drafted.json()) as { report: { id: string; versions: { content: Record<string, unknown> }[] } };
  ids = {
    own,
    pointId,
    planId,
    departmentId,
    userId,
    reportToken,
    receptorId,
    spareReceptorId,
    incidentId,
    reportId: report.id,
    content: report.versions[0]!.content,
  };
  for (const name of [
    'own',
    'pointId',
    'planId',
    'departmentId',
    'userId',
    'incidentId',
    'reportId',
    'receptorId',
    'spareReceptorId',
  ] as const) {
    expect(ids[name]).toMatch(/^[0-9a-f-]{36}$/);
  }
  expect(reportToken).toMatch(/^edt_/);
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

test('every JSON route has a fuzz target', () => {
  expect(Object.keys(TARGETS).sort()).toEqual(jsonRoutes());
});

for (const route of Object.keys(TARGETS)) {
  test(`${route}: ${FUZZ_RUNS} generated bodies, no 5xx, localized 4xx, nothing changed by a refusal`, async () => {
    test.setTimeout(120_000 + FUZZ_RUNS * 100);
    const target = TARGETS[route]!(ids);
    const context = contexts.get(target.role)!;
    const method = route.split(' ')[0]!;
    const database = openE2eDatabase();
    try {
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(target.template), async (body) => {
          const before = rowCounts(database);
          const response = await context.fetch(target.path, {
            method,
            data: body,
            headers: { 'content-type': 'application/json', ...target.headers?.() },
            maxRedirects: 0,
          });
          const status = response.status();
          expect(status, `${route} answered ${status} to ${body.slice(0, 200)}`).toBeLessThan(500);
          if (status < 400) return;
          const payload = (await response.json()) as { error?: { code?: string; message?: string } };
          expect(payload.error?.code, `${route} ${status}: an error code`).toEqual(expect.any(String));
          expect(payload.error?.message, `${route} ${status}: a message in Chinese`).toMatch(/[\u4e00-\u9fff]/);
          expect(rowCounts(database), `${route} ${status}: refused, so nothing may change`).toEqual(before);
        }),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
    } finally {
      database.close();
    }
  });
}
