import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { assignments, auditEvents, incidents, shortfalls, users } from '@/db/schema';
import { getIncident, triggerIncident } from '@/server/dispatch';
import { loadAssignmentViews, loadIncidentSummary, loadRoleCards } from '@/server/dispatch/views';
import type { RoleCard } from '@/server/contracts/dispatch';
import { DomainError } from '@/server/kernel/errors';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const riverInput = (planId: string) => ({ planId, location: RIVER_POINT, description: '梁滩河合谷段水面发现黑色油污', drill: true });

describe('triggerIncident', () => {
  it('assigns every on-duty pre-assigned person of the river-oil plan and pushes each card to its owner only', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('duty');
    const result = await triggerIncident({ ctx, input: riverInput(fixture.ids.planIds.get('water_oil')!) });

    const assignees = result.assignments.map((a) => a.userId).sort();
    const expected = ['env1', 'env2', 'police1', 'emerg1'].map((name) => fixture.ids.userIds.get(name)!).sort();
    expect(assignees).toEqual(expected);
    expect(result.shortfalls).toEqual([]);
    expect(result.incident.isDrill).toBe(true);

    const pushes = fixture.emitter.sent.filter((s) => s.kind === 'assignmentNew');
    expect(pushes.map((p) => p.to).sort()).toEqual(expected);
    for (const push of pushes) expect((push.payload as { assigneeId: string }).assigneeId).toBe(push.to);
    expect(fixture.emitter.sent.filter((s) => s.kind === 'incidentUpdated')).toHaveLength(1);

    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.incidentId, result.incident.id));
    expect(audit.map((row) => row.action).sort()).toEqual([
      'assignment.sent',
      'assignment.sent',
      'assignment.sent',
      'assignment.sent',
      'incident.triggered',
      // The seeded 拦截吸附组 needs felt, sandbags, an excavator and 300 m of boom (split over two depots).
      ...Array<string>(5).fill('material.reserved'),
    ]);
  });

  it('answers with exactly what reading the incident back gives: summary, board rows, cards and shortfalls', async () => {
    // The answer and the pushed cards are built from the rows just written (no read-back after
    // the commit); this holds them to the read models the board and the phones use later.
    fixture = await createSeededDb();
    await fixture.db.update(users).set({ isOnDuty: false }).where(eq(users.username, 'police1'));
    await fixture.db.update(users).set({ isOnDuty: false }).where(eq(users.username, 'police2'));
    const ctx = await fixture.ctxFor('duty');
    const [enterpriseId] = [...fixture.ids.enterpriseIds.values()];
    const result = await triggerIncident({
      ctx,
      input: { ...riverInput(fixture.ids.planIds.get('water_oil')!), enterpriseId },
    });
    const incidentId = result.incident.id;
    expect(result.shortfalls.length).toBeGreaterThan(0);
    expect(result.incident.enterprises.map((enterprise) => enterprise.id)).toEqual([enterpriseId]);

    expect(result.incident).toEqual(await loadIncidentSummary(fixture.db, ctx.actor.jurisdictionId, incidentId));
    expect(result.assignments).toEqual(await loadAssignmentViews(fixture.db, { incidentId }));
    const detail = await getIncident({ ctx, input: { incidentId } });
    expect(result.shortfalls).toEqual(detail.shortfalls);

    const pushed = fixture.emitter.sent.filter((s) => s.kind === 'assignmentNew').map((s) => s.payload as RoleCard);
    const byId = (a: RoleCard, b: RoleCard) => a.assignmentId.localeCompare(b.assignmentId);
    expect(pushed.sort(byId)).toEqual((await loadRoleCards(fixture.db, { incidentId })).sort(byId));
    expect(pushed[0]!.incident.enterprises.map((enterprise) => enterprise.id)).toEqual([enterpriseId]);
  });

  it('records a shortfall, not a silent gap, when too few are on duty', async () => {
    fixture = await createSeededDb();
    await fixture.db
      .update(users)
      .set({ isOnDuty: false })
      .where(eq(users.departmentId, fixture.ids.departmentIds.get('police')!));
    const ctx = await fixture.ctxFor('duty');
    const result = await triggerIncident({ ctx, input: riverInput(fixture.ids.planIds.get('water_oil')!) });
    expect(result.assignments).toHaveLength(3);
    expect(result.shortfalls).toMatchObject([{ roleName: '现场警戒与案件调查组', required: 1, assigned: 0 }]);
  });

  it('fills a role from other on-duty staff of the department when the pre-assigned person is off duty', async () => {
    fixture = await createSeededDb();
    await fixture.db.update(users).set({ isOnDuty: false }).where(eq(users.username, 'police1'));
    const ctx = await fixture.ctxFor('duty');
    const result = await triggerIncident({ ctx, input: riverInput(fixture.ids.planIds.get('water_oil')!) });
    expect(result.assignments.map((a) => a.userId)).toContain(fixture.ids.userIds.get('police2'));
    expect(result.shortfalls).toEqual([]);
  });

  it('returns the first incident for a retried request with the same idempotency key', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('duty');
    const input = riverInput(fixture.ids.planIds.get('water_oil')!);
    const [first, second] = await Promise.all([
      triggerIncident({ ctx, input, idempotencyKey: 'press-0001' }),
      triggerIncident({ ctx, input, idempotencyKey: 'press-0001' }),
    ]);
    expect(second.incident.id).toBe(first.incident.id);
    expect([first.isReplay, second.isReplay].sort()).toEqual([false, true]);
    expect(await fixture.db.select().from(incidents)).toHaveLength(1);
    expect(await fixture.db.select().from(assignments)).toHaveLength(4);
  });

  it('refuses the same key with a different body and stores nothing new', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('duty');
    const input = riverInput(fixture.ids.planIds.get('water_oil')!);
    await triggerIncident({ ctx, input, idempotencyKey: 'press-0002' });
    await expect(
      triggerIncident({ ctx, input: { ...input, description: '另一起事件' }, idempotencyKey: 'press-0002' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await fixture.db.select().from(incidents)).toHaveLength(1);
  });

  it.each([
    [
      'a missing plan',
      'planId',
      (planId: string) => ({ location: RIVER_POINT, description: '油污', planId: planId.length ? undefined : planId }),
    ],
    ['a latitude out of range', 'location.lat', (planId: string) => ({ planId, location: { lat: 123, lng: 106.3 }, description: '油污' })],
    ['an empty description', 'description', (planId: string) => ({ planId, location: RIVER_POINT, description: ' ' })],
    ['a non-object body', 'body', () => 'oil'],
  ])('rejects %s with invalid_input naming %s, and stores nothing', async (_name, field, makeBody) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('duty');
    const input = makeBody(fixture.ids.planIds.get('water_oil')!);
    await expect(triggerIncident({ ctx, input })).rejects.toMatchObject({ code: 'invalid_input', details: { field } });
    expect(await fixture.db.select().from(incidents)).toHaveLength(0);
    expect(await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'incident.triggered'))).toHaveLength(0);
  });

  it('rejects an unknown plan as invalid input', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('duty');
    const input = riverInput('00000000-0000-4000-8000-000000000000');
    await expect(triggerIncident({ ctx, input })).rejects.toMatchObject({ code: 'invalid_input', messageKey: 'unknownPlan' });
    expect(await fixture.db.select().from(shortfalls)).toHaveLength(0);
  });

  it.each(['env1', 'ent1'])('refuses %s: only duty officers and admins may trigger', async (username) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor(username);
    const error = await triggerIncident({ ctx, input: riverInput(fixture.ids.planIds.get('water_oil')!) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'forbidden' });
    expect(await fixture.db.select().from(incidents)).toHaveLength(0);
  });
});
