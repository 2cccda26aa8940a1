import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { mapVersions } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import type { MapContent } from '../contracts/one-map';
import { conflict, invalid } from '../errors';
import { parseInput } from '../validation';
import { assertCanEditMap, listRespondersAt } from './access';
import { diffContent } from './diff-content';
import { recordMapEdit } from './edit-audit';
import { loadDraftContent } from './load-draft-content';

const publishInput = z.object({ enterpriseId: z.string().uuid() });

/** Freezes the draft as the next version, with who, when and what changed. */
export async function publishMap({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId } = parseInput(publishInput, input);
  const enterprise = await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);

  const published = await withTransaction(ctx.db, async (tx) => {
    const content = await loadDraftContent(tx, enterprise);
    if (!content.plan) throw invalid('planRequired');
    const [previous] = await tx
      .select()
      .from(mapVersions)
      .where(eq(mapVersions.enterpriseId, enterpriseId))
      .orderBy(desc(mapVersions.version))
      .limit(1);
    const changes = diffContent((previous?.content as MapContent | undefined) ?? null, content);
    if (changes.length === 0) throw conflict('nothingToPublish');

    const now = ctx.now();
    const row = {
      id: randomUUID(),
      enterpriseId,
      version: (previous?.version ?? 0) + 1,
      content,
      changes,
      publishedBy: ctx.actor.id,
      publishedAt: now,
    };
    await tx.insert(mapVersions).values(row);
    await recordMapEdit(tx, ctx, enterpriseId, 'published', { version: row.version, changes });
    return row;
  });

  const responders = await listRespondersAt(ctx.db, enterpriseId);
  ctx.emitter.mapPublished(ctx.actor.jurisdictionId, responders, {
    messageId: `map:${enterpriseId}:${published.version}`,
    enterpriseId,
    version: published.version,
  });
  return { version: published.version, changes: published.changes, publishedAt: published.publishedAt.toISOString() };
}
