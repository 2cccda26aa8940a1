import { and, eq } from 'drizzle-orm';
import { intakeReports, users, type IntegrationToken } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { createContext, type ServerDeps, type VerbContext } from '../context';
import { confirmReportInput } from '../contracts/intake';
import { triggerIncident } from '../dispatch';
import { toActor, requireRole, type Actor } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import { conflict, invalid, notFound, unauthenticated } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { reportUpdatedMessage } from '../push/messages';
import { loadReportViews } from './report-view';

/**
 * 一键启动 from a pending report: the duty officer's one press (the plan pre-selected, changeable),
 * the same trigger verb as the board's button. The report then names the incident it became.
 */
export async function confirmReport({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  return confirmReportAs(ctx, { kind: 'officer', actor: ctx.actor }, parseInput(confirmReportInput, input));
}

type Confirmer = { kind: 'officer'; actor: Actor } | { kind: 'token'; token: IntegrationToken };

/**
 * Shared by the officer's press and a `trigger` token's `trigger: true`. The report is claimed
 * (pending → confirmed) first, so two presses start one incident; if the trigger fails the claim
 * is undone. A token triggers in the name of the admin who made it (an incident needs a person
 * as its creator); the report's audit row names the token.
 */
export async function confirmReportAs(
  deps: ServerDeps,
  confirmer: Confirmer,
  input: { reportId: string; planId?: string; description?: string; drill?: boolean },
) {
  const jurisdictionId = confirmer.kind === 'officer' ? confirmer.actor.jurisdictionId : confirmer.token.jurisdictionId;
  const actor = confirmer.kind === 'officer' ? confirmer.actor : await tokenActor(deps, confirmer.token);
  const scoped = and(eq(intakeReports.id, input.reportId), eq(intakeReports.jurisdictionId, jurisdictionId));
  const [report] = await deps.db.select().from(intakeReports).where(scoped);
  if (!report) throw notFound('reportNotFound');
  if (report.status !== 'pending') throw conflict('reportAlreadyDecided');
  const planId = input.planId ?? report.suggestedPlanId;
  if (!planId) throw invalid('reportNeedsPlan', { field: 'planId' });

  const now = deps.now();
  const decidedBy = confirmer.kind === 'officer' ? confirmer.actor.id : null;
  const claimed = await deps.db
    .update(intakeReports)
    .set({ status: 'confirmed', decidedBy, decidedAt: now })
    .where(and(scoped, eq(intakeReports.status, 'pending')))
    .returning({ id: intakeReports.id });
  if (claimed.length === 0) throw conflict('reportAlreadyDecided');

  let triggered: Awaited<ReturnType<typeof triggerIncident>>;
  try {
    triggered = await triggerIncident({
      ctx: createContext(actor, deps),
      input: {
        planId,
        location: { lat: report.lat, lng: report.lng },
        description: report.text.slice(0, 500),
        drill: input.drill ?? false,
      },
      // The 初报 clock runs from when the river chief or the hotline saw it, not from the officer's press.
      discoveredAt: report.reportedAt,
    });
  } catch (error) {
    await deps.db.update(intakeReports).set({ status: 'pending', decidedBy: null, decidedAt: null }).where(scoped);
    throw error;
  }
  const incidentId = triggered.incident.id;
  await withTransaction(deps.db, async (tx) => {
    await tx.update(intakeReports).set({ incidentId }).where(scoped);
    await recordAudit(tx, {
      jurisdictionId,
      actorId: confirmer.kind === 'officer' ? confirmer.actor.id : `integration:${confirmer.token.id}`,
      action: 'report.confirmed',
      entityType: 'intake_report',
      entityId: report.id,
      incidentId,
      data: { planId, by: confirmer.kind === 'officer' ? 'duty_officer' : 'token' },
      at: now,
    });
  });
  const [view] = await loadReportViews(deps.db, jurisdictionId, { reportId: report.id });
  deps.emitter.reportUpdated(jurisdictionId, reportUpdatedMessage(view!));
  return { report: view!, incident: triggered.incident, assignments: triggered.assignments, shortfalls: triggered.shortfalls };
}

async function tokenActor(deps: ServerDeps, token: IntegrationToken): Promise<Actor> {
  const [creator] = await deps.db.select().from(users).where(eq(users.id, token.createdBy));
  if (!creator || !creator.isActive) throw unauthenticated('integrationTokenRevoked');
  return { ...toActor(creator), role: 'admin', displayName: `${token.name}（${creator.displayName}）` };
}
