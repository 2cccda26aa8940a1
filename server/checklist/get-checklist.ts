import { z } from 'zod';
import type { VerbContext } from '../context';
import type { ChecklistView } from '../contracts/checklist';
import { assertCanEditMap } from '../one-map/access';
import { parseInput } from '../kernel/validation';
import { loadChecklistView } from './checklist-view';

const input = z.object({ enterpriseId: z.string().uuid() });

/** The enterprise's checklist where it was left; steps not yet saved are pre-filled from its map draft. */
export async function getChecklist({ ctx, input: raw }: { ctx: VerbContext; input: unknown }): Promise<ChecklistView> {
  const { enterpriseId } = parseInput(input, raw);
  const enterprise = await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);
  return loadChecklistView(ctx.db, enterprise);
}
