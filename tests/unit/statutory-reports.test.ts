import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, jurisdictions, neighbourNotifications, statutoryReports, statutoryReportVersions, users } from '@/db/schema';
import { createContext, type ServerDeps } from '@/server/context';
import { advanceAssignment } from '@/server/dispatch/advance-assignment';
import { getIncident, liftIncident, postIncidentUpdate, setIncidentSeverity, triggerIncident } from '@/server/dispatch';
import { confirmReport, fileReport } from '@/server/intake';
import { authenticateRequest, createIntegrationToken } from '@/server/integrations';
import { setIntegrationKey } from '@/server/integrations/integration-key';
import { toActor } from '@/server/kernel/auth/actor';
import { DomainError } from '@/server/kernel/errors';
import {
  createStatutoryReport,
  getStatutoryReport,
  listIncidentReports,
  recordNeighbourNotification,
  saveReportVersion,
  signOffReportVersion,
} from '@/server/statutory-reports';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

// The statutory 初报 / 续报 / 处理结果报告: prefilled drafts, every save a version, 签发 only by a
// signatory of the incident's jurisdiction, a signed version frozen, the 初报 deadline met or missed,
// neighbour notifications; every refusal changes nothing.

beforeAll(() => setIntegrationKey('test-integration-key-0123456789abcdef'));
afterAll(() => setIntegrationKey(undefined));

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const T0 = new Date('2026-06-01T00:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, key: error.messageKey } : error),
  );

async function triggered() {
  fixture = await createSeededDb();
  const duty = { ...(await fixture.ctxFor('duty')), now: () => T0 };
  const leader = await fixture.ctxFor('leader');
  const result = await triggerIncident({
    ctx: duty,
    input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河发现油污', drill: true },
  });
  return { duty, leader, incident: result.incident, assignments: result.assignments };
}

const counts = async () => ({
  reports: (await fixture.db.select().from(statutoryReports)).length,
  versions: await fixture.db.select().from(statutoryReportVersions),
  notifications: (await fixture.db.select().from(neighbourNotifications)).length,
  audit: (await fixture.db.select().from(auditEvents)).length,
});

