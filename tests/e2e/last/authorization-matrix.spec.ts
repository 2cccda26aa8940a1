import { expect, test, type APIRequestContext } from '@playwright/test';
import { io as connectSocket } from 'socket.io-client';
import { ensureSecondJurisdiction, ROLES, signIn, type Role } from '../support/actors';
import { discoverApiRoutes, discoverSocketEvents, SERVER_ROUTES, type RouteMethod } from '../support/api-routes';
import { openE2eDatabase, rowCounts } from '../support/database-snapshot';
import { insertStatutoryReport } from '../support/statutory-report-rows';
import { isMachineCall } from '../../../server/http/csrf';

/*
 * Every API route and every socket event × every kind of caller, with what each may do in ONE table.
 * `allow` lists the roles that succeed (2xx / ok ack); every other role must be refused (anonymous
 * with 401, the rest with a 4xx) and the database must be unchanged after the refusal.
 * A route or event without a row, or a row without a route, fails the test.
 *
 * Roles: field staff assigned to the incident under test or not, the enterprise whose map it is or
 * another, the duty officer, the admin, a duty officer of a second jurisdiction, and nobody.
 * Each cell that would change something runs against a target made fresh for it (a new department,
 * a new incident), after the refusals of its row, so allowed cells cannot spoil the others.
 */

type Fixtures = {
  incidentId: string;
  assignmentId: string;
  own: string;
  other: string;
  planId: string;
  pointId: string;
  planImage: string;
  /** A photo of env1's field report on the incident under test. */
  fieldPhoto: string;
  /** env1, who holds the incident's only role. */
  env1Id: string;
  /** env5, the target of the roster and user edits. */
  envUserId: string;
  departmentId: string;
  /** The bearer secret of a `report` token of this jurisdiction. */
  reportToken: string;
  /** The export of a signed-off 初报 of the incident under test (without ?format). */
  statutoryReportExport: string;
};
type Request = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; data?: unknown; multipart?: Record<string, unknown> };
type Cell = { allow: readonly Role[]; request: (f: Fixtures, admin: Helpers) => Promise<Request> | Request };
type Helpers = {
  newDepartment(): Promise<string>;
  /** A 环境敏感目标 made for the cell. */
  newReceptor(): Promise<string>;
  newIncident(): Promise<string>;
  /** env1's card in a fresh incident. */
  newAssignment(): Promise<string>;
  newPoint(): Promise<string>;
  newVersion(): Promise<number>;
  /** A pending report filed with the matrix's integration token. */
  newReport(): Promise<string>;
  newToken(): Promise<string>;
  /** A depot and an item of this jurisdiction (the seeded materials). */
  inventory(): Promise<{ depotId: string; itemId: string }>;
  /** The matrix plan's role. */
  planRoleId(): Promise<string>;
  /** A fresh incident with a 初报 draft (version 1). */
  newDraft(): Promise<{ incidentId: string; reportId: string; content: unknown }>;
};

// The leader is a duty officer too (with 签发权 on top): allowed wherever the duty officer is.
const COMMAND = ['duty', 'admin', 'signer'] as const;
const SIGNED_IN = ROLES.filter((role) => role !== 'anonymous');
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const fieldReport = () =>
  JSON.stringify({ id: crypto.randomUUID(), text: '矩阵：现场报告', position: { lat: 29.5873, lng: 106.3291, accuracy: 10 } });
const RECEPTOR = { kind: 'school', name: '矩阵：敏感目标', location: { lat: 29.59, lng: 106.33 }, note: '' };
const point = (code: string) => ({ kind: 'valve', code, name: '矩阵测试阀', x: 100, y: 100, disposalSteps: ['关闭'] });

