import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { enterprises, incidentEnterprises, incidentUpdates, users } from '../../db/schema';
import type { IncidentUpdateView, LinkedEnterprise } from '../contracts/dispatch';
import { isoRequired } from './iso';

// What an incident has learned since the press: its linked enterprises and its 情况通报, read for
// many incidents at once (the cards of a phone, a redelivery pass), one statement each.

const groupBy = <T>(rows: T[], keyOf: (row: T) => string) => {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return grouped;
};

/** The enterprises linked to each incident, first linked first. */
export async function loadLinkedEnterprises(db: DbOrTx, incidentIds: string[]): Promise<Map<string, LinkedEnterprise[]>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db
    .select({ incidentId: incidentEnterprises.incidentId, id: enterprises.id, name: enterprises.name, address: enterprises.address })
    .from(incidentEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, incidentEnterprises.enterpriseId))
    .where(inArray(incidentEnterprises.incidentId, [...new Set(incidentIds)]))
    .orderBy(asc(incidentEnterprises.linkedAt), asc(enterprises.name));
  const grouped = groupBy(rows, (row) => row.incidentId);
  return new Map([...grouped].map(([incidentId, list]) => [incidentId, list.map(({ id, name, address }) => ({ id, name, address }))]));
}

/** Each incident's 情况通报 after `afterSeq` (all of them by default), oldest first. */
export async function loadIncidentUpdates(
  db: DbOrTx,
  incidentIds: string[],
  { afterSeq = 0 }: { afterSeq?: number } = {},
): Promise<Map<string, IncidentUpdateView[]>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db
    .select({ update: incidentUpdates, authorName: users.displayName })
    .from(incidentUpdates)
    .innerJoin(users, eq(users.id, incidentUpdates.createdBy))
    .where(and(inArray(incidentUpdates.incidentId, [...new Set(incidentIds)]), gt(incidentUpdates.seq, afterSeq)))
    .orderBy(asc(incidentUpdates.incidentId), asc(incidentUpdates.seq));
  if (rows.length === 0) return new Map();
  const mentioned = [...new Set(rows.flatMap(({ update }) => [...update.linkedEnterpriseIds, ...update.unlinkedEnterpriseIds]))];
  const named = mentioned.length
    ? await db
        .select({ id: enterprises.id, name: enterprises.name, address: enterprises.address })
        .from(enterprises)
        .where(inArray(enterprises.id, mentioned))
    : [];
  const byId = new Map(named.map((enterprise) => [enterprise.id, enterprise]));
  const views = rows.map(({ update, authorName }) => toUpdateView(update, authorName, byId));
  return groupBy(views, (view) => view.incidentId);
}

export function toUpdateView(
  update: typeof incidentUpdates.$inferSelect,
  authorName: string,
  enterprisesById: Map<string, LinkedEnterprise>,
): IncidentUpdateView {
  const named = (ids: string[]) => ids.flatMap((id) => (enterprisesById.has(id) ? [enterprisesById.get(id)!] : []));
  return {
    id: update.id,
    incidentId: update.incidentId,
    seq: update.seq,
    text: update.text,
    at: isoRequired(update.createdAt),
    authorName,
    location: update.lat !== null && update.lng !== null ? { lat: update.lat, lng: update.lng } : null,
    incidentType: update.incidentType,
    linked: named(update.linkedEnterpriseIds),
    unlinked: named(update.unlinkedEnterpriseIds),
  };
}
