import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { assignments, enterprises, incidentEnterprises, incidentUpdates, incidents, plans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { DbOrTx } from '../../db';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';
import { postIncidentUpdateInput, type IncidentUpdateView } from '../contracts/dispatch';
import { conflict, invalid, notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { incidentUpdatePostedMessage } from '../push/messages';
import { announceIncidentUpdate } from './announce';
import { FIRST_REPUSH_AFTER_MS } from './delivery/backoff';
import { toUpdateView } from './incident-links';
import { loadCardIncident, loadIncidentSummary } from './views';

const incidentRef = z.object({ incidentId: z.string().uuid() });

/**
 * 情况通报: the duty officer tells every open card what is new, and may move the incident, change
 * its type and link or unlink enterprises in the same update. Saved with its audit row in one
 * transaction; then pushed to the assignees' phones, each of which confirms receipt (until then
 * the redelivery worker pushes it again, and a phone that reconnects is sent it in its sync).
 */
export async function postIncidentUpdate({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<IncidentUpdateView> {
  const { actor, db } = ctx;
  requireRole(actor, 'duty_officer', 'admin');
  const { incidentId } = parseInput(incidentRef, input);
  const data = parseInput(postIncidentUpdateInput, input);

  const outcome = await withTransaction(db, async (tx) => {
    const [incident] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, incidentId), eq(incidents.jurisdictionId, actor.jurisdictionId)));
    if (!incident) throw notFound('incidentNotFound');
    if (incident.status !== 'active') throw conflict('incidentAlreadyLifted');

    const incidentType = data.incidentType && data.incidentType !== incident.incidentType ? data.incidentType : null;
    if (incidentType) await requireKnownType(tx, actor.jurisdictionId, incidentType);
    const { linked, unlinked } = await checkLinks(tx, {
      incidentId,
      jurisdictionId: actor.jurisdictionId,
      link: data.link,
      unlink: data.unlink,
    });

    const now = ctx.now();
    // The seq is taken by the increment itself, so two officers posting at once get 1 and 2, not a clash.
    const [bumped] = await tx
      .update(incidents)
      .set({
        updateSeq: sql`${incidents.updateSeq} + 1`,
        ...(data.location ? { lat: data.location.lat, lng: data.location.lng } : {}),
        ...(incidentType ? { incidentType } : {}),
      })
      .where(and(eq(incidents.id, incidentId), eq(incidents.status, 'active')))
      .returning({ seq: incidents.updateSeq });
    if (!bumped) throw conflict('incidentAlreadyLifted');
    const seq = bumped.seq;

    if (linked.length) {
      await tx.insert(incidentEnterprises).values(linked.map((enterprise) => ({ incidentId, enterpriseId: enterprise.id, linkedAt: now })));
    }
    if (unlinked.length) {
      await tx.delete(incidentEnterprises).where(
        and(
          eq(incidentEnterprises.incidentId, incidentId),
          inArray(
            incidentEnterprises.enterpriseId,
            unlinked.map((enterprise) => enterprise.id),
          ),
        ),
      );
    }
    const [row] = await tx
      .insert(incidentUpdates)
      .values({
        id: randomUUID(),
        incidentId,
        seq,
        text: data.text,
        lat: data.location?.lat ?? null,
        lng: data.location?.lng ?? null,
        incidentType,
        linkedEnterpriseIds: linked.map((enterprise) => enterprise.id),
        unlinkedEnterpriseIds: unlinked.map((enterprise) => enterprise.id),
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    // Every open card now lags behind by this update: the first push follows the commit, and this
    // is when to push again if no receipt came (server/dispatch/delivery/claim-due-update-pushes.ts).
    const open = await tx
      .update(assignments)
      .set({ updatePushAttempts: 1, nextUpdatePushAt: new Date(now.getTime() + FIRST_REPUSH_AFTER_MS) })
      .where(and(eq(assignments.incidentId, incidentId), isNull(assignments.closedAt), lt(assignments.updatesSeenSeq, seq)))
      .returning({ userId: assignments.userId });
    const audit = await recordAudit(tx, {
      jurisdictionId: actor.jurisdictionId,
      actorId: actor.id,
      action: 'incident.updated',
      entityType: 'incident',
      entityId: incidentId,
      incidentId,
      data: {
        seq,
        text: data.text,
        ...(data.location ? { location: data.location } : {}),
        ...(incidentType ? { incidentType, previousIncidentType: incident.incidentType } : {}),
        linked: linked.map((enterprise) => enterprise.name),
        unlinked: unlinked.map((enterprise) => enterprise.name),
        recipients: open.length,
      },
      at: now,
    });
    const named = new Map([...linked, ...unlinked].map((enterprise) => [enterprise.id, enterprise]));
    return { view: toUpdateView(row!, actor.displayName, named), userIds: open.map((card) => card.userId), auditId: audit.id };
  });

  const cardIncident = await loadCardIncident(db, incidentId);
  if (cardIncident) ctx.emitter.incidentUpdatePosted(outcome.userIds, incidentUpdatePostedMessage(outcome.view, cardIncident));
  const summary = await loadIncidentSummary(db, actor.jurisdictionId, incidentId);
  if (summary) announceIncidentUpdate(ctx, summary, { auditId: outcome.auditId });
  return outcome.view;
}

/** A type one of the jurisdiction's plans answers: the board and the phones can name it. */
async function requireKnownType(tx: DbOrTx, jurisdictionId: string, incidentType: string) {
  const [known] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.jurisdictionId, jurisdictionId), eq(plans.incidentType, incidentType)))
    .limit(1);
  if (!known) throw invalid('unknownIncidentType', { field: 'incidentType' });
}

/** The enterprises to link (ours, not linked yet) and to unlink (linked now), or a clear error. */
async function checkLinks(
  tx: DbOrTx,
  { incidentId, jurisdictionId, link, unlink }: { incidentId: string; jurisdictionId: string; link: string[]; unlink: string[] },
) {
  const wanted = [...new Set([...link, ...unlink])];
  if (wanted.length === 0) return { linked: [], unlinked: [] };
  const found = await tx
    .select({ id: enterprises.id, name: enterprises.name, address: enterprises.address })
    .from(enterprises)
    .where(and(inArray(enterprises.id, wanted), eq(enterprises.jurisdictionId, jurisdictionId)));
  const byId = new Map(found.map((enterprise) => [enterprise.id, enterprise]));
  if (wanted.some((id) => !byId.has(id))) throw invalid('unknownEnterprise', { field: 'link' });
  const current = await tx
    .select({ enterpriseId: incidentEnterprises.enterpriseId })
    .from(incidentEnterprises)
    .where(eq(incidentEnterprises.incidentId, incidentId));
  const isLinked = new Set(current.map((row) => row.enterpriseId));
  if (link.some((id) => isLinked.has(id))) throw invalid('enterpriseAlreadyLinked', { field: 'link' });
  if (unlink.some((id) => !isLinked.has(id))) throw invalid('enterpriseNotLinked', { field: 'unlink' });
  return { linked: [...new Set(link)].map((id) => byId.get(id)!), unlinked: [...new Set(unlink)].map((id) => byId.get(id)!) };
}