const ROUTES: Record<RouteMethod, Cell> = {
  'GET /api/health': { allow: ROLES, request: () => ({ method: 'GET', path: '/api/health' }) },
  'POST /api/auth/login': {
    allow: ROLES,
    request: () => ({ method: 'POST', path: '/api/auth/login', data: { username: 'env5', password: 'ecodispatch' } }),
  },
  'POST /api/auth/logout': { allow: ROLES, request: () => ({ method: 'POST', path: '/api/auth/logout' }) },
  'POST /api/locale': { allow: ROLES, request: () => ({ method: 'POST', path: '/api/locale', data: { locale: 'zh-CN' } }) },

  'GET /api/admin/departments': { allow: ['admin'], request: () => ({ method: 'GET', path: '/api/admin/departments' }) },
  'POST /api/admin/departments': {
    allow: ['admin'],
    request: () => ({
      method: 'POST',
      path: '/api/admin/departments',
      data: { code: `m${Date.now() % 1e9}`, name: '矩阵部门', nameEn: 'Matrix' },
    }),
  },
  'PATCH /api/admin/departments/[id]': {
    allow: ['admin'],
    request: async (_f, h) => ({
      method: 'PATCH',
      path: `/api/admin/departments/${await h.newDepartment()}`,
      data: { code: `p${Date.now() % 1e9}`, name: '改名', nameEn: 'Renamed' },
    }),
  },
  'DELETE /api/admin/departments/[id]': {
    allow: ['admin'],
    request: async (_f, h) => ({ method: 'DELETE', path: `/api/admin/departments/${await h.newDepartment()}` }),
  },
  'POST /api/admin/receptors': {
    allow: ['admin'],
    request: () => ({ method: 'POST', path: '/api/admin/receptors', data: RECEPTOR }),
  },
  'PUT /api/admin/receptors/[id]': {
    allow: ['admin'],
    request: async (_f, h) => ({
      method: 'PUT',
      path: `/api/admin/receptors/${await h.newReceptor()}`,
      data: { ...RECEPTOR, name: '矩阵：改名' },
    }),
  },
  'DELETE /api/admin/receptors/[id]': {
    allow: ['admin'],
    request: async (_f, h) => ({ method: 'DELETE', path: `/api/admin/receptors/${await h.newReceptor()}` }),
  },
  'GET /api/admin/plans': { allow: ['admin'], request: () => ({ method: 'GET', path: '/api/admin/plans' }) },
  'POST /api/admin/plans': {
    allow: ['admin'],
    request: (f) => ({ method: 'POST', path: '/api/admin/plans', data: planBody(f, '矩阵新预案') }),
  },
  'GET /api/admin/plans/[id]': { allow: ['admin'], request: (f) => ({ method: 'GET', path: `/api/admin/plans/${f.planId}` }) },
  'PUT /api/admin/plans/[id]': {
    allow: ['admin'],
    request: (f) => ({ method: 'PUT', path: `/api/admin/plans/${f.planId}`, data: planBody(f, '矩阵预案') }),
  },
  'PUT /api/admin/plans/[id]/active': {
    allow: ['admin'],
    request: (f) => ({ method: 'PUT', path: `/api/admin/plans/${f.planId}/active`, data: { isActive: true } }),
  },
  // A duty officer of another jurisdiction reads that jurisdiction's own roster (the leak check below sees none of ours).
  'GET /api/admin/roster': { allow: [...COMMAND, 'other_jurisdiction'], request: () => ({ method: 'GET', path: '/api/admin/roster' }) },
  'PUT /api/admin/roster/[userId]': {
    allow: COMMAND,
    request: (f) => ({ method: 'PUT', path: `/api/admin/roster/${f.envUserId}`, data: { isOnDuty: false } }),
  },
  'GET /api/admin/users': { allow: ['admin'], request: () => ({ method: 'GET', path: '/api/admin/users' }) },
  'POST /api/admin/users': {
    allow: ['admin'],
    request: (f) => ({
      method: 'POST',
      path: '/api/admin/users',
      data: {
        username: `matrix${Date.now() % 1e9}`,
        password: 'matrix-password',
        displayName: '矩阵用户',
        role: 'field_staff',
        departmentId: f.departmentId,
      },
    }),
  },
  'PATCH /api/admin/users/[id]': {
    allow: ['admin'],
    request: (f) => ({
      method: 'PATCH',
      path: `/api/admin/users/${f.envUserId}`,
      data: { displayName: '孙五', role: 'field_staff', departmentId: f.departmentId, isActive: true },
    }),
  },

  'GET /api/enterprises': { allow: SIGNED_IN, request: () => ({ method: 'GET', path: '/api/enterprises' }) },
  'GET /api/enterprises/[id]/map': {
    allow: ['field_assigned', 'enterprise_own', ...COMMAND],
    request: (f) => ({ method: 'GET', path: `/api/enterprises/${f.own}/map` }),
  },
  'GET /api/enterprises/[id]/plan-images/[file]': {
    allow: ['field_assigned', 'enterprise_own', ...COMMAND],
    request: (f) => ({ method: 'GET', path: f.planImage }),
  },
  'GET /api/enterprises/[id]/poster.pdf': {
    allow: ['field_assigned', 'enterprise_own', ...COMMAND],
    request: (f) => ({ method: 'GET', path: `/api/enterprises/${f.own}/poster.pdf` }),
  },
  // The draft and the checklist are the enterprise's own work in progress; the bureau reviews published versions.
  'GET /api/enterprises/[id]/map/draft': {
    allow: ['enterprise_own'],
    request: (f) => ({ method: 'GET', path: `/api/enterprises/${f.own}/map/draft` }),
  },
  'GET /api/enterprises/[id]/map/versions': {
    allow: ['enterprise_own', ...COMMAND],
    request: (f) => ({ method: 'GET', path: `/api/enterprises/${f.own}/map/versions` }),
  },
  'POST /api/enterprises/[id]/map/versions/[version]/approve': {
    allow: COMMAND,
    request: async (f, h) => ({ method: 'POST', path: `/api/enterprises/${f.own}/map/versions/${await h.newVersion()}/approve` }),
  },
  'GET /api/enterprises/[id]/checklist': {
    allow: ['enterprise_own'],
    request: (f) => ({ method: 'GET', path: `/api/enterprises/${f.own}/checklist` }),
  },
  'PUT /api/enterprises/[id]/checklist': {
    allow: ['enterprise_own'],
    request: (f) => ({
      method: 'PUT',
      path: `/api/enterprises/${f.own}/checklist`,
      data: { step: 2, data: { contacts: [{ name: '邓厂长', role: '应急总指挥', phone: '13608301001' }] } },
    }),
  },
  // The demo checklist is not filled in: its own enterprise gets 400 (step incomplete), everyone else a refusal.
  'POST /api/enterprises/[id]/checklist/complete': {
    allow: [],
    request: (f) => ({ method: 'POST', path: `/api/enterprises/${f.own}/checklist/complete` }),
  },
  'PUT /api/enterprises/[id]/contacts': {
    allow: ['enterprise_own'],
    request: (f) => ({
      method: 'PUT',
      path: `/api/enterprises/${f.own}/contacts`,
      data: { contacts: [{ name: '邓厂长', role: '应急总指挥', phone: '13608301001' }] },
    }),
  },
  'PUT /api/enterprises/[id]/materials': {
    allow: ['enterprise_own'],
    request: (f) => ({
      method: 'PUT',
      path: `/api/enterprises/${f.own}/materials`,
      data: { materials: [{ kind: '吸油毡', quantity: '200 张', location: 'MC-1' }] },
    }),
  },
  'PUT /api/enterprises/[id]/georef': {
    allow: ['enterprise_own'],
    request: (f) => ({
      method: 'PUT',
      path: `/api/enterprises/${f.own}/georef`,
      data: {
        points: [
          { x: 0, y: 0, lat: 29.5924, lng: 106.3251 },
          { x: 1600, y: 1100, lat: 29.59, lng: 106.3285 },
        ],
      },
    }),
  },
  'POST /api/enterprises/[id]/points': {
    allow: ['enterprise_own'],
    request: (f) => ({ method: 'POST', path: `/api/enterprises/${f.own}/points`, data: point(`MX-${Date.now() % 1e6}`) }),
  },
  'PUT /api/enterprises/[id]/points/[pointId]': {
    allow: ['enterprise_own'],
    request: async (f, h) => ({
      method: 'PUT',
      path: `/api/enterprises/${f.own}/points/${await h.newPoint()}`,
      data: point(`MU-${Date.now() % 1e6}`),
    }),
  },
  'PATCH /api/enterprises/[id]/points/[pointId]': {
    allow: ['enterprise_own'],
    request: async (f, h) => ({
      method: 'PATCH',
      path: `/api/enterprises/${f.own}/points/${await h.newPoint()}`,
      data: { x: 120, y: 130 },
    }),
  },
  'DELETE /api/enterprises/[id]/points/[pointId]': {
    allow: ['enterprise_own'],
    request: async (f, h) => ({ method: 'DELETE', path: `/api/enterprises/${f.own}/points/${await h.newPoint()}` }),
  },
  'POST /api/enterprises/[id]/site-plan': {
    allow: ['enterprise_own'],
    request: (f) => ({
      method: 'POST',
      path: `/api/enterprises/${f.own}/site-plan`,
      multipart: { file: { name: 'plan.png', mimeType: 'image/png', buffer: PNG_1X1 } },
    }),
  },
  'POST /api/enterprises/[id]/map/publish': {
    allow: ['enterprise_own'],
    request: (f) => ({ method: 'POST', path: `/api/enterprises/${f.own}/map/publish` }),
  },

  'GET /api/plans': {
    allow: ['field_assigned', 'field_unassigned', ...COMMAND, 'other_jurisdiction'],
    request: () => ({ method: 'GET', path: '/api/plans' }),
  },
  'GET /api/incidents': { allow: [...COMMAND, 'other_jurisdiction'], request: () => ({ method: 'GET', path: '/api/incidents' }) },
  'POST /api/incidents': {
    allow: COMMAND,
    request: (f) => ({
      method: 'POST',
      path: '/api/incidents',
      data: { planId: f.planId, location: { lat: 29.5873, lng: 106.3291 }, description: '矩阵测试', drill: true },
    }),
  },
  'GET /api/incidents/[id]': {
    allow: ['field_assigned', ...COMMAND],
    request: (f) => ({ method: 'GET', path: `/api/incidents/${f.incidentId}` }),
  },
  'GET /api/incidents/[id]/suspected-sources': {
    allow: COMMAND,
    request: (f) => ({ method: 'GET', path: `/api/incidents/${f.incidentId}/suspected-sources` }),
  },
  'GET /api/incidents/[id]/field-reports': {
    allow: ['field_assigned', ...COMMAND],
    request: (f) => ({ method: 'GET', path: `/api/incidents/${f.incidentId}/field-reports` }),
  },
  // Only an assignee reports from the field; each attempt is a new report (a resent id returns the stored one).
  'POST /api/incidents/[id]/field-reports': {
    allow: ['field_assigned'],
    request: (f) => ({
      method: 'POST',
      path: `/api/incidents/${f.incidentId}/field-reports`,
      multipart: { report: fieldReport(), photo: { name: 'photo.png', mimeType: 'image/png', buffer: PNG_1X1 } },
    }),
  },
  // Each command reads its own jurisdiction's receptors (the second one has none of ours).
  'GET /api/receptors': { allow: [...COMMAND, 'other_jurisdiction'], request: () => ({ method: 'GET', path: '/api/receptors' }) },
  // Statutory reports are the bureau's documents: command of the incident's jurisdiction only.
  'GET /api/incidents/[id]/statutory-reports/[reportId]/versions/[version]/export': {
    allow: COMMAND,
    request: (f) => ({ method: 'GET', path: `${f.statutoryReportExport}?format=pdf` }),
  },
  'GET /api/field-photos/[id]': {
    allow: ['field_assigned', ...COMMAND],
    request: (f) => ({ method: 'GET', path: f.fieldPhoto }),
  },
  'POST /api/incidents/[id]/lift': {
    allow: COMMAND,
    request: async (_f, h) => ({
      method: 'POST',
      path: `/api/incidents/${await h.newIncident()}/lift`,
      data: { reason: '矩阵：演练结束' },
    }),
  },
  'POST /api/incidents/[id]/updates': {
    allow: COMMAND,
    request: async (_f, h) => ({
      method: 'POST',
      path: `/api/incidents/${await h.newIncident()}/updates`,
      data: { text: '矩阵：情况通报', location: { lat: 29.588, lng: 106.33 } },
    }),
  },
  'POST /api/assignments/[id]/acknowledgement': {
    allow: COMMAND,
    request: async (_f, h) => ({
      method: 'POST',
      path: `/api/assignments/${await h.newAssignment()}/acknowledgement`,
      data: { reachedBy: 'phone_call', note: '矩阵：电话联系' },
    }),
  },
  // The SMS gateway's replies: no session counts, only its signature (not configured on the e2e server), so everyone gets 401.
  'POST /api/sms/inbound': {
    allow: [],
    request: () => ({ method: 'POST', path: '/api/sms/inbound', data: { from: '13808300101', text: '收到', id: 'matrix-1' } }),
  },
  'POST /api/incidents/[id]/reinforcements': {
    allow: COMMAND,
    request: async (f, h) => ({
      method: 'POST',
      path: `/api/incidents/${await h.newIncident()}/reinforcements`,
      data: { userIds: [f.envUserId], roleName: '矩阵：增派', instructions: '矩阵测试' },
    }),
  },
  'POST /api/assignments/[id]/stand-down': {
    allow: COMMAND,
    request: async (_f, h) => ({
      method: 'POST',
      path: `/api/assignments/${await h.newAssignment()}/stand-down`,
      data: { reason: '矩阵：撤回' },
    }),
  },
  'GET /api/admin/materials': {
    allow: [...COMMAND, 'other_jurisdiction'],
    request: () => ({ method: 'GET', path: '/api/admin/materials' }),
  },
  'POST /api/admin/materials/items': {
    allow: ['admin'],
    request: () => ({ method: 'POST', path: '/api/admin/materials/items', data: { name: `矩阵物资${Date.now() % 1e9}`, unit: 'kg' } }),
  },
  'POST /api/admin/materials/depots': {
    allow: ['admin'],
    request: () => ({
      method: 'POST',
      path: '/api/admin/materials/depots',
      data: {
        name: `矩阵物资库${Date.now() % 1e9}`,
        location: { lat: 29.6, lng: 106.3 },
        custodianName: '矩阵',
        custodianPhone: '13800000000',
      },
    }),
  },
  'PUT /api/admin/materials/stock': {
    allow: ['admin'],
    request: async (_f, h) => ({ method: 'PUT', path: '/api/admin/materials/stock', data: { ...(await h.inventory()), quantity: 5000 } }),
  },
  'PUT /api/admin/plan-roles/[id]/materials': {
    allow: ['admin'],
    request: async (_f, h) => ({ method: 'PUT', path: `/api/admin/plan-roles/${await h.planRoleId()}/materials`, data: { materials: [] } }),
  },
  // 复盘: command roles of the incident's jurisdiction only (the per-person times are about colleagues).
  'GET /api/incidents/[id]/review': {
    allow: COMMAND,
    request: (f) => ({ method: 'GET', path: `/api/incidents/${f.incidentId}/review` }),
  },
  'GET /api/incidents/[id]/review/export': {
    allow: COMMAND,
    request: (f) => ({ method: 'GET', path: `/api/incidents/${f.incidentId}/review/export?format=pdf` }),
  },
  // 统计报表: each jurisdiction's command roles read their own (the second one's holds none of the first's ids).
  'GET /api/statistics': {
    allow: [...COMMAND, 'other_jurisdiction'],
    request: () => ({ method: 'GET', path: `/api/statistics?period=year&year=${new Date().getFullYear()}&format=json` }),
  },
  'GET /api/incidents/[id]/materials': {
    allow: ['field_assigned', ...COMMAND],
    request: (f) => ({ method: 'GET', path: `/api/incidents/${f.incidentId}/materials` }),
  },
  // The matrix plan requires no materials, so its incidents hold no reservation: every caller is refused
  // (unknown reservation; settling an active incident). tests/unit/materials.test.ts covers who may succeed.
  'POST /api/material-reservations/[id]/advance': {
    allow: [],
    request: () => ({ method: 'POST', path: '/api/material-reservations/00000000-0000-4000-8000-000000000000/advance' }),
  },
  'POST /api/incidents/[id]/materials/settlement': {
    allow: [],
    request: (f) => ({ method: 'POST', path: `/api/incidents/${f.incidentId}/materials/settlement`, data: { consumed: [] } }),
  },
  'GET /api/me/assignments': { allow: SIGNED_IN, request: () => ({ method: 'GET', path: '/api/me/assignments' }) },
  'GET /api/presence': { allow: [...COMMAND, 'other_jurisdiction'], request: () => ({ method: 'GET', path: '/api/presence' }) },
  'GET /api/push': { allow: SIGNED_IN, request: () => ({ method: 'GET', path: '/api/push' }) },
  'POST /api/push/subscription': {
    allow: [],
    // Web Push is not configured in the e2e server: the signed-in get 400/409-style refusals; nobody may store one.
    request: () => ({
      method: 'POST',
      path: '/api/push/subscription',
      data: { endpoint: 'https://push.example/matrix', keys: { p256dh: 'x', auth: 'y' } },
    }),
  },
  // Reports from other systems: only an integration token files one; a session (any role) is no credential here.
  // A duty officer of another jurisdiction lists their own (none of this one's).
  'GET /api/reports': { allow: [...COMMAND, 'other_jurisdiction'], request: () => ({ method: 'GET', path: '/api/reports' }) },
  'POST /api/reports': { allow: [], request: () => ({ method: 'POST', path: '/api/reports', data: matrixReport() }) },
  'POST /api/reports/[id]/confirmation': {
    allow: COMMAND,
    request: async (f, h) => ({
      method: 'POST',
      path: `/api/reports/${await h.newReport()}/confirmation`,
      data: { planId: f.planId, drill: true },
    }),
  },
  'POST /api/reports/[id]/dismissal': {
    allow: COMMAND,
    request: async (_f, h) => ({ method: 'POST', path: `/api/reports/${await h.newReport()}/dismissal`, data: { reason: '矩阵：误报' } }),
  },
  'GET /api/admin/integration-tokens': { allow: ['admin'], request: () => ({ method: 'GET', path: '/api/admin/integration-tokens' }) },
  'POST /api/admin/integration-tokens': {
    allow: ['admin'],
    request: () => ({ method: 'POST', path: '/api/admin/integration-tokens', data: { name: '矩阵令牌', scope: 'report' } }),
  },
  'POST /api/admin/integration-tokens/[id]/revocation': {
    allow: ['admin'],
    request: async (_f, h) => ({ method: 'POST', path: `/api/admin/integration-tokens/${await h.newToken()}/revocation` }),
  },
  // 事件分级 and the statutory reports: the command room's; 签发 only by a signatory (the leader) of the jurisdiction.
  'PUT /api/incidents/[id]/severity': {
    allow: COMMAND,
    request: async (_f, h) => ({
      method: 'PUT',
      path: `/api/incidents/${await h.newIncident()}/severity`,
      data: { severity: 'III', reason: '矩阵：定级' },
    }),
  },
  'GET /api/incidents/[id]/statutory-reports': {
    allow: COMMAND,
    request: (f) => ({ method: 'GET', path: `/api/incidents/${f.incidentId}/statutory-reports` }),
  },
  'POST /api/incidents/[id]/statutory-reports': {
    allow: COMMAND,
    request: async (_f, h) => ({
      method: 'POST',
      path: `/api/incidents/${await h.newIncident()}/statutory-reports`,
      data: { kind: 'initial' },
    }),
  },
  'GET /api/incidents/[id]/statutory-reports/[reportId]': {
    allow: COMMAND,
    request: async (_f, h) => {
      const { incidentId, reportId } = await h.newDraft();
      return { method: 'GET', path: `/api/incidents/${incidentId}/statutory-reports/${reportId}` };
    },
  },
  'POST /api/incidents/[id]/statutory-reports/[reportId]/versions': {
    allow: COMMAND,
    request: async (_f, h) => {
      const { incidentId, reportId, content } = await h.newDraft();
      return { method: 'POST', path: `/api/incidents/${incidentId}/statutory-reports/${reportId}/versions`, data: { content } };
    },
  },
  'POST /api/incidents/[id]/statutory-reports/[reportId]/versions/[version]/sign-off': {
    allow: ['signer'],
    request: async (_f, h) => {
      const { incidentId, reportId } = await h.newDraft();
      return { method: 'POST', path: `/api/incidents/${incidentId}/statutory-reports/${reportId}/versions/1/sign-off` };
    },
  },
  'POST /api/incidents/[id]/statutory-reports/[reportId]/notifications': {
    allow: COMMAND,
    request: async (_f, h) => {
      const { incidentId, reportId } = await h.newDraft();
      return {
        method: 'POST',
        path: `/api/incidents/${incidentId}/statutory-reports/${reportId}/notifications`,
        data: { jurisdictionName: '璧山区生态环境局', contact: '矩阵：王科长', means: '电话', notifiedAt: new Date().toISOString() },
      };
    },
  },
  // Lock-screen alerts are for the people who are paged: field staff and duty officers.
  'DELETE /api/push/subscription': {
    allow: ['field_assigned', 'field_unassigned', 'duty', 'other_jurisdiction', 'signer'],
    request: () => ({ method: 'DELETE', path: '/api/push/subscription', data: { endpoint: 'https://push.example/matrix' } }),
  },
};

