import { z } from 'zod';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { parseInput } from '../kernel/validation';
import { loadIncidentSummaries } from './views';

const listIncidentsInput = z.object({ status: z.enum(['active', 'lifted']).optional() });

/** Active and past incidents of the caller's jurisdiction, newest first. */
export async function listIncidents({ ctx, input = {} }: { ctx: VerbContext; input?: unknown }) {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const { status } = parseInput(listIncidentsInput, input);
  return loadIncidentSummaries(ctx.db, { jurisdictionId: ctx.actor.jurisdictionId, status });
}
