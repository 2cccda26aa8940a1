import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { freezeVersion } from '../one-map/freeze-version';
import { storePlanImage } from '../one-map/plan-image-store';
import type { DbOrTx } from '../../db/index';
import { enterpriseContacts, enterpriseMaterials, enterprises, georefPoints, mapVersions, riskPoints, sitePlans } from '../../db/schema';
import { DEMO_SITES, PLAN_SIZE } from './seed-one-map-data';
import { renderSitePlan } from './seed-site-plan';

const DAY = 24 * 3_600_000;

/**
 * Gives each demo enterprise a drawn site plan, its risk points, contacts and materials,
 * two control points (plan corners ≈ ±130 m around the site), and a published version 1;
 * review dates vary so the demo shows approved, unapproved and stale maps.
 */
export async function seedOneMaps(tx: DbOrTx, enterpriseIds: Map<string, string>, publisherIds: Map<string, string | null>) {
  const now = Date.now();
  for (const [key, site] of Object.entries(DEMO_SITES)) {
    const enterpriseId = enterpriseIds.get(key);
    if (!enterpriseId) continue;
    const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    const png = await renderSitePlan(site, enterprise!.name);
    const fileName = await storePlanImage(png);
    const publishedAt = new Date(now - site.review.publishedDaysAgo * DAY);

    await tx.insert(sitePlans).values({ enterpriseId, fileName, ...PLAN_SIZE, bytes: png.byteLength, uploadedAt: publishedAt });
    for (const point of site.points) {
      await tx.insert(riskPoints).values({
        id: randomUUID(),
        enterpriseId,
        kind: point.kind,
        code: point.code,
        name: point.name,
        x: point.x,
        y: point.y,
        substances: point.substances ?? [],
        disposalSteps: point.steps,
        responsibleName: point.responsible[0],
        responsiblePhone: point.responsible[1],
        updatedAt: publishedAt,
      });
    }
    for (const [position, contact] of site.contacts.entries()) {
      await tx.insert(enterpriseContacts).values({ id: randomUUID(), enterpriseId, position, ...contact });
    }
    for (const [position, material] of site.materials.entries()) {
      await tx.insert(enterpriseMaterials).values({ id: randomUUID(), enterpriseId, position, ...material });
    }
    const { lat, lng } = enterprise!;
    await tx.insert(georefPoints).values([
      { enterpriseId, position: 0, x: 0, y: 0, lat: lat + 0.0012, lng: lng - 0.0017 },
      { enterpriseId, position: 1, x: PLAN_SIZE.width, y: PLAN_SIZE.height, lat: lat - 0.0012, lng: lng + 0.0017 },
    ]);

    const version = await freezeVersion(tx, enterprise!, { userId: publisherIds.get(key) ?? null, at: publishedAt });
    if (site.review.approvedDaysAgo !== null) {
      await tx
        .update(mapVersions)
        .set({ approvedAt: new Date(now - site.review.approvedDaysAgo * DAY), approvedBy: publisherIds.get('reviewer') ?? null })
        .where(eq(mapVersions.id, version.id));
    }
  }
}
