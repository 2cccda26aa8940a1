import type { TimelineEntry } from '../contracts/dispatch';

type AuditRow = { id: string; action: string; createdAt: Date; data: Record<string, unknown> };

/**
 * The incident's timeline from its audit rows, in the order things happened. A tap queued on a
 * phone while offline reaches the server later; its row keeps when it was made (`occurredAt`), so
 * it is placed and shown at that time and marked with when it arrived.
 */
export function toTimeline(rows: { event: AuditRow; actorName: string | null }[]): TimelineEntry[] {
  const entries = rows.map(({ event, actorName }) => {
    const occurredAt = typeof event.data.occurredAt === 'string' ? Date.parse(event.data.occurredAt) : Number.NaN;
    const isLate = Number.isFinite(occurredAt) && occurredAt < event.createdAt.getTime();
    return {
      id: event.id,
      action: event.action,
      actorName,
      at: isLate ? new Date(occurredAt).toISOString() : event.createdAt.toISOString(),
      ...(isLate ? { arrivedAt: event.createdAt.toISOString() } : {}),
      data: event.data,
    };
  });
  // Stable: rows of the same moment keep the order they were written in.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}