// Socket events, with the assignment under test (env1's). Anonymous cannot even connect.
const SOCKET_EVENTS: Record<string, { allow: readonly Role[]; payload: (f: Fixtures) => unknown }> = {
  'assignment:delivered': { allow: ['field_assigned'], payload: (f) => ({ assignmentId: f.assignmentId }) },
  'assignment:ack': { allow: ['field_assigned'], payload: (f) => ({ assignmentId: f.assignmentId }) },
  'assignment:status': { allow: ['field_assigned'], payload: (f) => ({ assignmentId: f.assignmentId, status: 'en_route' }) },
  'assignments:sync': { allow: SIGNED_IN, payload: (f) => ({ held: [f.assignmentId] }) },
  // The receipt for 情况通报 #1 of the incident (posted in beforeAll): only its assignee's phone may give it.
  'incident:updates-received': { allow: ['field_assigned'], payload: (f) => ({ incidentId: f.incidentId, seq: 1 }) },
};

const matrixReport = () => ({
  reporter: { name: '矩阵监测站' },
  time: new Date().toISOString(),
  location: { lat: 29.5873, lng: 106.3291 },
  type: 'water_oil',
  text: '授权矩阵：自动站报告油污',
});

function planBody(f: Fixtures, name: string) {
  return {
    name,
    incidentType: 'water_oil',
    description: '授权矩阵测试用预案：一人、无升级',
    roles: [
      {
        departmentId: f.departmentId,
        name: '现场核查',
        instructions: '前往现场核查油污来源',
        materials: ['采样瓶'],
        targetLabel: '事件地点',
        requiredCount: 1,
        memberIds: [f.env1Id],
        escalationSteps: [],
      },
    ],
  };
}

