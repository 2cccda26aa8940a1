import { z } from 'zod';
import type { VerbContext } from '../context';
import type { PublishedMap } from '../contracts/one-map';
import { notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanReadMap } from './access';
import { loadPublishedMap } from './published-map';

const input = z.object({ enterpriseId: z.string().uuid() });

/** What responders carry: the current published one-map of an enterprise they may see. */
export async function getPublishedMap({ ctx, input: raw }: { ctx: VerbContext; input: unknown }): Promise<PublishedMap> {
  const { enterpriseId } = parseInput(input, raw);
  await assertCanReadMap(ctx.db, ctx.actor, enterpriseId);
  const map = await loadPublishedMap(ctx.db, enterpriseId, ctx.now());
  if (!map) throw notFound('mapNotPublished');
  return map;
}
