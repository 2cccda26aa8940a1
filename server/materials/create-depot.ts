import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { enterprises, materialDepots } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import { requireRole } from '../kernel/auth/actor';
import type { VerbContext } from '../context';
import { createDepotInput } from '../contracts/materials';
import { conflict, invalid } from '../kernel/errors';
import { parseInput } from '../kernel/validation';
import { auditAdmin } from '../kernel/audit/audit-admin';

/** A depot of the jurisdiction, or an enterprise's own stock (enterpriseId of this jurisdiction). */
export async function createDepot({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { actor, db } = ctx;
  requireRole(actor, 'admin');
  const data = parseInput(createDepotInput, input);
  return withTransaction(db, async (tx) => {
    if (data.enterpriseId) {
      const [enterprise] = await tx
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(and(eq(enterprises.id, data.enterpriseId), eq(enterprises.jurisdictionId, actor.jurisdictionId)));
      if (!enterprise) throw invalid('unknownEnterprise', { field: 'enterpriseId' });
    }
    const [existing] = await tx
      .select({ id: materialDepots.id })
      .from(materialDepots)
      .where(and(eq(materialDepots.jurisdictionId, actor.jurisdictionId), eq(materialDepots.name, data.name)));
    if (existing) throw conflict('depotExists', { field: 'name' });
    const depot = {
      id: randomUUID(),
      jurisdictionId: actor.jurisdictionId,
      enterpriseId: data.enterpriseId ?? null,
      name: data.name,
      lat: data.location.lat,
      lng: data.location.lng,
      custodianName: data.custodianName,
      custodianPhone: data.custodianPhone,
      createdAt: ctx.now(),
    };
    await tx.insert(materialDepots).values(depot);
    await auditAdmin(tx, ctx, { action: 'material.depot_created', entityType: 'material_depot', entityId: depot.id, data: { name: depot.name } });
    return depot;
  });
}