test.describe.configure({ mode: 'serial' });

let fixtures: Fixtures;
const contexts = new Map<Role, APIRequestContext>();

test.beforeAll(async ({ baseURL }) => {
  ensureSecondJurisdiction();
  for (const role of ROLES) contexts.set(role, await signIn(baseURL!, role));
  const admin = contexts.get('admin')!;
  const duty = contexts.get('duty')!;
  // Earlier specs leave incidents open; their escalations would write rows while refusals are compared.
  const open = (await (await duty.get('/api/incidents?status=active')).json()) as { id: string }[];
  for (const incident of open) await duty.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });

  const { users } = (await (await admin.get('/api/admin/users')).json()) as {
    users: { id: string; username: string; departmentId: string | null }[];
  };
  const env1 = users.find((user) => user.username === 'env1')!;
  const env5 = users.find((user) => user.username === 'env5')!;
  const enterprises = (await (await duty.get('/api/enterprises')).json()) as { id: string; name: string }[];
  const own = enterprises.find((enterprise) => enterprise.name.includes('西永污水处理厂'))!.id;
  const other = enterprises.find((enterprise) => enterprise.name.includes('创想车神'))!.id;
  const partial = { env1Id: env1.id, envUserId: env5.id, departmentId: env1.departmentId!, own, other };
  const plan = await admin.post('/api/admin/plans', { data: planBody({ ...partial } as Fixtures, '授权矩阵预案') });
  expect(plan.status()).toBe(201);
  const planId = ((await plan.json()) as { id: string }).id;
  const trigger = await duty.post('/api/incidents', {
    data: { planId, location: { lat: 29.5873, lng: 106.3291 }, description: '授权矩阵：梁滩河油污', enterpriseId: own, drill: true },
  });
  expect(trigger.status()).toBe(201);
  const created = (await trigger.json()) as { incident: { id: string }; assignments: { id: string; userId: string }[] };
  expect(created.assignments.map((assignment) => assignment.userId)).toEqual([env1.id]);
  const update = await duty.post(`/api/incidents/${created.incident.id}/updates`, { data: { text: '授权矩阵：第一条情况通报' } });
  expect(update.status()).toBe(201);
  const draft = (await (await contexts.get('enterprise_own')!.get(`/api/enterprises/${own}/map/draft`)).json()) as {
    draft: { riskPoints: { id: string }[]; plan: { imageUrl: string } };
  };
  const token = await admin.post('/api/admin/integration-tokens', { data: { name: '授权矩阵', scope: 'report' } });
  expect(token.status()).toBe(201);
  const reportToken = ((await token.json()) as { secret: string }).secret;
  const report = await contexts.get('field_assigned')!.post(`/api/incidents/${created.incident.id}/field-reports`, {
    multipart: { report: fieldReport(), photo: { name: 'photo.png', mimeType: 'image/png', buffer: PNG_1X1 } },
  });
  expect(report.status()).toBe(201);
  const photoId = ((await report.json()) as { report: { photos: { id: string }[] } }).report.photos[0]!.id;
  fixtures = {
    ...partial,
    reportToken,
    fieldPhoto: `/api/field-photos/${photoId}`,
    statutoryReportExport: insertStatutoryReport(created.incident.id),
    planId,
    incidentId: created.incident.id,
    assignmentId: created.assignments[0]!.id,
    pointId: draft.draft.riskPoints[0]!.id,
    planImage: draft.draft.plan.imageUrl,
  };
});

