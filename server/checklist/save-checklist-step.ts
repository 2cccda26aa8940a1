import { z } from 'zod';
import { withTransaction } from '../../db/transaction';
import { checklistDrafts } from '../../db/schema';
import type { VerbContext } from '../context';
import {
  CHECKLIST_STEPS,
  findCrossStepDuplicate,
  REVIEW_STEP,
  saveChecklistStepInput,
  type ChecklistData,
  type ChecklistView,
} from '../contracts/checklist';
import { invalid } from '../kernel/errors';
import { assertCanEditMap } from '../one-map/access';
import { recordMapEdit } from '../one-map/edit-audit';
import { parseInput } from '../kernel/validation';
import { loadChecklistRow, loadChecklistView } from './checklist-view';
import { parseStep } from './parse-step';

const input = saveChecklistStepInput.extend({ enterpriseId: z.string().uuid() });

/** Saves one valid step so the checklist can be left half-done and resumed; an invalid step stores nothing. */
export async function saveChecklistStep({ ctx, input: raw }: { ctx: VerbContext; input: unknown }): Promise<ChecklistView> {
  const { enterpriseId, step, data } = parseInput(input, raw);
  const enterprise = await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);
  const name = CHECKLIST_STEPS[step]!;
  const parsed = parseStep(name, data);

  return withTransaction(ctx.db, async (tx) => {
    const existing = await loadChecklistRow(tx, enterpriseId);
    const merged: ChecklistData = { ...((existing?.data ?? {}) as ChecklistData), [name]: parsed };
    const duplicate = findCrossStepDuplicate(merged, name);
    if (duplicate) throw invalid('checklistDuplicateCode', { field: duplicate });

    // Resume where the enterprise got furthest, even after going back to correct an earlier step.
    const resumeAt = Math.min(REVIEW_STEP, Math.max(existing?.step ?? 0, step + 1));
    const values = { step: resumeAt, data: merged, updatedBy: ctx.actor.id, updatedAt: ctx.now() };
    await tx
      .insert(checklistDrafts)
      .values({ enterpriseId, ...values })
      .onConflictDoUpdate({ target: checklistDrafts.enterpriseId, set: values });
    await recordMapEdit(tx, ctx, enterpriseId, 'checklist_step_saved', { step: name });
    return loadChecklistView(tx, enterprise);
  });
}
