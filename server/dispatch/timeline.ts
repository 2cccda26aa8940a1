import type { TimelineEntry } from '../contracts/dispatch';

/**
 * A report with photos takes seconds to upload, so its row is written a little after it was made:
 * that is not "made offline". Only a longer gap is marked as arriving late.
 */
const ARRIVED_LATE_AFTER_MS = 15_000;

type AuditRow = { id: string; action: string; createdAt: Date; data: Record<string, unknown> };

/**
 * The incident's timeline from its audit rows, in the order things happened. A tap queued on a
 * phone while offline reaches the server later; its row keeps when it was made (`occurredAt`), so
 * it is placed and shown at that time and marked with when it arrived.
 */
export function toTimeline(rows: { event: AuditRow; actorName: string | null }[]): TimelineEntry[] {
  const entries = rows.map(({ event, actorName }) => {
    const occurredAt = typeof event.data.occurredAt === 'string' ? Date.parse(event.data.occurredAt) : Number.NaN;
    const isEarlier = Number.isFinite(occurredAt) && occurredAt < event.createdAt.getTime();
    const isLate = isEarlier && event.createdAt.getTime() - occurredAt > ARRIVED_LATE_AFTER_MS;
    return {
      id: event.id,
      action: event.action,
      actorName,
      at: isEarlier ? new Date(occurredAt).toISOString() : event.createdAt.toISOString(),
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
