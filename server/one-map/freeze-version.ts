import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { mapVersions, type Enterprise } from '../../db/schema';
import type { MapContent } from '../contracts/one-map';
import { conflict, invalid } from '../kernel/errors';
import { diffContent } from './diff-content';
import { loadDraftContent } from './load-draft-content';

/** Inside a transaction: snapshots the draft as the next version, with the list of what changed. */
export async function freezeVersion(tx: DbOrTx, enterprise: Enterprise, by: { userId: string | null; at: Date }) {
  const content = await loadDraftContent(tx, enterprise);
  if (!content.plan) throw invalid('planRequired');
  const [previous] = await tx
    .select()
    .from(mapVersions)
    .where(eq(mapVersions.enterpriseId, enterprise.id))
    .orderBy(desc(mapVersions.version))
    .limit(1);
  const changes = diffContent((previous?.content as MapContent | undefined) ?? null, content);
  if (changes.length === 0) throw conflict('nothingToPublish');
  const row = {
    id: randomUUID(),
    enterpriseId: enterprise.id,
    version: (previous?.version ?? 0) + 1,
    content,
    changes,
    publishedBy: by.userId,
    publishedAt: by.at,
  };
  await tx.insert(mapVersions).values(row);
  return row;
}
