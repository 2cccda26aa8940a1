import { randomUUID } from 'node:crypto';
import { sensitiveReceptors } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { receptorFields, type ReceptorView } from '../contracts/receptors';
import { auditAdmin } from '../kernel/audit/audit-admin';
import { requireRole } from '../kernel/auth/actor';
import { parseAdminInput } from '../kernel/parse-admin-input';
import { toReceptorView } from './find-receptor';

/** Adds a 环境敏感目标 to the admin's jurisdiction. */
export async function createReceptor({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<ReceptorView> {
  requireRole(ctx.actor, 'admin');
  const { location, ...data } = parseAdminInput(receptorFields, input);
  return withTransaction(ctx.db, async (tx) => {
    const row = { id: randomUUID(), jurisdictionId: ctx.actor.jurisdictionId, ...data, ...location, createdAt: ctx.now() };
    await tx.insert(sensitiveReceptors).values(row);
    await auditAdmin(tx, ctx, {
      action: 'receptor.created',
      entityType: 'sensitive_receptor',
      entityId: row.id,
      data: { ...data, location },
    });
    return toReceptorView(row);
  });
}
