import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { checklistDrafts, enterpriseContacts, enterpriseMaterials, riskPoints, sitePlans } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import {
  CHECKLIST_STEP_SCHEMAS,
  CHECKLIST_STEPS,
  findCrossStepDuplicate,
  type ChecklistCompletion,
  type ChecklistData,
} from '../contracts/checklist';
import type { Substance } from '../../db/schema';
import { invalid } from '../kernel/errors';
import { assertCanEditMap } from '../one-map/access';
import { recordMapEdit } from '../one-map/edit-audit';
import { parseInput } from '../kernel/validation';
import { loadChecklistRow } from './checklist-view';
import { placeNewPoints } from './place-new-points';

const input = z.object({ enterpriseId: z.string().uuid() });

type ChecklistPoint = Pick<
  typeof riskPoints.$inferInsert,
  'kind' | 'code' | 'name' | 'disposalSteps' | 'responsibleName' | 'responsiblePhone'
> & {
  substances?: Substance[];
};

/** Every step present and still valid, in order; else which step to go back to. */
function requireComplete(data: ChecklistData): Required<ChecklistData> {
  CHECKLIST_STEPS.forEach((name, index) => {
    if (!CHECKLIST_STEP_SCHEMAS[name].safeParse(data[name]).success) throw invalid('checklistIncomplete', { step: index + 1 });
  });
  const duplicate = findCrossStepDuplicate(data, 'outfalls');
  if (duplicate) throw invalid('checklistDuplicateCode', { field: duplicate });
  return data as Required<ChecklistData>;
}

/**
 * Turns the finished checklist into the map draft: risk points merged by code (new ones placed
 * in a free margin, existing ones keep their position), contacts and materials replaced.
 * The enterprise then checks positions and publishes in the map editor.
 */
export async function completeChecklist({ ctx, input: raw }: { ctx: VerbContext; input: unknown }): Promise<ChecklistCompletion> {
  const { enterpriseId } = parseInput(input, raw);
  await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);

  return withTransaction(ctx.db, async (tx) => {
    const row = await loadChecklistRow(tx, enterpriseId);
    const data = requireComplete((row?.data ?? {}) as ChecklistData);
    const now = ctx.now();
    const items: ChecklistPoint[] = [...data.storage.storages, ...data.outfalls.points];

    const existing = await tx.select().from(riskPoints).where(eq(riskPoints.enterpriseId, enterpriseId));
    const byCode = new Map(existing.map((point) => [point.code, point]));
    const [plan] = await tx.select().from(sitePlans).where(eq(sitePlans.enterpriseId, enterpriseId));
    const newItems = items.filter((item) => !byCode.has(item.code));
    const positions = placeNewPoints(plan ?? null, existing, newItems.length);

    for (const item of items) {
      const { substances, ...fields } = item;
      const current = byCode.get(item.code);
      if (current) {
        // Outfalls, valves and pools carry no substances in the checklist: keep what the map has.
        const set = { ...fields, ...(substances ? { substances } : {}), updatedAt: now };
        await tx
          .update(riskPoints)
          .set(set)
          .where(and(eq(riskPoints.id, current.id), eq(riskPoints.enterpriseId, enterpriseId)));
        continue;
      }
      const position = positions[newItems.indexOf(item)]!;
      await tx
        .insert(riskPoints)
        .values({ id: randomUUID(), enterpriseId, ...fields, substances: substances ?? [], ...position, updatedAt: now });
    }

    await tx.delete(enterpriseContacts).where(eq(enterpriseContacts.enterpriseId, enterpriseId));
    for (const [position, contact] of data.contacts.contacts.entries()) {
      await tx.insert(enterpriseContacts).values({ id: randomUUID(), enterpriseId, position, ...contact });
    }
    await tx.delete(enterpriseMaterials).where(eq(enterpriseMaterials.enterpriseId, enterpriseId));
    for (const [position, material] of data.materials.materials.entries()) {
      await tx.insert(enterpriseMaterials).values({ id: randomUUID(), enterpriseId, position, ...material });
    }

    await tx
      .update(checklistDrafts)
      .set({ completedAt: now, updatedBy: ctx.actor.id })
      .where(eq(checklistDrafts.enterpriseId, enterpriseId));
    const added = newItems.map((item) => item.code);
    const updated = items.filter((item) => byCode.has(item.code)).map((item) => item.code);
    const result = { added, updated, contacts: data.contacts.contacts.length, materials: data.materials.materials.length };
    await recordMapEdit(tx, ctx, enterpriseId, 'checklist_completed', result);
    return { ...result, completedAt: now.toISOString() };
  });
}
