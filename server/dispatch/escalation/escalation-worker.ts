import { markWorkerTick } from '../../kernel/health/worker-ticks';
import { log } from '../../kernel/log/logger';
import type { ServerDeps } from '../../context';
import { runEscalationTick } from './run-escalation-tick';

export const ESCALATION_INTERVAL_MS = 1_000;

export type EscalationWorker = { tick: () => Promise<void>; stop: () => Promise<void> };

/**
 * Checks for due escalation steps every second. Ticks never overlap and never throw out of the
 * timer; `stop` waits for a tick in progress. Each node may run one: claims keep steps single.
 */
export function startEscalationWorker(deps: ServerDeps, options: { intervalMs?: number; batchSize?: number } = {}): EscalationWorker {
  let running: Promise<void> | null = null;
  let isStopped = false;

  const tick = () => {
    if (isStopped) return Promise.resolve();
    running ??= runEscalationTick(deps, options.batchSize)
      .then(() => markWorkerTick('escalation'))
      .catch((error: unknown) => log().error({ err: error }, 'escalation tick failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };

  markWorkerTick('escalation'); // started: counts as a tick until the first pass
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
