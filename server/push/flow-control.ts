// The fan-out flow control, in one place: how a dispatch to thousands of phones shares the one
// event loop with their answers. Each number was measured, not guessed; the mechanism that uses
// it explains why it exists (file named beside each), bench/ has the measurements and
// docs/performance.md the results. Change one only with the benchmark it names.

/** Longest stretch of pushing cards without a loop turn (fan-out.ts). One stretch for 1,000 cards held the loop ≈ 0.2 s. */
export const PUSH_SLICE_MS = 10;

/** How long a card push waits for the phone's receipt before it counts as not delivered and is retried (socket-emitter.ts). */
export const RECEIPT_TIMEOUT_MS = 10_000;

/** Phones' events started per loop turn at most, and the time budget of one turn (run-in-turn.ts, bench/event-loop-delay.ts). */
export const MAX_STARTS_PER_TURN = 32;
export const TURN_BUDGET_MS = 8;

/**
 * Longest time the phones' sockets stay unread while a fan-out holds the turns (pause-reads.ts):
 * under the 7 s ping timeout, or unread pongs would drop the phones.
 */
export const MAX_PAUSE_MS = 3_000;
/** Paused sockets resumed per loop turn afterwards: 50 kept the event-loop delay p99 ≈ 29 ms against ≈ 43 ms for all at once. */
export const RESUME_PER_TURN = 50;

/** A node pushing relayed cards holds its phones' events until no batch came for this long (card-relay.ts). */
export const RELAY_QUIET_MS = 50;

/**
 * Push receipts recorded per transaction at most (server/dispatch/delivery/queue-receipt.ts).
 * 200 held the event loop 40–75 ms during a 1,000-person fan-out, because each recorded card's
 * board update goes out in the same turn.
 */
export const MAX_RECEIPTS_PER_BATCH = 50;

/** The board's header counts (acknowledged n of N) go out at most once per window per incident (announce-counts.ts). */
export const COUNTS_WINDOW_MS = 250;
