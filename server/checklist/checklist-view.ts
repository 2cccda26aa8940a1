import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { checklistDrafts, type Enterprise } from '../../db/schema';
import type { ChecklistData, ChecklistView } from '../contracts/checklist';
import { loadDraftContent } from '../one-map/load-draft-content';
import { prefillFromMap } from './prefill-from-map';

type DraftRow = typeof checklistDrafts.$inferSelect;

export async function loadChecklistRow(db: DbOrTx, enterpriseId: string): Promise<DraftRow | null> {
  const [row] = await db.select().from(checklistDrafts).where(eq(checklistDrafts.enterpriseId, enterpriseId));
  return row ?? null;
}

/**
 * The checklist as the wizard sees it: saved steps (validated when saved) over a pre-fill from
 * the map draft, so an enterprise with a map reviews and corrects rather than typing it all again.
 */
export async function loadChecklistView(db: DbOrTx, enterprise: Enterprise): Promise<ChecklistView> {
  const content = await loadDraftContent(db, enterprise);
  const row = await loadChecklistRow(db, enterprise.id);
  const prefill = prefillFromMap(content);
  const hasPlan = content.plan !== null;
  if (!row) return { enterpriseId: enterprise.id, step: 0, data: prefill, isSaved: false, hasPlan, updatedAt: null, completedAt: null };
  return {
    enterpriseId: row.enterpriseId,
    step: row.step,
    data: { ...prefill, ...(row.data as ChecklistData) },
    isSaved: true,
    hasPlan,
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
