import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { integrationTokens, intakeReports, intakeSignatures, plans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { ServerDeps } from '../context';
import { idempotencyKey as idempotencyKeySchema } from '../contracts/dispatch';
import { REPLAY_WINDOW_MS, reportInput, type PendingReportView } from '../contracts/intake';
import type { IntegrationCaller } from '../integrations/authenticate-request';
import { recordAudit } from '../kernel/audit/record-audit';
import { conflict, forbidden, invalid, unauthenticated } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { reportUpdatedMessage } from '../push/messages';
import { confirmReportAs } from './confirm-report';
import { loadReportViews, toReportView } from './report-view';

const hashRequest = (input: unknown) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

/** The audit trail's name for a token: not a user, so the id says what it is. */
export const integrationActorId = (tokenId: string) => `integration:${tokenId}`;

/**
 * A report from another system (POST /api/reports) becomes a pending incident of the token's
 * jurisdiction, its plan pre-selected from the type, and is pushed to the command room after
 * commit. With an idempotency key, a repeat with the same body returns the first report (and
 * pushes nothing); the same key with another body is a 409. A `trigger`-scoped token may ask
 * `trigger: true`: the plan is then started at once, as the duty officer's button would.
 */
export async function fileReport({
  deps,
  caller,
  input,
  idempotencyKey,
}: {
  deps: ServerDeps;
  caller: IntegrationCaller;
  input: unknown;
  idempotencyKey?: string | null;
}): Promise<{ report: PendingReportView; isReplay: boolean; incidentId: string | null }> {
  const { token } = caller;
  const data = parseInput(reportInput, input);
  if (data.trigger && token.scope !== 'trigger') throw forbidden('integrationScopeForbidsTrigger');
  const key = idempotencyKey == null ? null : parseInput(idempotencyKeySchema, idempotencyKey);
  const requestHash = hashRequest(data);
  const now = deps.now();

  const outcome = await withTransaction(deps.db, async (tx) => {
    if (caller.signature) {
      const [seen] = await tx
        .select({ at: intakeSignatures.createdAt })
        .from(intakeSignatures)
        .where(and(eq(intakeSignatures.tokenId, token.id), eq(intakeSignatures.signature, caller.signature)));
      if (seen) throw unauthenticated('signatureReplayed');
    }
    if (key) {
      const [previous] = await tx
        .select()
        .from(intakeReports)
        .where(and(eq(intakeReports.tokenId, token.id), eq(intakeReports.idempotencyKey, key)));
      if (previous && previous.requestHash !== requestHash) throw conflict('reportKeyReused');
      if (previous) {
        await remember(tx);
        return { row: previous, isReplay: true };
      }
    }
    const [plan] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(
        and(
          eq(plans.jurisdictionId, token.jurisdictionId),
          eq(plans.isActive, true),
          eq(sql`lower(${plans.incidentType})`, data.type.toLowerCase()),
        ),
      )
      .orderBy(asc(plans.createdAt))
      .limit(1);
    // Asked to start a plan, but no active plan has this type: refused before anything is stored.
    if (data.trigger && !plan) throw invalid('reportNeedsPlan', { field: 'type' });
    const id = randomUUID();
    const [row] = await tx
      .insert(intakeReports)
      .values({
        id,
        jurisdictionId: token.jurisdictionId,
        tokenId: token.id,
        idempotencyKey: key,
        requestHash,
        reporterName: data.reporter.name,
        reporterPhone: data.reporter.phone,
        reporterOrg: data.reporter.org,
        reportedAt: new Date(data.time),
        lat: data.location.lat,
        lng: data.location.lng,
        address: data.location.address,
        incidentType: data.type,
        text: data.text,
        photoUrls: data.photoUrls,
        suggestedPlanId: plan?.id ?? null,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, {
      jurisdictionId: token.jurisdictionId,
      actorId: integrationActorId(token.id),
      action: 'report.filed',
      entityType: 'intake_report',
      entityId: id,
      data: { token: token.name, type: data.type, trigger: data.trigger, suggestedPlanId: plan?.id ?? null },
      at: now,
    });
    await remember(tx);
    return { row: row!, isReplay: false };
  });

  async function remember(tx: typeof deps.db) {
    await tx.update(integrationTokens).set({ lastUsedAt: now }).where(eq(integrationTokens.id, token.id));
    if (caller.signature) {
      // Older signatures are past the replay window and refused by their timestamp anyway.
      await tx.delete(intakeSignatures).where(lt(intakeSignatures.createdAt, new Date(now.getTime() - 2 * REPLAY_WINDOW_MS)));
      await tx.insert(intakeSignatures).values({ tokenId: token.id, signature: caller.signature, createdAt: now });
    }
  }

  const report = toReportView(outcome.row, token.name);
  if (outcome.isReplay) return { report, isReplay: true, incidentId: outcome.row.incidentId };
  deps.emitter.reportUpdated(token.jurisdictionId, reportUpdatedMessage(report));
  if (!data.trigger) return { report, isReplay: false, incidentId: null };
  const confirmed = await confirmReportAs(deps, { kind: 'token', token }, { reportId: report.id });
  const [fresh] = await loadReportViews(deps.db, token.jurisdictionId, { reportId: report.id });
  return { report: fresh ?? report, isReplay: false, incidentId: confirmed.incident.id };
}
