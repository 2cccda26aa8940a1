import { loadAssignmentViews, loadRoleCards } from '../views';
import { areTurnsHeld } from '../../push/run-in-turn';
import { claimDuePushes } from './claim-due-pushes';
import { claimDueUpdatePushes } from './claim-due-update-pushes';
import { repushUpdates } from './repush-updates';
import type { ServerDeps } from '../../context';
import { pushCard } from './push-card';
import { log } from '../../kernel/log/logger';
import { markWorkerTick } from '../../kernel/health/worker-ticks';
import { assignmentUpdatedMessage } from '../../push/messages';

export type RedeliveryOptions = {
  /** Who has a phone connected now (the presence tracker). */
  onlineUserIds: () => string[];
  intervalMs?: number;
  /** Most cards pushed per tick, so a backlog after an outage cannot starve the event loop. */
  batchSize?: number;
};

export type RedeliveryWorker = { tick(): Promise<number>; stop(): Promise<void> };

/**
 * Re-pushes cards (and 情况通报) that no phone has confirmed, with backoff, for as long as their assignee is
 * connected. Each push carries the same card and message id, so a phone that did get an earlier
 * one drops the repeat. The board hears of each attempt (message id per attempt) to show the count.
 */
export function startRedeliveryWorker(deps: ServerDeps, options: RedeliveryOptions): RedeliveryWorker {
  const intervalMs = options.intervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 50;
  let isStopped = false;
  let running: Promise<number> | null = null;

  async function runTick(): Promise<number> {
    const cards = await repushCards();
    if (isStopped) return cards;
    // 情况通报 the phones have not confirmed, the same way.
    const updates = await claimDueUpdatePushes(deps.db, { now: deps.now(), onlineUserIds: options.onlineUserIds(), limit: batchSize });
    if (updates.length > 0 && !isStopped) await repushUpdates(deps, updates);
    return cards + updates.length;
  }

  async function repushCards(): Promise<number> {
    const claimed = await claimDuePushes(deps.db, { now: deps.now(), onlineUserIds: options.onlineUserIds(), limit: batchSize });
    if (claimed.length === 0 || isStopped) return claimed.length;
    const ids = claimed.map((claim) => claim.assignmentId);
    const [cards, views] = await Promise.all([
      loadRoleCards(deps.db, { assignmentIds: ids }),
      loadAssignmentViews(deps.db, { assignmentIds: ids }),
    ]);
    for (const claim of claimed) {
      const card = cards.find((candidate) => candidate.assignmentId === claim.assignmentId);
      const view = views.find((candidate) => candidate.id === claim.assignmentId);
      if (!card) continue;
      // Not awaited: the receipt may take seconds, and other people's cards must not wait for it.
      void pushCard(deps, card, { isStopped: () => isStopped });
      if (view) {
        deps.emitter.assignmentUpdated(
          claim.jurisdictionId,
          assignmentUpdatedMessage(view, { status: 'sent', pushAttempt: claim.attempt }),
        );
      }
    }
    return claimed.length;
  }

  /** One pass; overlapping calls share the pass in flight. Never rejects. */
  function tick(): Promise<number> {
    if (isStopped) return Promise.resolve(0);
    running ??= runTick()
      .then((pushed) => {
        markWorkerTick('redelivery');
        return pushed;
      })
      .catch((error: unknown) => {
        log().error({ err: error }, 'redelivery tick failed');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  // Not while a fan-out is pushing: its cards are booked for a retry FIRST_REPUSH_AFTER_MS after
  // the trigger, and a 10,000-person push outlasts that, so the worker re-pushed cards whose first
  // push had not even left yet (50–150 per round, bench/dispatch-fanout.ts), on the busiest loop.
  markWorkerTick('redelivery'); // started: counts as a tick until the first pass
  const timer = setInterval(() => {
    if (!areTurnsHeld()) void tick();
  }, intervalMs);
  timer.unref();

  return {
    tick,
    async stop() {
      isStopped = true;
      clearInterval(timer);
      // Let a pass that already started finish before the database closes under it.
      await running;
    },
  };
}
