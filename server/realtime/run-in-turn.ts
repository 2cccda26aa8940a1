// Phones' events (receipts, 收到, status, sync) each run a short synchronous transaction. After a
// fan-out, thousands arrive within milliseconds, and chained on the transaction queue they all ran
// in ONE macrotask: the event loop stood still for seconds (bench/event-loop-delay.ts measured
// 7–8 s at 1,000 people), pings went unanswered and phones were dropped by the ping timeout.
// Here they take turns: one after another, at most TURN_BUDGET_MS of them per loop turn, so
// timers, pings, HTTP and other emits run in between. Same work, same order; the loop breathes.
const TURN_BUDGET_MS = 8;

type Job = () => Promise<void>;
const globalForTurns = globalThis as unknown as { ecodispatchTurns?: { queue: Job[]; isDraining: boolean } };
const turns = (globalForTurns.ecodispatchTurns ??= { queue: [], isDraining: false });

async function drain() {
  const started = performance.now();
  while (turns.queue.length > 0 && performance.now() - started < TURN_BUDGET_MS) await turns.queue.shift()!();
  if (turns.queue.length > 0) setImmediate(() => void drain());
  else turns.isDraining = false;
}

/** Runs `work` in its turn among the other socket events; resolves or rejects with its outcome. */
export function runInTurn<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    turns.queue.push(() => work().then(resolve, reject));
    if (turns.isDraining) return;
    turns.isDraining = true;
    setImmediate(() => void drain());
  });
}
