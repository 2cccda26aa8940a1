import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { assignments, DEFAULT_ACK_TIMEOUT_SECONDS, incidents, planRoleMembers, planRoles, users } from '../../db/schema';
import { insertInChunks } from '../../db/insert-in-chunks';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit, recordAudits } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { ESCALATION_STEPS } from '../contracts/escalation';
import { conflict, invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { pushInSlices } from '../push/fan-out';
import { announceAssignmentUpdate, announceIncidentUpdate } from './announce';
import { buildAssignmentRows, type CardRole } from './build-assignment-rows';
import { pushCard } from './delivery/push-card';
import { recomputeShortfalls } from './recompute-shortfalls';
import { loadAssignmentViews, loadIncidentSummary, loadRoleCards } from './views';

export const MAX_REINFORCEMENTS = 50;

export const reinforceIncidentInput = z.object({
  incidentId: z.string().uuid(),
  /** The people to add; left out (or empty) with a planRoleId, every on-duty member of that role not yet on the incident. */
  userIds: z.array(z.string().min(1).max(64)).max(MAX_REINFORCEMENTS).optional(),
  /** A role of the incident's plan; or, instead, a free role name and instructions. */
  planRoleId: z.string().min(1).max(64).optional(),
  roleName: z.string().trim().min(1).max(60).optional(),
  instructions: z.string().trim().max(2000).optional(),
});

/**
 * 增派: adds people to a running incident. Their cards are made exactly as at 一键启动 (the same
 * row shape, redelivery and escalation timers: build-assignment-rows.ts), notified on the same
 * channels and pushed after commit; the role's shortfall is recomputed.
 */
export async function reinforceIncident({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const data = parseInput(reinforceIncidentInput, input);
  if (!data.planRoleId && !data.roleName) throw invalid('reinforcementRoleRequired', { field: 'planRoleId' });
  const requested = [...new Set(data.userIds ?? [])];
  if (requested.length === 0 && !data.planRoleId) throw invalid('reinforcementPeopleRequired', { field: 'userIds' });

  const outcome = await withTransaction(db, async (tx) => {
    const [incident] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, data.incidentId), eq(incidents.jurisdictionId, actor.jurisdictionId)));
    if (!incident) throw notFound('incidentNotFound');
    if (incident.status !== 'active') throw conflict('incidentAlreadyLifted');

    let planRole: CardRole | null = null;
    if (data.planRoleId) {
      const [role] = await tx
        .select()
        .from(planRoles)
        .where(and(eq(planRoles.id, data.planRoleId), eq(planRoles.planId, incident.planId)));
      if (!role) throw invalid('unknownPlanRole', { field: 'planRoleId' });
      planRole = role;
    }

    const candidateIds =
      requested.length > 0
        ? requested
        : (
            await tx
              .select({ userId: planRoleMembers.userId })
              .from(planRoleMembers)
              .where(eq(planRoleMembers.planRoleId, data.planRoleId!))
              .orderBy(planRoleMembers.priority)
          ).map((row) => row.userId);
    const people = candidateIds.length
      ? await tx
          .select({ id: users.id, displayName: users.displayName, departmentId: users.departmentId, isOnDuty: users.isOnDuty })
          .from(users)
          .where(
            and(
              inArray(users.id, candidateIds),
              eq(users.jurisdictionId, actor.jurisdictionId),
              eq(users.role, 'field_staff'),
              eq(users.isActive, true),
            ),
          )
      : [];
    if (requested.length > 0 && people.length !== requested.length) throw invalid('unknownPerson', { field: 'userIds' });

    const existing = candidateIds.length
      ? await tx
          .select({ userId: assignments.userId })
          .from(assignments)
          .where(and(eq(assignments.incidentId, incident.id), inArray(assignments.userId, candidateIds)))
      : [];
    const onIncident = new Set(existing.map((row) => row.userId));
    if (requested.length > 0) {
      const clash = people.find((person) => onIncident.has(person.id));
      if (clash) throw conflict('alreadyOnIncident', { field: 'userIds', name: clash.displayName });
    }
    // A whole role: its members on the roster now, not yet on the incident, in the plan's priority order.
    const order = new Map(candidateIds.map((id, index) => [id, index]));
    const chosen = (requested.length > 0 ? people : people.filter((person) => person.isOnDuty && !onIncident.has(person.id))).sort(
      (a, b) => order.get(a.id)! - order.get(b.id)!,
    );
    if (chosen.length === 0) throw invalid('noOnDutyRoleMembers', { field: 'planRoleId' });

    const freeRoleId = randomUUID();
    const now = ctx.now();
    const rows = buildAssignmentRows({
      incidentId: incident.id,
      location: { lat: incident.lat, lng: incident.lng },
      now,
      picks: chosen.map((person) => ({
        userId: person.id,
        role: planRole
          ? {
              ...planRole,
              name: data.roleName ?? planRole.name,
              instructions: data.instructions ?? planRole.instructions,
            }
          : {
              id: freeRoleId,
              departmentId: person.departmentId!,
              name: data.roleName!,
              instructions: data.instructions ?? '',
              materials: '',
              targetLabel: '',
              targetLat: null,
              targetLng: null,
              ackTimeoutSeconds: DEFAULT_ACK_TIMEOUT_SECONDS,
              escalationSteps: [...ESCALATION_STEPS],
            },
      })),
    });
    await insertInChunks(tx, assignments, rows);
    const audit = { jurisdictionId: actor.jurisdictionId, actorId: actor.id, incidentId: incident.id, at: now };
    const summaryAudit = await recordAudit(tx, {
      ...audit,
      action: 'incident.reinforced',
      entityType: 'incident',
      entityId: incident.id,
      data: { role: rows[0]!.roleName, assigned: rows.length, people: chosen.map((person) => person.displayName).join('、') },
    });
    await recordAudits(
      tx,
      rows.map((row) => ({
        ...audit,
        action: 'assignment.sent',
        entityType: 'assignment',
        entityId: row.id,
        data: { userId: row.userId, role: row.roleName, reinforcement: true },
      })),
    );
    const notice = { jurisdictionId: actor.jurisdictionId, incidentId: incident.id, kind: 'assignment' as const };
    await enqueueNotifications(
      tx,
      rows.map((row) => ({ ...notice, assignmentId: row.id, userId: row.userId })),
      now,
    );
    await recomputeShortfalls(tx, incident, planRole ? [planRole.id] : []);
    return { assignmentIds: rows.map((row) => row.id), auditId: summaryAudit.id };
  });

  // Save, then emit: the cards (attempt 1; redelivery retries), then the board.
  const cards = await loadRoleCards(db, { assignmentIds: outcome.assignmentIds });
  await pushInSlices(cards, (card) => void pushCard(ctx, card));
  const views = await loadAssignmentViews(db, { assignmentIds: outcome.assignmentIds });
  for (const view of views) announceAssignmentUpdate(ctx, view);
  const incident = (await loadIncidentSummary(db, actor.jurisdictionId, data.incidentId))!;
  announceIncidentUpdate(ctx, incident, { auditId: outcome.auditId });
  return { incident, assignments: views };
}
