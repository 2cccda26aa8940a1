import type { DbOrTx } from '../../../db';
import { recordAudit } from './record-audit';
import type { Actor } from '../auth/actor';

/** One audit row for an administration change, attributed to the caller in their jurisdiction. */
export function auditAdmin(
  tx: DbOrTx,
  ctx: { actor: Actor; now: () => Date },
  entry: { action: string; entityType: string; entityId: string; data?: Record<string, unknown> },
) {
  return recordAudit(tx, { jurisdictionId: ctx.actor.jurisdictionId, actorId: ctx.actor.id, at: ctx.now(), ...entry });
}
