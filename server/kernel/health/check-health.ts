import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db } from '../../../db';
import { jurisdictions } from '../../../db/schema';
import { lastWorkerTick, type WorkerName } from './worker-ticks';

export type CheckResult = { status: 'ok' | 'down'; ms?: number; error?: string };
export type HealthReport = {
  status: 'ok' | 'degraded' | 'down';
  checks: {
    database: CheckResult;
    redis?: CheckResult;
    workers: Record<WorkerName, { status: 'ok' | 'stale'; lastTickAt: string | null }>;
  };
};

// Each worker ticks every 1–2 s; three missed passes, or 15 s, is a wedged worker, not a slow one.
const STALE_AFTER_MS = 15_000;
const CHECK_TIMEOUT_MS = 1_000;
const WORKERS: WorkerName[] = ['outbox', 'escalation', 'redelivery'];

/**
 * `down` when the database does not answer (nothing can be dispatched: a balancer should stop
 * sending this node traffic); `degraded` when Redis is away (this node still serves its own
 * phones) or a worker has stopped ticking; `ok` otherwise.
 */
export async function checkHealth(deps: { db: Db; redis?: Redis | null; now?: () => number }): Promise<HealthReport> {
  const now = deps.now?.() ?? Date.now();
  const [database, redis] = await Promise.all([
    timed(async () => {
      await deps.db
        .select({ one: sql<number>`1` })
        .from(jurisdictions)
        .limit(1);
    }),
    deps.redis ? timed(async () => void (await deps.redis!.ping())) : Promise.resolve(undefined),
  ]);
  const workers = Object.fromEntries(
    WORKERS.map((worker) => {
      const at = lastWorkerTick(worker);
      return [
        worker,
        {
          status: at !== undefined && now - at <= STALE_AFTER_MS ? 'ok' : 'stale',
          lastTickAt: at === undefined ? null : new Date(at).toISOString(),
        },
      ];
    }),
  ) as HealthReport['checks']['workers'];
  const isDegraded = redis?.status === 'down' || Object.values(workers).some((worker) => worker.status === 'stale');
  return {
    status: database.status === 'down' ? 'down' : isDegraded ? 'degraded' : 'ok',
    checks: { database, ...(redis ? { redis } : {}), workers },
  };
}

async function timed(check: () => Promise<void>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'ok', ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
