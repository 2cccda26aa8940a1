import { log } from '../kernel/log/logger';
import { MAX_STARTS_PER_TURN, TURN_BUDGET_MS } from './flow-control';

// Phones' events (receipts, 收到, status, sync) each run a short transaction. After a fan-out,
// thousands arrive within milliseconds, and chained on the transaction queue they all ran in ONE
// macrotask: the event loop stood still for seconds (bench/event-loop-delay.ts measured 7–8 s at
// 1,000 people), pings went unanswered and phones were dropped by the ping timeout.
// Here they take turns: at most MAX_STARTS_PER_TURN of them are started per loop turn (and fewer
// if starting them takes TURN_BUDGET_MS), in arrival order, so timers, pings, HTTP and other
// emits run in between.
// A job is started, not awaited: waiting for each to finish made every 收到 its own transaction
// and its own fsync, 1.6 ms each (bench/ack-ingest.ts: 384–610 acks/s). Started together, the
// jobs of a turn reach the transaction queue together and share one commit (db/transaction.ts),
// which also yields between its groups. A phone's own actions stay in order: jobs start in
// arrival order and enter the transaction queue (FIFO) in that order, and the phone's outbox
// sends its next action only after the previous one was answered.
//
// A fan-out comes first: while a dispatch pushes its role cards in slices (fan-out.ts),
// the phones' events wait here. Otherwise the receipts and 收到 of the first phones, read between
// two slices, ran before the last cards went out and made those cards late (1,000 phones: fan-out
// p99 1.19× → 1.67–2.13× the bare server's, docs/performance.md).
type Job = () => void;
type HoldListener = (isHeld: boolean) => void;
type Turns = { queue: Job[]; isDraining: boolean; holds: number; holdListeners?: Set<HoldListener> };
const globalForTurns = globalThis as unknown as { ecodispatchTurns?: Turns };
const turns = (globalForTurns.ecodispatchTurns ??= { queue: [], isDraining: false, holds: 0 });
const holdListeners = (turns.holdListeners ??= new Set());

function drain() {
  if (turns.holds > 0) {
    // Resumed by the last release.
    turns.isDraining = false;
    return;
  }
  const started = performance.now();
  for (let count = 0; turns.queue.length > 0 && count < MAX_STARTS_PER_TURN; count += 1) {
    turns.queue.shift()!();
    if (performance.now() - started >= TURN_BUDGET_MS) break;
  }
  if (turns.queue.length > 0) setImmediate(drain);
  else turns.isDraining = false;
}

/** Runs `work` in its turn among the other socket events; resolves or rejects with its outcome. */
export function runInTurn<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    turns.queue.push(() => void work().then(resolve, reject));
    if (turns.isDraining) return;
    turns.isDraining = true;
    setImmediate(drain);
  });
}

/**
 * Runs `work` while the phones' events wait (they keep their order and run after it). Only for
 * work that is bounded and itself yields to the event loop, like pushing a fan-out's cards.
 */
export async function withTurnsHeld<T>(work: () => Promise<T>): Promise<T> {
  turns.holds += 1;
  if (turns.holds === 1) notifyHold(true);
  try {
    return await work();
  } finally {
    turns.holds -= 1;
    if (turns.holds === 0) notifyHold(false);
    if (turns.holds === 0 && turns.queue.length > 0 && !turns.isDraining) {
      turns.isDraining = true;
      setImmediate(drain);
    }
  }
}

/**
 * Tells `listener` when the first hold starts (true) and the last one ends (false); returns the
 * unsubscribe. The realtime server uses it to stop reading the phones' sockets meanwhile.
 */
export function onHoldChange(listener: HoldListener): () => void {
  holdListeners.add(listener);
  return () => void holdListeners.delete(listener);
}

function notifyHold(isHeld: boolean) {
  for (const listener of holdListeners) {
    try {
      listener(isHeld);
    } catch (error) {
      // A listener's failure must not stop the fan-out it was told about.
      log().error({ err: error }, 'turns: hold listener failed');
    }
  }
}

/** Whether a fan-out is pushing its cards now (see withTurnsHeld). */
export function areTurnsHeld(): boolean {
  return turns.holds > 0;
}
