import { z } from 'zod';
import { LOCALES } from '../../i18n/config';
import type { VerbContext } from '../context';
import { notFound } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { assertCanReadMap } from './access';
import { readPlanImage } from './plan-image-store';
import { loadPublishedMap } from './published-map';
import { renderPoster } from './render-poster';

const input = z.object({ enterpriseId: z.string().uuid(), baseUrl: z.string().url(), locale: z.enum(LOCALES) });

/** The wall poster of the current published one-map, for anyone who may read that map. */
export async function exportPoster({ ctx, input: raw }: { ctx: VerbContext; input: unknown }): Promise<{ pdf: Buffer; version: number }> {
  const { enterpriseId, baseUrl, locale } = parseInput(input, raw);
  await assertCanReadMap(ctx.db, ctx.actor, enterpriseId);
  const map = await loadPublishedMap(ctx.db, enterpriseId, ctx.now());
  if (!map) throw notFound('mapNotPublished');
  const planImage = map.plan ? await readPlanImage(map.plan.fileName) : null;
  const liveMapUrl = `${baseUrl.replace(/\/+$/, '')}/enterprises/${enterpriseId}/map`;
  const pdf = await renderPoster({ map, planImage, liveMapUrl, locale, now: ctx.now() });
  return { pdf, version: map.version };
}
