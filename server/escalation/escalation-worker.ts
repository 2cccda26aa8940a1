import type { Db } from '../../db';
import { socketEmitter } from '../realtime/emitter';
import type { EscalationDeps } from './escalation-deps';
import { runEscalationTick } from './run-escalation-tick';

export const ESCALATION_INTERVAL_MS = 1_000;

export type EscalationWorker = { tick: () => Promise<void>; stop: () => Promise<void> };

/**
 * Checks for due escalation steps every second. Ticks never overlap and never throw out of the
 * timer; `stop` waits for a tick in progress. Each node may run one: claims keep steps single.
 */
export function startEscalationWorker(
  deps: { db: Db } & Partial<EscalationDeps>,
  options: { intervalMs?: number; batchSize?: number } = {},
): EscalationWorker {
  const full: EscalationDeps = { emitter: socketEmitter, now: () => new Date(), ...deps };
  let running: Promise<void> | null = null;
  let isStopped = false;

  const tick = () => {
    if (isStopped) return Promise.resolve();
    running ??= runEscalationTick(full, options.batchSize)
      .then(() => undefined)
      .catch((error: unknown) => console.error('[escalation] tick failed', error))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void tick(), options.intervalMs ?? ESCALATION_INTERVAL_MS);
  timer.unref();

  return {
    tick,
    stop: async () => {
      isStopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
