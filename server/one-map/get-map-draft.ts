import { z } from 'zod';
import type { VerbContext } from '../context';
import { parseInput } from '../kernel/validation';
import { assertCanEditMap } from './access';
import { loadDraftContent } from './load-draft-content';
import { loadPublishedMap } from './published-map';

const input = z.object({ enterpriseId: z.string().uuid() });

/** The enterprise's working copy for its editor, with the published version beside it. */
export async function getMapDraft({ ctx, input: raw }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId } = parseInput(input, raw);
  const enterprise = await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);
  const draft = await loadDraftContent(ctx.db, enterprise);
  const published = await loadPublishedMap(ctx.db, enterpriseId, ctx.now());
  return {
    draft,
    published: published
      ? { version: published.version, publishedAt: published.publishedAt, approvedAt: published.approvedAt, isStale: published.isStale }
      : null,
  };
}
