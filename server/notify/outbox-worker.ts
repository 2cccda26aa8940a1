import type { Notification } from '../../db/schema';
import { setChannelEnv, type ChannelEnv } from './channel-config';
import { claimDueNotifications } from './claim-due-notifications';
import { createNotifiers } from './create-notifiers';
import { deliverNotification, type DeliveryResult, type OutboxDeps } from './deliver-notification';
import type { ServerDeps } from '../context';
import { log } from '../kernel/log/logger';
import { markWorkerTick } from '../kernel/health/worker-ticks';

export const OUTBOX_INTERVAL_MS = 1_000;

export type OutboxOptions = ServerDeps & {
  env: ChannelEnv;
  baseUrl: string;
  batchSize?: number;
};

/** The outbox without a timer: claim due rows, deliver them. Tests drive it step by step. */
export function createOutbox({ db, emitter, now, env, baseUrl, batchSize = 20 }: OutboxOptions) {
  const deps: OutboxDeps = { db, emitter, notifiers: createNotifiers(env, db), baseUrl, now };
  const claimDue = () => claimDueNotifications(db, now(), batchSize);
  const deliver = (row: Notification) => deliverNotification(deps, row);
  /** One pass: claims due rows and sends them side by side, so one slow gateway does not hold up the rest. */
  const tick = async (): Promise<DeliveryResult[]> => Promise.all((await claimDue()).map(deliver));
  return { claimDue, deliver, tick };
}

/**
 * Runs the outbox every second until stopped. Also makes `env` the channel settings that enqueueing
 * verbs read. A failing pass is logged and the next one runs anyway: the timer never throws.
 */
export function startOutboxWorker(options: OutboxOptions & { intervalMs?: number }) {
  setChannelEnv(options.env);
  const outbox = createOutbox(options);
  const intervalMs = options.intervalMs ?? OUTBOX_INTERVAL_MS;
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (isStopped) return;
    timer = setTimeout(() => {
      running = outbox
        .tick()
        .then(() => markWorkerTick('outbox'))
        .catch((error: unknown) => log().error({ err: error }, 'notification outbox pass failed'))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  markWorkerTick('outbox'); // started: counts as a tick until the first pass
  schedule();

  return {
    outbox,
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await running;
      setChannelEnv(undefined);
    },
  };
}
