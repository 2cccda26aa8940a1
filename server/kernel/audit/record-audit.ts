import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../db';
import { insertInChunks } from '../../../db/insert-in-chunks';
import { auditEvents, type AuditEvent } from '../../../db/schema';

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

function auditRow(input: AuditInput): AuditEvent {
  return {
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
}

/** Appends one audit row. Call it inside the same transaction as the change it describes. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<AuditEvent> {
  // Through the prepared insert: every verb writes one of these, many of them on hot paths.
  const [row] = await insertInChunks(db, auditEvents, [auditRow(input)]);
  return row!;
}

/** Appends many audit rows in a few multi-row statements (a dispatch writes one per assignee). */
export async function recordAudits(db: DbOrTx, inputs: AuditInput[]): Promise<AuditEvent[]> {
  const rows = inputs.map(auditRow);
  await insertInChunks(db, auditEvents, rows);
  return rows;
}
