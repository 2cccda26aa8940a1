import type { DbOrTx } from '../../db';
import { recordAudit } from '../audit/record-audit';
import type { VerbContext } from '../context';

/** One audit row for an administration change, attributed to the caller in their jurisdiction. */
export function auditAdmin(
  tx: DbOrTx,
  ctx: VerbContext,
  entry: { action: string; entityType: string; entityId: string; data?: Record<string, unknown> },
) {
  return recordAudit(tx, { jurisdictionId: ctx.actor.jurisdictionId, actorId: ctx.actor.id, at: ctx.now(), ...entry });
}
