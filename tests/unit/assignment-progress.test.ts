import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { assignments, auditEvents, incidents, planRoles } from '@/db/schema';
import {
  acknowledgeAssignment,
  getIncident,
  liftIncident,
  listMyAssignments,
  markDelivered,
  triggerIncident,
  updateAssignmentStatus,
} from '@/server/dispatch';
import { COUNTS_WINDOW_MS } from '@/server/push/flow-control';
import { recordManyDelivered } from '@/server/dispatch/delivery/record-many-delivered';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

async function setup() {
  fixture = await createSeededDb();
  const duty = await fixture.ctxFor('duty');
  const result = await triggerIncident({
    ctx: duty,
    input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河油污' },
  });
  const idOf = (username: string) => result.assignments.find((a) => a.username === username)!.id;
  fixture.emitter.sent.length = 0;
  return { duty, result, idOf };
}

describe('assignment progress', () => {
  it('never refuses a 收到 that races its own push receipt (on PostgreSQL both run at once)', async () => {
    fixture = await createSeededDb();
    const duty = await fixture.ctxFor('duty');
    const deps = { db: fixture.db, emitter: fixture.emitter, now: () => new Date() };
    for (let round = 0; round < 5; round += 1) {
      const { assignments: cards } = await triggerIncident({
        ctx: duty,
        input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: `梁滩河油污 ${round}` },
      });
      // The receipts of the whole fan-out in one batch, and every 收到 at the same moment.
      const [, ...acks] = await Promise.all([
        recordManyDelivered(
          deps,
          cards.map((card) => card.id),
          'receipt',
        ),
        ...cards.map(async (card) => acknowledgeAssignment({ ctx: await fixture.ctxFor(card.username), input: { assignmentId: card.id } })),
      ]);
      expect(acks.map((view) => view.status)).toEqual(cards.map(() => 'acknowledged'));
    }
  });

  it('announces the header counts at once after a lone 收到, and a burst of them as at most one more, with the final counts', async () => {
    const { idOf } = await setup();
    const summaries = () =>
      fixture.emitter.sent
        .filter((sent) => sent.kind === 'incidentUpdated')
        .map((sent) => (sent.payload as { incident: { counts: { acknowledged: number } } }).incident.counts.acknowledged);
    const ack = async (username: string) =>
      acknowledgeAssignment({ ctx: await fixture.ctxFor(username), input: { assignmentId: idOf(username) } });

    await ack('env1');
    expect(summaries()).toEqual([1]);
    await Promise.all([ack('env2'), ack('police1'), ack('emerg1')]);
    expect(summaries()).toEqual([1]);
    await new Promise((resolve) => setTimeout(resolve, COUNTS_WINDOW_MS + 100));
    expect(summaries()).toEqual([1, 4]);
    // A step after 收到 does not change the counts: the board hears of it as the row alone.
    await updateAssignmentStatus({ ctx: await fixture.ctxFor('env1'), input: { assignmentId: idOf('env1'), status: 'en_route' } });
    await new Promise((resolve) => setTimeout(resolve, COUNTS_WINDOW_MS + 100));
    expect(summaries()).toEqual([1, 4]);
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'assignmentUpdated')).toHaveLength(5);
  });

  it('walks 收到 → 出发 → 到达 → 完成 with a timestamp and an audit row per step', async () => {
    const { idOf, result } = await setup();
    const env1 = await fixture.ctxFor('env1');
    const assignmentId = idOf('env1');
    expect((await markDelivered({ ctx: env1, input: { assignmentId } })).status).toBe('delivered');
    expect((await acknowledgeAssignment({ ctx: env1, input: { assignmentId } })).status).toBe('acknowledged');
    // The seeded 溯源排查组 needs a photo before 完成 (tests/unit/field-reports.test.ts); this walk is about the steps.
    await fixture.db.update(planRoles).set({ requiresPhoto: false });
    for (const status of ['en_route', 'on_scene', 'done'] as const) {
      expect((await updateAssignmentStatus({ ctx: env1, input: { assignmentId, status } })).status).toBe(status);
    }
    const [row] = await fixture.db.select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(row!.deliveredAt && row!.acknowledgedAt && row!.enRouteAt && row!.onSceneAt && row!.doneAt).toBeTruthy();

    const detail = await getIncident({ ctx: await fixture.ctxFor('duty'), input: { incidentId: result.incident.id } });
    expect(detail.timeline.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'incident.triggered',
        'assignment.delivered',
        'assignment.acknowledged',
        'assignment.en_route',
        'assignment.on_scene',
        'assignment.done',
      ]),
    );
    const updates = fixture.emitter.sent.filter((s) => s.kind === 'assignmentUpdated');
    expect(updates).toHaveLength(5);
  });

  it('refuses progress before 收到 and any step backwards', async () => {
    const { idOf } = await setup();
    const env1 = await fixture.ctxFor('env1');
    const assignmentId = idOf('env1');
    await expect(updateAssignmentStatus({ ctx: env1, input: { assignmentId, status: 'en_route' } })).rejects.toMatchObject({
      code: 'conflict',
    });
    await acknowledgeAssignment({ ctx: env1, input: { assignmentId } });
    await updateAssignmentStatus({ ctx: env1, input: { assignmentId, status: 'on_scene' } });
    await expect(updateAssignmentStatus({ ctx: env1, input: { assignmentId, status: 'en_route' } })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(acknowledgeAssignment({ ctx: env1, input: { assignmentId } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets only the assignee act on an assignment', async () => {
    const { idOf } = await setup();
    for (const username of ['police1', 'duty', 'ent1']) {
      const ctx = await fixture.ctxFor(username);
      await expect(acknowledgeAssignment({ ctx, input: { assignmentId: idOf('env1') } })).rejects.toMatchObject({ code: 'forbidden' });
    }
    const [row] = await fixture.db
      .select()
      .from(assignments)
      .where(eq(assignments.id, idOf('env1')));
    expect(row!.status).toBe('sent');
    expect(fixture.emitter.sent).toEqual([]);
  });

  it('lifting the alarm closes every card, tells every assignee, and is not repeatable', async () => {
    const { duty, result, idOf } = await setup();
    const lifted = await liftIncident({ ctx: duty, input: { incidentId: result.incident.id, reason: '演练结束' } });
    expect(lifted.status).toBe('lifted');
    const push = fixture.emitter.sent.find((s) => s.kind === 'incidentLifted')!;
    expect((push.to as string[]).sort()).toEqual(result.assignments.map((a) => a.userId).sort());
    expect(await listMyAssignments({ ctx: await fixture.ctxFor('env1') })).toEqual([]);
    await expect(liftIncident({ ctx: duty, input: { incidentId: result.incident.id, reason: '演练结束' } })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(acknowledgeAssignment({ ctx: await fixture.ctxFor('env1'), input: { assignmentId: idOf('env1') } })).rejects.toMatchObject(
      { code: 'conflict' },
    );
    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'incident.lifted'));
    expect(audit).toHaveLength(1);
  });

  it('needs a reason to lift, which the incident, the timeline and the phones keep', async () => {
    const { duty, result } = await setup();
    for (const reason of [undefined, '', '  ', '好', 'x'.repeat(201), 42]) {
      await expect(liftIncident({ ctx: duty, input: { incidentId: result.incident.id, reason } })).rejects.toMatchObject({
        code: 'invalid_input',
        details: { field: 'reason' },
      });
    }
    const [untouched] = await fixture.db.select().from(incidents).where(eq(incidents.id, result.incident.id));
    expect(untouched).toMatchObject({ status: 'active', liftReason: null });
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'incidentLifted')).toEqual([]);

    const lifted = await liftIncident({ ctx: duty, input: { incidentId: result.incident.id, reason: ' 油污已拦截回收 ' } });
    expect(lifted).toMatchObject({ status: 'lifted', liftReason: '油污已拦截回收' });
    expect(fixture.emitter.sent.find((sent) => sent.kind === 'incidentLifted')!.payload).toMatchObject({ reason: '油污已拦截回收' });
    const [audit] = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'incident.lifted'));
    expect(audit!.data).toMatchObject({ reason: '油污已拦截回收' });
  });

  it('refuses lifting by field staff and leaves the incident active', async () => {
    const { result } = await setup();
    await expect(
      liftIncident({ ctx: await fixture.ctxFor('env1'), input: { incidentId: result.incident.id, reason: '演练结束' } }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const [row] = await fixture.db.select().from(incidents).where(eq(incidents.id, result.incident.id));
    expect(row!.status).toBe('active');
  });

  it('shows an incident to its assignees and command, but not to other field staff or enterprises', async () => {
    const { result } = await setup();
    const input = { incidentId: result.incident.id };
    await expect(getIncident({ ctx: await fixture.ctxFor('env1'), input })).resolves.toMatchObject({ id: result.incident.id });
    await expect(getIncident({ ctx: await fixture.ctxFor('env3'), input })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getIncident({ ctx: await fixture.ctxFor('ent1'), input })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
