import { eq } from 'drizzle-orm';
import { enterprises, mapVersions } from '../../db/schema';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { STALE_AFTER_MS } from './published-map';

export type MapStatus = {
  latestVersion: number;
  publishedAt: string;
  isLatestApproved: boolean;
  pendingApprovals: number;
  isStale: boolean;
};

/**
 * The bureau's overview: per enterprise of the jurisdiction, its latest published version and
 * review state, without loading any map content. Same staleness rule as loadPublishedMap.
 */
export async function listMapStatuses({ ctx }: { ctx: VerbContext }): Promise<Record<string, MapStatus>> {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const rows = await ctx.db
    .select({
      enterpriseId: mapVersions.enterpriseId,
      version: mapVersions.version,
      publishedAt: mapVersions.publishedAt,
      approvedAt: mapVersions.approvedAt,
    })
    .from(mapVersions)
    .innerJoin(enterprises, eq(enterprises.id, mapVersions.enterpriseId))
    .where(eq(enterprises.jurisdictionId, ctx.actor.jurisdictionId));

  const byEnterprise = new Map<string, typeof rows>();
  for (const row of rows) byEnterprise.set(row.enterpriseId, [...(byEnterprise.get(row.enterpriseId) ?? []), row]);

  const now = ctx.now().getTime();
  const statuses: Record<string, MapStatus> = {};
  for (const [enterpriseId, versions] of byEnterprise) {
    const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    const approvals = versions.flatMap((v) => (v.approvedAt ? [v.approvedAt.getTime()] : []));
    const lastReview = approvals.length > 0 ? Math.max(...approvals) : Math.min(...versions.map((v) => v.publishedAt.getTime()));
    statuses[enterpriseId] = {
      latestVersion: latest.version,
      publishedAt: latest.publishedAt.toISOString(),
      isLatestApproved: latest.approvedAt !== null,
      pendingApprovals: versions.filter((v) => v.approvedAt === null).length,
      isStale: now - lastReview > STALE_AFTER_MS,
    };
  }
  return statuses;
}