test.afterAll(async () => {
  // Leave no incident open behind: its escalations would keep writing while the fuzzer compares row counts.
  const duty = contexts.get('duty')!;
  for (const incident of (await (await duty.get('/api/incidents?status=active')).json()) as { id: string }[]) {
    await duty.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '演练结束' } });
  }
  for (const context of contexts.values()) await context.dispose();
});

function helpers(): Helpers {
  const admin = contexts.get('admin')!;
  const duty = contexts.get('duty')!;
  const enterprise = contexts.get('enterprise_own')!;
  return {
    async newDepartment() {
      const response = await admin.post('/api/admin/departments', {
        data: { code: `d${Date.now() % 1e9}`, name: '临时部门', nameEn: 'Temporary' },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
    async newReceptor() {
      const response = await admin.post('/api/admin/receptors', { data: RECEPTOR });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { receptor: { id: string } }).receptor.id;
    },
    async inventory() {
      const { depots, items } = (await (await admin.get('/api/admin/materials')).json()) as {
        depots: { id: string }[];
        items: { id: string }[];
      };
      return { depotId: depots[0]!.id, itemId: items[0]!.id };
    },
    async planRoleId() {
      const body = (await (await admin.get(`/api/admin/plans/${fixtures.planId}`)).json()) as {
        roles?: { id: string }[];
        plan?: { roles: { id: string }[] };
      };
      return (body.plan ?? body).roles![0]!.id;
    },
    async newIncident() {
      const response = await duty.post('/api/incidents', {
        data: { planId: fixtures.planId, location: { lat: 29.5873, lng: 106.3291 }, description: '授权矩阵：待解除', drill: true },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { incident: { id: string } }).incident.id;
    },
    async newDraft() {
      const incidentId = await this.newIncident();
      const response = await duty.post(`/api/incidents/${incidentId}/statutory-reports`, { data: { kind: 'initial' } });
      expect(response.status()).toBe(201);
      const { report } = (await response.json()) as { report: { id: string; versions: { content: unknown }[] } };
      return { incidentId, reportId: report.id, content: report.versions[0]!.content };
    },
    async newAssignment() {
      const response = await duty.post('/api/incidents', {
        data: { planId: fixtures.planId, location: { lat: 29.5873, lng: 106.3291 }, description: '授权矩阵：电话联系', drill: true },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { assignments: { id: string }[] }).assignments[0]!.id;
    },
    /** The enterprise changes its map and publishes: a version waiting for review. */
    async newVersion() {
      const pointId = await this.newPoint();
      const response = await enterprise.post(`/api/enterprises/${fixtures.own}/map/publish`);
      expect(response.status()).toBe(201);
      await enterprise.delete(`/api/enterprises/${fixtures.own}/points/${pointId}`);
      return ((await response.json()) as { version: number }).version;
    },
    async newReport() {
      const response = await duty.post('/api/reports', {
        data: matrixReport(),
        headers: { authorization: `Bearer ${fixtures.reportToken}` },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { report: { id: string } }).report.id;
    },
    async newToken() {
      const response = await admin.post('/api/admin/integration-tokens', { data: { name: '矩阵：待吊销', scope: 'report' } });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { keyId: string }).keyId;
    },
    async newPoint() {
      const response = await enterprise.post(`/api/enterprises/${fixtures.own}/points`, { data: point(`MN-${Date.now() % 1e6}`) });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
  };
}

async function send(context: APIRequestContext, request: Request) {
  const options = request.multipart ? { multipart: request.multipart as never } : request.data === undefined ? {} : { data: request.data };
  const response = await context.fetch(request.path, { method: request.method, ...options, maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

test('the route table names exactly the routes that exist', () => {
  const existing = [...discoverApiRoutes(), ...SERVER_ROUTES].sort();
  expect(Object.keys(ROUTES).sort(), 'a route without a row (or a row without a route) in ROUTES').toEqual(existing);
  expect(Object.keys(SOCKET_EVENTS).sort(), 'a socket event without a row in SOCKET_EVENTS').toEqual(discoverSocketEvents());
});

test('every API route × every role: allowed roles succeed, the rest are refused and change nothing', async () => {
  test.setTimeout(300_000);
  const database = openE2eDatabase();
  const h = helpers();
  const mismatches: string[] = [];
  try {
    for (const [route, cell] of Object.entries(ROUTES)) {
      // Refusals first, against the shared fixtures; then each allowed role against its own target.
      const order = [...ROLES.filter((role) => !cell.allow.includes(role)), ...ROLES.filter((role) => cell.allow.includes(role))];
      for (const role of order) {
        // Signing in or out replaces the session the other cells use: those cells get a session of their own.
        const isOwnSession = route.startsWith('POST /api/auth/');
        const context = isOwnSession ? await signIn(test.info().project.use.baseURL!, role) : contexts.get(role)!;
        const request = await cell.request(fixtures, h);
        const before = rowCounts(database);
        const { status, body } = await send(context, request);
        const isAllowed = cell.allow.includes(role);
        // Anonymous must be asked to sign in; anyone else may be refused as forbidden, not found, or invalid
        // (another jurisdiction's plan id is simply not a plan of theirs) as long as nothing changed.
        const isRefusal = role === 'anonymous' ? status === 401 : status >= 400 && status < 500;
        const isRefusedOrInvalid = status >= 400 && status < 500;
        if (isAllowed && (status < 200 || status >= 300))
          mismatches.push(`${route} as ${role}: ${status}, expected 2xx (${body.slice(0, 120)})`);
        if (!isAllowed && cell.allow.length > 0 && !isRefusal) mismatches.push(`${route} as ${role}: ${status}, expected a refusal`);
        if (!isAllowed && cell.allow.length === 0 && !isRefusedOrInvalid) mismatches.push(`${route} as ${role}: ${status}, expected 4xx`);
        if (!isAllowed && JSON.stringify(rowCounts(database)) !== JSON.stringify(before))
          mismatches.push(`${route} as ${role}: refused but the database changed`);
        // A second jurisdiction may list its own things, never this one's.
        if (role === 'other_jurisdiction' && status < 300) {
          for (const id of [fixtures.incidentId, fixtures.own, fixtures.planId, fixtures.env1Id]) {
            if (body.includes(id)) mismatches.push(`${route} as other_jurisdiction: the answer contains ${id} of another jurisdiction`);
          }
        }
        if (isOwnSession) await context.dispose();
      }
    }
  } finally {
    database.close();
  }
  expect(mismatches).toEqual([]);
});

test('every socket event × every role: only the assignee moves the assignment; anonymous cannot connect', async ({ baseURL }) => {
  const database = openE2eDatabase();
  const mismatches: string[] = [];
  try {
    for (const role of ROLES) {
      const cookies = role === 'anonymous' ? [] : (await contexts.get(role)!.storageState()).cookies;
      const socket = connectSocket(baseURL!, {
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { origin: baseURL!, cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') },
      });
      const connected = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (role === 'anonymous') {
        if (connected) mismatches.push('anonymous connected a socket');
        socket.close();
        continue;
      }
      if (!connected) mismatches.push(`${role} could not connect`);
      // The assignee's allowed events last, in lifecycle order, so the refusals see the card unchanged.
      for (const [event, cell] of Object.entries(SOCKET_EVENTS)) {
        const before = rowCounts(database);
        const reply = (await socket.timeout(5_000).emitWithAck(event as never, cell.payload(fixtures) as never)) as {
          ok: boolean;
          error?: { code: string };
        };
        const isAllowed = cell.allow.includes(role);
        if (isAllowed !== reply.ok) mismatches.push(`${event} as ${role}: ${JSON.stringify(reply).slice(0, 160)}`);
        if (!reply.ok && JSON.stringify(rowCounts(database)) !== JSON.stringify(before))
          mismatches.push(`${event} as ${role}: refused but the database changed`);
      }
      socket.close();
    }
  } finally {
    database.close();
  }
  expect(mismatches).toEqual([]);
});

test('no state-changing route accepts a request from another origin, whatever its body looks like', async () => {
  const database = openE2eDatabase();
  const duty = contexts.get('duty')!;
  const mismatches: string[] = [];
  const origins: Record<string, string | undefined> = {
    foreign: 'http://evil.example',
    'other port': 'http://127.0.0.1:1',
    null: 'null',
    absent: undefined,
  };
  const bodies: Record<string, { type: string; text: string }> = {
    'text/plain': { type: 'text/plain', text: '{"planId":"x","padding":"="}' },
    form: { type: 'application/x-www-form-urlencoded', text: 'username=ent1&password=ecodispatch' },
  };
  try {
    for (const route of discoverApiRoutes().filter((candidate) => !candidate.startsWith('GET '))) {
      const [method, template] = route.split(' ') as [string, string];
      const path = template.replace(/\[[^\]]+\]/g, fixtures.incidentId);
      for (const [originName, origin] of Object.entries(origins)) {
        for (const [bodyName, body] of Object.entries(bodies)) {
          const before = rowCounts(database);
          // The test-wide Origin header is replaced (or blanked, for "absent": Playwright drops empty headers).
          const response = await duty.fetch(path, {
            method,
            data: body.text,
            headers: { origin: origin ?? '', 'content-type': body.type },
          });
          // A machine call (server/http/csrf.ts) is exempt from the origin proof and must carry its own credential
          // instead; without one it is refused by its route, whatever the status. Everything else meets the guard's 403.
          const isMachinePath = isMachineCall(method, path, { 'content-type': body.type });
          const isRefused = isMachinePath ? response.status() >= 400 && response.status() < 500 : response.status() === 403;
          if (!isRefused) mismatches.push(`${route} with ${originName} origin and a ${bodyName} body: ${response.status()}`);
          if (JSON.stringify(rowCounts(database)) !== JSON.stringify(before))
            mismatches.push(`${route} (${originName}, ${bodyName}) changed the database`);
        }
      }
    }
  } finally {
    database.close();
  }
  expect(mismatches).toEqual([]);
});
