import { and, count, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import type { Db } from '../../../db';
import { assignments, incidents, notifications } from '../../../db/schema';
import { appMetrics } from './registry';
import { UNACKNOWLEDGED_STATUSES } from '../../contracts/assignment-lifecycle';

// Ages at which an unacknowledged card is counted separately: the alert rule in
// docs/operations.md fires on anything in the oldest two.
const AGE_BUCKETS = [
  { label: 'under_1m', olderThanMs: 0 },
  { label: '1m_to_5m', olderThanMs: 60_000 },
  { label: '5m_to_15m', olderThanMs: 5 * 60_000 },
  { label: 'over_15m', olderThanMs: 15 * 60_000 },
] as const;

/**
 * Gauges read from the database when Prometheus scrapes (every 15 s or so), never on a hot path:
 * a few COUNTs over indexed columns. `connectedPhones` is this node's own count.
 */
export function registerScrapeGauges(deps: { db: Db; connectedPeople: () => number; now?: () => Date }): void {
  const { registry } = appMetrics();
  const now = deps.now ?? (() => new Date());
  for (const name of [
    'ecodispatch_unacknowledged_assignments',
    'ecodispatch_notification_backlog',
    'ecodispatch_redelivery_backlog',
    'ecodispatch_connected_people',
  ]) {
    registry.removeSingleMetric(name); // a restarted server in the same process (tests) registers again
  }

  new Gauge({
    name: 'ecodispatch_unacknowledged_assignments',
    help: 'Open cards in active incidents still waiting for 收到, by time since they were sent',
    labelNames: ['age'],
    registers: [registry],
    async collect() {
      const at = now().getTime();
      const olderThan = await Promise.all(AGE_BUCKETS.map((bucket) => countUnacknowledged(deps.db, new Date(at - bucket.olderThanMs))));
      AGE_BUCKETS.forEach((bucket, i) => this.set({ age: bucket.label }, olderThan[i]! - (olderThan[i + 1] ?? 0)));
    },
  });
  new Gauge({
    name: 'ecodispatch_notification_backlog',
    help: 'SMS, voice, group-robot and Web Push messages waiting in the outbox',
    registers: [registry],
    async collect() {
      const [row] = await deps.db.select({ n: count() }).from(notifications).where(eq(notifications.status, 'pending'));
      this.set(row?.n ?? 0);
    },
  });
  new Gauge({
    name: 'ecodispatch_redelivery_backlog',
    help: 'Pushed cards no phone has confirmed yet, which the redelivery worker will push again',
    registers: [registry],
    async collect() {
      const [row] = await deps.db
        .select({ n: count() })
        .from(assignments)
        .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
        .where(
          and(
            eq(assignments.status, 'sent'),
            isNotNull(assignments.nextPushAt),
            isNull(assignments.closedAt),
            eq(incidents.status, 'active'),
          ),
        );
      this.set(row?.n ?? 0);
    },
  });
  new Gauge({
    name: 'ecodispatch_connected_people',
    help: 'People with at least one live socket on this node',
    registers: [registry],
    collect() {
      this.set(deps.connectedPeople());
    },
  });
}

async function countUnacknowledged(db: Db, sentBefore: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(assignments)
    .innerJoin(incidents, eq(incidents.id, assignments.incidentId))
    .where(
      and(
        inArray(assignments.status, UNACKNOWLEDGED_STATUSES),
        isNull(assignments.closedAt),
        eq(incidents.status, 'active'),
        lt(assignments.sentAt, sentBefore),
      ),
    );
  return row?.n ?? 0;
}
