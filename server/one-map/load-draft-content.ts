import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { enterpriseContacts, enterpriseMaterials, georefPoints, riskPoints, sitePlans, type Enterprise } from '../../db/schema';
import type { MapContent } from '../contracts/one-map';
import { createTransform } from './georeference';
import { planImageUrl } from './plan-image-url';

/** The editable draft of one enterprise's map, in the same shape a published version freezes. */
export async function loadDraftContent(db: DbOrTx, enterprise: Enterprise): Promise<MapContent> {
  const enterpriseId = enterprise.id;
  const [plan] = await db.select().from(sitePlans).where(eq(sitePlans.enterpriseId, enterpriseId));
  const points = await db.select().from(riskPoints).where(eq(riskPoints.enterpriseId, enterpriseId)).orderBy(asc(riskPoints.code));
  const contacts = await db
    .select()
    .from(enterpriseContacts)
    .where(eq(enterpriseContacts.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseContacts.position));
  const materials = await db
    .select()
    .from(enterpriseMaterials)
    .where(eq(enterpriseMaterials.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseMaterials.position));
  const georef = await db
    .select()
    .from(georefPoints)
    .where(eq(georefPoints.enterpriseId, enterpriseId))
    .orderBy(asc(georefPoints.position));
  const toGeo = createTransform(georef);

  return {
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      address: enterprise.address,
      riskLevel: enterprise.riskLevel,
      lat: enterprise.lat,
      lng: enterprise.lng,
    },
    plan: plan
      ? { imageUrl: planImageUrl(enterpriseId, plan.fileName), fileName: plan.fileName, width: plan.width, height: plan.height }
      : null,
    riskPoints: points.map((point, index) => {
      const geo = toGeo?.(point.x, point.y) ?? null;
      return {
        id: point.id,
        number: index + 1,
        kind: point.kind,
        code: point.code,
        name: point.name,
        x: point.x,
        y: point.y,
        lat: geo?.lat ?? null,
        lng: geo?.lng ?? null,
        substances: point.substances,
        disposalSteps: point.disposalSteps,
        responsibleName: point.responsibleName,
        responsiblePhone: point.responsiblePhone,
      };
    }),
    contacts: contacts.map(({ name, role, phone }) => ({ name, role, phone })),
    materials: materials.map(({ kind, quantity, location }) => ({ kind, quantity, location })),
    georef: georef.map(({ x, y, lat, lng }) => ({ x, y, lat, lng })),
  };
}