describe('createStatutoryReport', () => {
  it('prefills the 初报 from the timeline: update, arrival, severity, forces, enterprise substances', async () => {
    const { duty, incident, assignments } = await triggered();
    const wwtp = fixture.ids.enterpriseIds.get('wwtp')!;
    await postIncidentUpdate({ ctx: duty, input: { incidentId: incident.id, text: '溯源：油污来自污水厂排口', link: [wwtp] } });
    await setIncidentSeverity({ ctx: duty, input: { incidentId: incident.id, severity: 'IV', reason: '影响范围小' } });
    const first = assignments[0]!;
    const person = await fixture.ctxFor(first.username);
    for (const status of ['acknowledged', 'en_route', 'on_scene'] as const) {
      await advanceAssignment(person, first.id, status);
    }

    const report = await createStatutoryReport({ ctx: duty, input: { incidentId: incident.id, kind: 'initial' } });
    expect(report).toMatchObject({ kind: 'initial', seq: 1, createdBy: '陈值班' });
    expect(report.versions).toHaveLength(1);
    const [version] = report.versions;
    expect(version).toMatchObject({ version: 1, savedBy: '陈值班', signedOffBy: null, signedOffAt: null });
    const content = version!.content;
    expect(content).toMatchObject({
      discoveredAt: T0.toISOString(),
      severity: 'IV',
      causeAndNature: '梁滩河发现油污',
      location: { lat: RIVER_POINT.lat, lng: RIVER_POINT.lng },
      reporterName: '陈值班',
      monitoring: [],
    });
    expect(content.source).toContain('陈值班');
    expect(content.actionsTaken).toContain('情况通报：溯源：油污来自污水厂排口');
    expect(content.actionsTaken).toContain(`${first.userName}（${first.role}）到达现场`);
    expect(content.actionsTaken).toContain('一般（Ⅳ级）');
    expect(content.forcesAndMaterials).toContain(first.userName);
    expect(content.forcesAndMaterials).toContain(first.department);
    expect(content.enterprises.map((enterprise) => enterprise.id)).toEqual([wwtp]);
    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'statutory_report.created'));
    expect(audit).toHaveLength(1);
  });

  it('numbers 续报 1, 2 and allows one 初报 and one 处理结果报告', async () => {
    const { duty, incident } = await triggered();
    const create = (kind: string) => createStatutoryReport({ ctx: duty, input: { incidentId: incident.id, kind } });
    await create('initial');
    const [a, b] = await Promise.all([create('follow_up'), create('follow_up')]);
    expect([a!.seq, b!.seq].sort()).toEqual([1, 2]);
    const final = await create('final');
    expect(final.seq).toBe(1);
    const before = await counts();
    expect(await refusal(create('initial'))).toEqual({ code: 'conflict', key: 'statutoryReportExists' });
    expect(await refusal(create('final'))).toEqual({ code: 'conflict', key: 'statutoryReportExists' });
    expect(await refusal(create('summary'))).toMatchObject({ code: 'invalid_input' });
    expect(await counts()).toEqual(before);
  });

  it('names an API-filed report as the source and starts the clock at its own time', async () => {
    fixture = await createSeededDb();
    const admin = await fixture.ctxFor('admin');
    const made = await createIntegrationToken({ ctx: admin, input: { name: '河长制APP', scope: 'report' } });
    const input = {
      reporter: { name: '李河长', phone: '13900000000', org: '梁滩河河长办' },
      time: '2026-06-01T07:58:00+08:00',
      location: { ...RIVER_POINT, address: '梁滩河合谷段' },
      type: 'water_oil',
      text: '河面发现大片油膜',
    };
    const body = new TextEncoder().encode(JSON.stringify(input));
    const caller = await authenticateRequest(fixture.db, {
      headers: new Headers({ authorization: `Bearer ${made.secret}` }),
      body,
      now: new Date(),
    });
    const { report: filed } = await fileReport({
      deps: { db: fixture.db, emitter: fixture.emitter, now: () => new Date() } as ServerDeps,
      caller,
      input,
    });
    const duty = await fixture.ctxFor('duty');
    const confirmed = await confirmReport({ ctx: duty, input: { reportId: filed.id, planId: filed.suggestedPlanId } });
    expect(confirmed.incident.discoveredAt).toBe(new Date('2026-06-01T07:58:00+08:00').toISOString());

    const report = await createStatutoryReport({ ctx: duty, input: { incidentId: confirmed.incident.id, kind: 'initial' } });
    const content = report.versions[0]!.content;
    expect(content.discoveredAt).toBe(new Date('2026-06-01T07:58:00+08:00').toISOString());
    expect(content.source).toContain('李河长');
    expect(content.source).toContain('河长制APP');
    expect(content.location.text).toBe('梁滩河合谷段');
  });
});

