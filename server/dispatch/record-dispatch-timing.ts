import { log } from '../kernel/log/logger';
import { appMetrics } from '../kernel/metrics/registry';

export type DispatchTiming = {
  incidentId: string;
  assignments: number;
  /** performance.now() readings: the trigger began, its transaction body ended, COMMIT returned, first and last card left. */
  startedAt: number;
  bodyEndedAt: number;
  committedAt: number;
  firstCardAt: number | null;
  lastCardAt: number | null;
};

const ms = (from: number, to: number) => Math.round((to - from) * 10) / 10;

/** One log line and the latency histogram per 一键启动, after its last card was handed to Socket.IO. */
export function recordDispatchTiming(timing: DispatchTiming): void {
  const { startedAt } = timing;
  const { dispatchSeconds } = appMetrics();
  dispatchSeconds.observe({ stage: 'commit' }, (timing.committedAt - startedAt) / 1000);
  if (timing.firstCardAt !== null) dispatchSeconds.observe({ stage: 'first_card' }, (timing.firstCardAt - startedAt) / 1000);
  if (timing.lastCardAt !== null) dispatchSeconds.observe({ stage: 'last_card' }, (timing.lastCardAt - startedAt) / 1000);
  log().info(
    {
      incidentId: timing.incidentId,
      assignments: timing.assignments,
      transactionMs: ms(startedAt, timing.bodyEndedAt),
      commitMs: ms(timing.bodyEndedAt, timing.committedAt),
      firstCardMs: timing.firstCardAt === null ? null : ms(startedAt, timing.firstCardAt),
      lastCardMs: timing.lastCardAt === null ? null : ms(startedAt, timing.lastCardAt),
    },
    'dispatch',
  );
}
