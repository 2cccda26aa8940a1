import { z } from 'zod';
import type { VerbContext } from '../context';
import { parseInput } from '../kernel/validation';
import { assertCanReadFieldReports } from './access';
import { loadFieldReports } from './views';

const input = z.object({ incidentId: z.string().uuid() });

/** An incident's field reports, oldest first: for the board (command) and the incident's assignees. */
export async function listFieldReports({ ctx, input: raw }: { ctx: VerbContext; input: unknown }) {
  const { incidentId } = parseInput(input, raw);
  await assertCanReadFieldReports(ctx.db, ctx.actor, incidentId);
  return loadFieldReports(ctx.db, incidentId);
}
