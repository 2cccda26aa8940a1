import { onHoldChange } from './run-in-turn';

// While a fan-out pushes its cards (withTurnsHeld, server/dispatch/announce.ts), the phones' own
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
export const MAX_PAUSE_MS = 3_000;

/** The part of ws's WebSocket we use (engine.io's WebSocket transport keeps it as `socket`). */
type Pausable = { pause(): void; resume(): void };

function readerOf(transport: unknown): Pausable | null {
  const socket = (transport as { name?: string; socket?: Partial<Pausable> } | undefined)?.socket;
  if ((transport as { name?: string } | undefined)?.name !== 'websocket') return null; // long-polling: nothing to hold
  return typeof socket?.pause === 'function' && typeof socket.resume === 'function' ? (socket as Pausable) : null;
}

/** What this module needs of a Socket.IO server: its connected sockets' transports. */
type Connections = { of(namespace: '/'): { sockets: Map<string, { conn: { transport: unknown } }> } };

/** Stops reading the connected sockets while the turns are held; returns the unsubscribe. */
export function pauseReadsWhileHeld(io: Connections, maxPauseMs = MAX_PAUSE_MS): () => void {
  let paused: Pausable[] = [];
  let cap: NodeJS.Timeout | undefined;

  const resumeAll = () => {
    clearTimeout(cap);
    cap = undefined;
    const readers = paused;
    paused = [];
    // A socket closed meanwhile ignores resume() (ws checks its state).
    for (const reader of readers) reader.resume();
  };

  const stopListening = onHoldChange((isHeld) => {
    if (!isHeld) return resumeAll();
    for (const socket of io.of('/').sockets.values()) {
      const reader = readerOf(socket.conn.transport);
      if (!reader) continue;
      reader.pause();
      paused.push(reader);
    }
    cap = setTimeout(resumeAll, maxPauseMs);
  });

  return () => {
    stopListening();
    resumeAll();
  };
}