describe('versions and 签发', () => {
  async function drafted() {
    const setup = await triggered();
    const report = await createStatutoryReport({ ctx: setup.duty, input: { incidentId: setup.incident.id, kind: 'initial' } });
    const content = report.versions[0]!.content;
    const ref = { incidentId: setup.incident.id, reportId: report.id };
    return { ...setup, report, content, ref };
  }

  it('keeps every save as a version; the signatory signs the latest; a correction is a new version', async () => {
    const { duty, leader, content, ref } = await drafted();
    const reading = { pollutant: '石油类', value: 0.35, unit: 'mg/L', point: '合谷桥断面', takenAt: '2026-06-01T08:20:00+08:00' };
    const saved = await saveReportVersion({
      ctx: duty,
      input: { ...ref, content: { ...content, monitoring: [reading], trend: '油膜范围缩小' } },
    });
    expect(saved.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(saved.versions[0]!.content.monitoring).toEqual([]);
    expect(saved.versions[1]!.content).toMatchObject({ monitoring: [reading], trend: '油膜范围缩小', accountability: '' });

    const signAt = { ...leader, now: () => minutes(50) };
    const signed = await signOffReportVersion({ ctx: signAt, input: { ...ref, version: 2 } });
    expect(signed.versions[1]).toMatchObject({ signedOffBy: '杨振东', signedOffAt: minutes(50).toISOString() });
    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'statutory_report.signed_off'));
    expect(audit[0]!.data).toMatchObject({ kind: 'initial', version: 2, deadline: minutes(60).toISOString(), isDeadlineMet: true });
    const board = await getIncident({ ctx: duty, input: { incidentId: ref.incidentId } });
    expect(board.initialReport.signedOffAt).toBe(minutes(50).toISOString());

    // Frozen: signing it again, or an older version, is refused and changes nothing.
    const before = await counts();
    expect(await refusal(signOffReportVersion({ ctx: leader, input: { ...ref, version: 2 } }))).toEqual({
      code: 'conflict',
      key: 'reportVersionFrozen',
    });
    expect(await refusal(signOffReportVersion({ ctx: leader, input: { ...ref, version: 9 } }))).toEqual({
      code: 'not_found',
      key: 'reportVersionNotFound',
    });
    expect(await counts()).toEqual(before);

    const corrected = await saveReportVersion({ ctx: duty, input: { ...ref, content: { ...content, trend: '已无油膜' } } });
    expect(corrected.versions.map((version) => [version.version, version.signedOffBy])).toEqual([
      [1, null],
      [2, '杨振东'],
      [3, null],
    ]);
    expect(corrected.versions[1]!.content.trend).toBe('油膜范围缩小');
    expect(await refusal(signOffReportVersion({ ctx: leader, input: { ...ref, version: 1 } }))).toEqual({
      code: 'conflict',
      key: 'reportVersionSuperseded',
    });
    await signOffReportVersion({ ctx: { ...leader, now: () => minutes(70) }, input: { ...ref, version: 3 } });
    // The deadline was decided by the first signed-off 初报, not the later correction.
    const listed = await listIncidentReports({ ctx: leader, input: { incidentId: ref.incidentId } });
    expect(listed.clock.signedOffAt).toBe(minutes(50).toISOString());
    expect(listed.canSignOff).toBe(true);
    expect((await listIncidentReports({ ctx: duty, input: { incidentId: ref.incidentId } })).canSignOff).toBe(false);
  });

  it('records a missed deadline when the first sign-off is late', async () => {
    const { leader, ref } = await drafted();
    await signOffReportVersion({ ctx: { ...leader, now: () => new Date(minutes(60).getTime() + 1000) }, input: { ...ref, version: 1 } });
    const [audit] = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'statutory_report.signed_off'));
    expect(audit!.data).toMatchObject({ isDeadlineMet: false });
  });

  it('refuses bad monitoring values, unknown levels and bad content; nothing changes', async () => {
    const { duty, content, ref } = await drafted();
    const before = await counts();
    const reading = { pollutant: '石油类', value: 0.35, unit: 'mg/L', point: '合谷桥断面', takenAt: '08:20' };
    const save = (patch: Record<string, unknown>) =>
      refusal(saveReportVersion({ ctx: duty, input: { ...ref, content: { ...content, ...patch } } }));
    expect(await save({ monitoring: [{ ...reading, value: '0.35' }] })).toEqual({ code: 'invalid_input', key: 'monitoringValueNotNumber' });
    expect(await save({ monitoring: [{ ...reading, value: '约0.3' }] })).toEqual({
      code: 'invalid_input',
      key: 'monitoringValueNotNumber',
    });
    expect(await save({ monitoring: [reading, { ...reading, unit: '' }] })).toEqual({
      code: 'invalid_input',
      key: 'monitoringUnitRequired',
    });
    expect(await save({ monitoring: [{ ...reading, unit: undefined }] })).toEqual({ code: 'invalid_input', key: 'monitoringUnitRequired' });
    expect(await save({ monitoring: [{ ...reading, pollutant: '' }] })).toEqual({ code: 'invalid_input', key: 'monitoringReadingInvalid' });
    expect(await save({ severity: 'V' })).toEqual({ code: 'invalid_input', key: 'unknownSeverity' });
    expect(await save({ discoveredAt: 'yesterday' })).toEqual({ code: 'invalid_input', key: 'invalidField' });
    expect(await refusal(saveReportVersion({ ctx: duty, input: { ...ref, content: 'text' } }))).toMatchObject({ code: 'invalid_input' });
    expect(await refusal(saveReportVersion({ ctx: duty, input: { ...ref, reportId: randomUUID(), content } }))).toEqual({
      code: 'not_found',
      key: 'statutoryReportNotFound',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses sign-off without 签发权, by field staff, and from another jurisdiction; nothing changes', async () => {
    const { duty, ref } = await drafted();
    const before = await counts();
    expect(await refusal(signOffReportVersion({ ctx: duty, input: { ...ref, version: 1 } }))).toEqual({
      code: 'forbidden',
      key: 'signOffNotAllowed',
    });
    // A field person given the flag by mistake still may not sign.
    await fixture.db.update(users).set({ canSignOff: true }).where(eq(users.username, 'env1'));
    expect(await refusal(signOffReportVersion({ ctx: await fixture.ctxFor('env1'), input: { ...ref, version: 1 } }))).toEqual({
      code: 'forbidden',
      key: 'signOffNotAllowed',
    });
    // A signatory of 成都高新区 does not see 重庆高新区's incident at all.
    const chengdu = randomUUID();
    await fixture.db
      .insert(jurisdictions)
      .values({ id: chengdu, name: '成都高新区', nameEn: 'Chengdu Hi-Tech Zone', centerLat: 30.58, centerLng: 104.06 });
    const [leaderRow] = await fixture.db.select().from(users).where(eq(users.username, 'leader'));
    const foreignId = randomUUID();
    await fixture.db.insert(users).values({ ...leaderRow!, id: foreignId, username: 'cd-leader', jurisdictionId: chengdu });
    const [foreign] = await fixture.db.select().from(users).where(eq(users.id, foreignId));
    const foreignCtx = createContext(toActor(foreign!), { db: fixture.db, emitter: fixture.emitter });
    expect(await refusal(signOffReportVersion({ ctx: foreignCtx, input: { ...ref, version: 1 } }))).toEqual({
      code: 'not_found',
      key: 'incidentNotFound',
    });
    expect(await refusal(getStatutoryReport({ ctx: foreignCtx, input: ref }))).toEqual({ code: 'not_found', key: 'incidentNotFound' });
    expect(await refusal(listIncidentReports({ ctx: foreignCtx, input: { incidentId: ref.incidentId } }))).toEqual({
      code: 'not_found',
      key: 'incidentNotFound',
    });
    expect(await refusal(createStatutoryReport({ ctx: foreignCtx, input: { incidentId: ref.incidentId, kind: 'follow_up' } }))).toEqual({
      code: 'not_found',
      key: 'incidentNotFound',
    });
    expect(await refusal(getStatutoryReport({ ctx: await fixture.ctxFor('env1'), input: ref }))).toEqual({
      code: 'forbidden',
      key: 'forbidden',
    });
    expect(await counts()).toEqual(before);
  });
});

