import { z } from 'zod';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { parseInput } from '../kernel/validation';
import { assertCanEditMap, listRespondersAt } from './access';
import { recordMapEdit } from './edit-audit';
import { freezeVersion } from './freeze-version';
import { mapPublishedMessage } from '../push/messages';

const publishInput = z.object({ enterpriseId: z.string().uuid() });

/** Freezes the draft as the next version, with who, when and what changed. */
export async function publishMap({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId } = parseInput(publishInput, input);
  const enterprise = await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);

  const published = await withTransaction(ctx.db, async (tx) => {
    const row = await freezeVersion(tx, enterprise, { userId: ctx.actor.id, at: ctx.now() });
    await recordMapEdit(tx, ctx, enterpriseId, 'published', { version: row.version, changes: row.changes });
    return row;
  });

  const responders = await listRespondersAt(ctx.db, enterpriseId);
  ctx.emitter.mapPublished(ctx.actor.jurisdictionId, responders, mapPublishedMessage(enterpriseId, published.version));
  return { version: published.version, changes: published.changes, publishedAt: published.publishedAt.toISOString() };
}
