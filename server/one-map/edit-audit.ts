import type { DbOrTx } from '../../db';
import { recordAudit } from '../kernel/audit/record-audit';
import type { VerbContext } from '../context';

/** The audit row every one-map edit writes, in the edit's own transaction. */
export function recordMapEdit(tx: DbOrTx, ctx: VerbContext, enterpriseId: string, action: string, data: Record<string, unknown> = {}) {
  return recordAudit(tx, {
    jurisdictionId: ctx.actor.jurisdictionId,
    actorId: ctx.actor.id,
    action: `map.${action}`,
    entityType: 'enterprise',
    entityId: enterpriseId,
    data,
    at: ctx.now(),
  });
}