describe('recordNeighbourNotification', () => {
  it('records whom, when and how, after the lift too; refuses a time in the future and empty fields', async () => {
    const { duty, incident } = await triggered();
    const report = await createStatutoryReport({ ctx: duty, input: { incidentId: incident.id, kind: 'initial' } });
    await liftIncident({ ctx: duty, input: { incidentId: incident.id, reason: '油污已清除' } });
    const ref = { incidentId: incident.id, reportId: report.id };
    const notice = {
      jurisdictionName: '璧山区生态环境局',
      contact: '王科长 023-41400000',
      means: '电话',
      notifiedAt: minutes(-5).toISOString(),
    };
    const saved = await recordNeighbourNotification({ ctx: duty, input: { ...ref, ...notice } });
    expect(saved.notifications).toEqual([
      expect.objectContaining({
        jurisdictionName: '璧山区生态环境局',
        contact: '王科长 023-41400000',
        means: '电话',
        notifiedAt: notice.notifiedAt,
        recordedBy: '陈值班',
      }),
    ]);
    const before = await counts();
    expect(
      await refusal(recordNeighbourNotification({ ctx: duty, input: { ...ref, ...notice, notifiedAt: minutes(60).toISOString() } })),
    ).toEqual({
      code: 'invalid_input',
      key: 'notifiedAtInFuture',
    });
    expect(await refusal(recordNeighbourNotification({ ctx: duty, input: { ...ref, ...notice, means: ' ' } }))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await refusal(recordNeighbourNotification({ ctx: await fixture.ctxFor('env1'), input: { ...ref, ...notice } }))).toEqual({
      code: 'forbidden',
      key: 'forbidden',
    });
    expect(await counts()).toEqual(before);
  });
});
