// When each background worker last finished a pass without error, for the health check. A worker
// that stopped ticking (a wedged loop, a database that keeps failing it) makes the node degraded.
export type WorkerName = 'outbox' | 'escalation' | 'redelivery';

const globals = globalThis as unknown as { ecodispatchWorkerTicks?: Map<WorkerName, number> };
const ticks = (globals.ecodispatchWorkerTicks ??= new Map());

export function markWorkerTick(worker: WorkerName, at = Date.now()): void {
  ticks.set(worker, at);
}

export const lastWorkerTick = (worker: WorkerName): number | undefined => ticks.get(worker);

export function forgetWorkerTicks(): void {
  ticks.clear();
}
