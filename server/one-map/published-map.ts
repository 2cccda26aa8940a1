import { and, desc, eq, isNotNull, max, min } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { mapVersions, users } from '../../db/schema';
import type { MapContent, PublishedMap } from '../contracts/one-map';

export const STALE_AFTER_MS = 365 * 24 * 3_600_000;

/** The latest published version of one enterprise's map, or null; `isStale` when unreviewed for 12 months. */
export async function loadPublishedMap(db: DbOrTx, enterpriseId: string, now: Date): Promise<PublishedMap | null> {
  const [latest] = await db
    .select({ version: mapVersions, publishedBy: users.displayName })
    .from(mapVersions)
    .leftJoin(users, eq(users.id, mapVersions.publishedBy))
    .where(eq(mapVersions.enterpriseId, enterpriseId))
    .orderBy(desc(mapVersions.version))
    .limit(1);
  if (!latest) return null;
  const lastReviewedAt = await loadLastReview(db, enterpriseId);
  return {
    ...(latest.version.content as MapContent),
    version: latest.version.version,
    publishedAt: latest.version.publishedAt.toISOString(),
    publishedBy: latest.publishedBy,
    approvedAt: latest.version.approvedAt?.toISOString() ?? null,
    isStale: lastReviewedAt === null || now.getTime() - lastReviewedAt.getTime() > STALE_AFTER_MS,
  };
}

/** The last approval of any version; before any approval, the first publication starts the clock. */
async function loadLastReview(db: DbOrTx, enterpriseId: string): Promise<Date | null> {
  const [approved] = await db
    .select({ at: max(mapVersions.approvedAt) })
    .from(mapVersions)
    .where(and(eq(mapVersions.enterpriseId, enterpriseId), isNotNull(mapVersions.approvedAt)));
  if (approved?.at) return new Date(approved.at);
  const [first] = await db
    .select({ at: min(mapVersions.publishedAt) })
    .from(mapVersions)
    .where(eq(mapVersions.enterpriseId, enterpriseId));
  return first?.at ? new Date(first.at) : null;
}
