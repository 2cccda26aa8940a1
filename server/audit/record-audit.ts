import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db';
import { auditEvents, type AuditEvent } from '../../db/schema';

export type AuditInput = {
  jurisdictionId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  incidentId?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
};

/** Appends one audit row. Call it inside the same transaction as the change it describes. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<AuditEvent> {
  const row = {
    id: randomUUID(),
    jurisdictionId: input.jurisdictionId,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    incidentId: input.incidentId ?? null,
    data: input.data ?? {},
    createdAt: input.at ?? new Date(),
  };
  await db.insert(auditEvents).values(row);
  return row;
}
