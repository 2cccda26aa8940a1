import { MAX_PAUSE_MS, RESUME_PER_TURN } from './flow-control';
import { onHoldChange } from './run-in-turn';

// While a fan-out pushes its cards (withTurnsHeld, fan-out.ts), the phones' own
// events already wait; but their frames were still read, parsed and queued between two slices of
// pushing. At 10,000 phones the first phones' receipts and 收到 (two frames each) arrived while the
// last cards were still to go, and reading them cost about as much as the pushing: the last cards
// left seconds later than a bare server's (bench/dispatch-fanout.ts). So during the hold the
// phones' WebSockets are not read at all: their frames wait in the kernel (TCP flow control),
// and are read, in order, once the last card is out. Nothing is dropped; outgoing frames and
// HTTP requests are not affected.
//
// A pong that waits unread still counts late: engine.io drops a socket whose pong has not been
// read within PING_TIMEOUT_MS (7 s). So reading resumes after MAX_PAUSE_MS even if the hold
// lasts longer; the events themselves keep waiting in run-in-turn as before.

// Resuming every socket at once read all their waiting frames in one stretch of the loop: during
// a 1,000-person dispatch the event-loop delay p99 went from ≈ 27 ms (no pausing) to ≈ 43 ms
// (bench/event-loop-delay.ts, 10 rounds each, alternating). Resumed 50 per loop turn, ≈ 29 ms;
// 200 per turn, ≈ 34 ms. 10,000 phones take 200 turns, after their cards have all gone out.

/** The part of ws's WebSocket we use (engine.io's WebSocket transport keeps it as `socket`). */
type Pausable = { pause(): void; resume(): void };

function readerOf(transport: unknown): Pausable | null {
  const { name, socket } = (transport ?? {}) as { name?: string; socket?: Partial<Pausable> };
  if (name !== 'websocket') return null; // long-polling: nothing to hold
  return typeof socket?.pause === 'function' && typeof socket.resume === 'function' ? (socket as Pausable) : null;
}

/** What this module needs of a Socket.IO server: its connected sockets' transports. */
type Connections = { of(namespace: '/'): { sockets: Map<string, { conn: { transport: unknown } }> } };

/** Stops reading the connected sockets while the turns are held; returns the unsubscribe. */
export function pauseReadsWhileHeld(io: Connections, maxPauseMs = MAX_PAUSE_MS, resumePerTurn = RESUME_PER_TURN): () => void {
  // In pause order, so the phones that got their card first are read first.
  const paused = new Set<Pausable>();
  let cap: NodeJS.Timeout | undefined;
  let nextBatch: NodeJS.Immediate | undefined;

  const resumeBatch = () => {
    nextBatch = undefined;
    let count = 0;
    // A socket closed meanwhile ignores resume() (ws checks its state).
    for (const reader of paused) {
      if (count === resumePerTurn) break;
      paused.delete(reader);
      reader.resume();
      count += 1;
    }
    if (paused.size > 0) nextBatch = setImmediate(resumeBatch);
  };

  const startResuming = () => {
    clearTimeout(cap);
    cap = undefined;
    if (!nextBatch && paused.size > 0) resumeBatch();
  };

  const stopListening = onHoldChange((isHeld) => {
    if (!isHeld) return startResuming();
    // A new hold while the last one's sockets are still being resumed: they stay paused with the rest.
    clearImmediate(nextBatch);
    nextBatch = undefined;
    for (const socket of io.of('/').sockets.values()) {
      const reader = readerOf(socket.conn.transport);
      if (!reader || paused.has(reader)) continue;
      reader.pause();
      paused.add(reader);
    }
    cap = setTimeout(startResuming, maxPauseMs);
  });

  return () => {
    stopListening();
    clearImmediate(nextBatch);
    nextBatch = undefined;
    clearTimeout(cap);
    for (const reader of paused) reader.resume();
    paused.clear();
  };
}
