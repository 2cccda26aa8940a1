import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, incidents, jurisdictions } from '@/db/schema';
import { getIncident, setIncidentSeverity, triggerIncident } from '@/server/dispatch';
import { initialReportDeadline, initialReportMinutesFor, initialReportState } from '@/server/contracts/report-deadline';
import { DomainError } from '@/server/kernel/errors';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

// 事件分级: set at the trigger or later, each change an audit row with who and why; the 初报
// deadline runs from discovery by the level (the strictest while none is set).

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const T0 = new Date('2026-06-01T00:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, key: error.messageKey } : error),
  );

async function triggered(severity?: string) {
  fixture = await createSeededDb();
  const duty = { ...(await fixture.ctxFor('duty')), now: () => T0 };
  const result = await triggerIncident({
    ctx: duty,
    input: {
      planId: fixture.ids.planIds.get('water_oil')!,
      location: RIVER_POINT,
      description: '梁滩河发现油污',
      drill: true,
      ...(severity ? { severity } : {}),
    },
  });
  return { duty, incident: result.incident };
}

describe('the 初报 deadline (pure)', () => {
  const perLevel = { IV: 240, III: 240, II: 120, I: 120 };
  it('is discovery plus the minutes of the level, the strictest while none is set', () => {
    expect(initialReportMinutesFor(perLevel, 'IV')).toBe(240);
    expect(initialReportMinutesFor(perLevel, null)).toBe(120);
    expect(initialReportDeadline(T0, perLevel, 'III')).toEqual(minutes(240));
    expect(initialReportDeadline(T0, perLevel, null)).toEqual(minutes(120));
  });

  it('warns in the last 15 minutes, alerts after, and is met exactly on the deadline', () => {
    const deadline = minutes(60);
    expect(initialReportState({ deadline, signedOffAt: null, now: minutes(44) })).toBe('running');
    expect(initialReportState({ deadline, signedOffAt: null, now: minutes(45) })).toBe('warning');
    expect(initialReportState({ deadline, signedOffAt: null, now: new Date(deadline.getTime() + 1) })).toBe('overdue');
    expect(initialReportState({ deadline, signedOffAt: deadline, now: minutes(90) })).toBe('met');
    expect(initialReportState({ deadline, signedOffAt: new Date(deadline.getTime() + 1000), now: minutes(90) })).toBe('missed');
  });
});

describe('setIncidentSeverity', () => {
  it('sets the level at the trigger and starts the clock at the trigger time', async () => {
    const { duty, incident } = await triggered('III');
    expect(incident).toMatchObject({ severity: 'III', discoveredAt: T0.toISOString() });
    const detail = await getIncident({ ctx: duty, input: { incidentId: incident.id } });
    expect(detail.initialReport).toEqual({
      discoveredAt: T0.toISOString(),
      severity: 'III',
      minutes: 60,
      deadline: minutes(60).toISOString(),
      signedOffAt: null,
    });
  });

  it('moves the deadline when the level changes, and records who changed it and why', async () => {
    const { duty, incident } = await triggered();
    // A district that allows 4 h for IV/III and 2 h for II/I.
    await fixture.db.update(jurisdictions).set({ initialReportMinutes: { IV: 240, III: 240, II: 120, I: 120 } });
    const before = await getIncident({ ctx: duty, input: { incidentId: incident.id } });
    expect(before.initialReport).toMatchObject({ severity: null, minutes: 120, deadline: minutes(120).toISOString() });

    const later = { ...duty, now: () => minutes(10) };
    const summary = await setIncidentSeverity({
      ctx: later,
      input: { incidentId: incident.id, severity: 'IV', reason: '仅局部水面油膜，无人员伤亡' },
    });
    expect(summary.severity).toBe('IV');
    const after = await getIncident({ ctx: duty, input: { incidentId: incident.id } });
    expect(after.initialReport).toMatchObject({ severity: 'IV', minutes: 240, deadline: minutes(240).toISOString() });
    const entry = after.timeline.find((item) => item.action === 'incident.severity_changed');
    expect(entry).toMatchObject({
      actorName: '陈值班',
      at: minutes(10).toISOString(),
      data: { from: null, to: 'IV', reason: '仅局部水面油膜，无人员伤亡' },
    });

    await setIncidentSeverity({ ctx: later, input: { incidentId: incident.id, severity: 'II', reason: '油污进入饮用水水源保护区' } });
    const raised = await getIncident({ ctx: duty, input: { incidentId: incident.id } });
    expect(raised.initialReport).toMatchObject({ severity: 'II', deadline: minutes(120).toISOString() });
    const changes = raised.timeline.filter((item) => item.action === 'incident.severity_changed').map((item) => item.data);
    expect(changes).toEqual([
      { from: null, to: 'IV', reason: '仅局部水面油膜，无人员伤亡' },
      { from: 'IV', to: 'II', reason: '油污进入饮用水水源保护区' },
    ]);
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'incidentUpdated').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an unknown level, a missing reason, the same level, other roles and unknown incidents; nothing changes', async () => {
    const { duty, incident } = await triggered('IV');
    const audit = async () => (await fixture.db.select().from(auditEvents)).length;
    const count = await audit();
    const change = (ctx: typeof duty, input: Record<string, unknown>) =>
      refusal(setIncidentSeverity({ ctx, input: { incidentId: incident.id, ...input } }));
    expect(await change(duty, { severity: 'V', reason: '原因' })).toEqual({ code: 'invalid_input', key: 'unknownSeverity' });
    expect(await change(duty, { severity: 4, reason: '原因' })).toEqual({ code: 'invalid_input', key: 'unknownSeverity' });
    expect(await change(duty, { reason: '原因' })).toEqual({ code: 'invalid_input', key: 'unknownSeverity' });
    expect(await change(duty, { severity: 'III' })).toEqual({ code: 'invalid_input', key: 'severityReasonRequired' });
    expect(await change(duty, { severity: 'III', reason: 'x'.repeat(201) })).toEqual({
      code: 'invalid_input',
      key: 'severityReasonTooLong',
    });
    expect(await change(duty, { severity: 'IV', reason: '再次确认' })).toEqual({ code: 'conflict', key: 'severityUnchanged' });
    expect(await change(await fixture.ctxFor('env1'), { severity: 'III', reason: '原因' })).toEqual({
      code: 'forbidden',
      key: 'forbidden',
    });
    expect(
      await refusal(
        setIncidentSeverity({ ctx: duty, input: { incidentId: '00000000-0000-4000-8000-000000000000', severity: 'III', reason: '原因' } }),
      ),
    ).toEqual({ code: 'not_found', key: 'incidentNotFound' });
    const [row] = await fixture.db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row?.severity).toBe('IV');
    expect(await audit()).toBe(count);
  });

  it('refuses an unknown level at the trigger and creates nothing', async () => {
    fixture = await createSeededDb();
    const duty = await fixture.ctxFor('duty');
    const input = { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河发现油污', severity: '特大' };
    expect(await refusal(triggerIncident({ ctx: duty, input }))).toEqual({ code: 'invalid_input', key: 'unknownSeverity' });
    expect(await fixture.db.select().from(incidents)).toEqual([]);
  });
});
