import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { assignments, enterprises, incidentEnterprises, incidents, type RiskLevel } from '../../db/schema';
import { isCommand } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import type { EnterpriseSummary } from '../contracts/views';

/**
 * The enterprises the caller may see, by name:
 *   command     — every one in the jurisdiction
 *   enterprise  — its own only
 *   field staff — those named by incidents in which they hold an open assignment
 */
export async function listEnterprises({ ctx }: { ctx: VerbContext }): Promise<EnterpriseSummary[]> {
  const { actor, db } = ctx;
  const scope = await visibleScope(ctx);
  if (scope === 'none') return [];

  const conditions: SQL[] = [eq(enterprises.jurisdictionId, actor.jurisdictionId)];
  if (scope !== 'all') conditions.push(inArray(enterprises.id, scope));
  const rows = await db
    .select()
    .from(enterprises)
    .where(and(...conditions))
    .orderBy(asc(enterprises.name));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    riskLevel: row.riskLevel,
    location: { lat: row.lat, lng: row.lng },
    address: row.address,
    industry: row.industry,
  }));
}

async function visibleScope({ actor, db }: VerbContext): Promise<'all' | 'none' | string[]> {
  if (isCommand(actor)) return 'all';
  if (actor.role === 'enterprise') return actor.enterpriseId ? [actor.enterpriseId] : 'none';
  if (actor.role !== 'field_staff') return 'none';
  const linked = await db
    .selectDistinct({ enterpriseId: incidentEnterprises.enterpriseId })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .innerJoin(incidentEnterprises, eq(incidentEnterprises.incidentId, assignments.incidentId))
    .where(and(eq(assignments.userId, actor.id), isNull(assignments.closedAt), eq(incidents.jurisdictionId, actor.jurisdictionId)));
  const ids = linked.flatMap((row) => (row.enterpriseId ? [row.enterpriseId] : []));
  return ids.length > 0 ? ids : 'none';
}
