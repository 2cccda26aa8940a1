import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { enterprises, incidentEnterprises, incidents } from '../../db/schema';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { declaredSubstances, distanceMetres, matchSubstances, type SubstanceMatch } from './match-substances';
import { loadPublishedMap } from './published-map';

const input = z.object({ incidentId: z.string().uuid(), limit: z.number().int().min(1).max(20).default(5) });

export type SuspectedSource = {
  enterpriseId: string;
  name: string;
  riskLevel: string;
  distanceMetres: number;
  matches: SubstanceMatch[];
};

/**
 * For the board: the nearest enterprises whose published one-map holds substances in a risk-substance
 * category the incident type concerns (油类物质 for an oil slick, every liquid category for a chemical
 * spill, any declared risk substance for a type we have no mapping for), nearest first, each
 * substance with its category. A lead for the officers, not a verdict. The enterprises the
 * incident is linked to always come first, with what it declares, whatever the type's keywords say:
 * it is the site itself.
 */
export async function findSuspectedSources({ ctx, input: raw }: { ctx: VerbContext; input: unknown }): Promise<SuspectedSource[]> {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const { incidentId, limit } = parseInput(input, raw);
  const [incident] = await ctx.db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), eq(incidents.jurisdictionId, ctx.actor.jurisdictionId)));
  if (!incident) throw notFound('incidentNotFound');

  // Every enterprise linked to the incident, at the trigger or by a later 情况通报.
  const links = await ctx.db
    .select({ enterpriseId: incidentEnterprises.enterpriseId })
    .from(incidentEnterprises)
    .where(eq(incidentEnterprises.incidentId, incidentId));
  const linkedIds = new Set(links.map((link) => link.enterpriseId));
  const candidates = await ctx.db.select().from(enterprises).where(eq(enterprises.jurisdictionId, ctx.actor.jurisdictionId));
  const sources: SuspectedSource[] = [];
  for (const enterprise of candidates) {
    const map = await loadPublishedMap(ctx.db, enterprise.id, ctx.now());
    const isLinked = linkedIds.has(enterprise.id);
    const fitting = map ? matchSubstances(incident.incidentType, map.riskPoints) : [];
    const matches = isLinked && fitting.length === 0 && map ? declaredSubstances(map.riskPoints) : fitting;
    if (matches.length === 0 && !isLinked) continue;
    sources.push({
      enterpriseId: enterprise.id,
      name: enterprise.name,
      riskLevel: enterprise.riskLevel,
      distanceMetres: Math.round(distanceMetres(incident, enterprise)),
      matches,
    });
  }
  const isLinked = (source: SuspectedSource) => linkedIds.has(source.enterpriseId);
  return sources.sort((a, b) => Number(isLinked(b)) - Number(isLinked(a)) || a.distanceMetres - b.distanceMetres).slice(0, limit);
}
