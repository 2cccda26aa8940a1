// Preloaded into a measured server (`node --import ./bench/support/probe.mjs`), so the server code
// stays unchanged: an event-loop delay histogram, when the cards left (below) and memory readings,
// answered over the IPC channel the benchmark opened. Plain JS so that it loads before (and without) the tsx loader.
import { Socket } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/**
 * When the server handed its cards to the kernel: every socket write that carries an
 * `assignment:new` frame is counted (each card once), with the time of the first and the last. This is the server's
 * own pace, read where the phones cannot touch it: once a frame is written to a loopback socket it
 * waits in the kernel for its reader, so slow phones delay their receipt times but not these.
 * Same clock as the harness (`performance.timeOrigin + performance.now()`). The byte search costs
 * every measured server alike (≈ 1 µs per ~1 KB frame).
 */
const CARD_EVENT = Buffer.from('"assignment:new"');
const cards = { written: 0, firstAt: null, lastAt: null };
const ASSIGNMENT_ID = Buffer.from('"assignmentId":"');
const sentIds = new Set();
/** The card's assignment id if `chunk` carries a card, else null. */
function cardIn(chunk) {
  const bytes =
    typeof chunk === 'string'
      ? Buffer.from(chunk)
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : null;
  if (bytes === null || bytes.indexOf(CARD_EVENT) < 0) return null;
  const at = bytes.indexOf(ASSIGNMENT_ID);
  return at < 0 ? '' : bytes.toString('latin1', at + ASSIGNMENT_ID.length, at + ASSIGNMENT_ID.length + 36);
}
const write = Socket.prototype.write;
// Only a card's first write counts: a later re-push of the same card (the app's redelivery worker)
// is not the fan-out's pace.
Socket.prototype.write = function countCards(chunk, ...rest) {
  const card = cardIn(chunk);
  if (card !== null && !sentIds.has(card)) {
    if (card !== '') sentIds.add(card);
    const at = performance.timeOrigin + performance.now();
    cards.written += 1;
    cards.firstAt ??= at;
    cards.lastAt = at;
  }
  return write.call(this, chunk, ...rest);
};

if (typeof process.send === 'function') {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const ms = (nanoseconds) => Math.round((nanoseconds / 1e6) * 100) / 100;

  process.on('message', (message) => {
    if (!message || typeof message !== 'object' || typeof message.probe !== 'string') return;
    const reply = (body) => process.send?.({ probeReply: message.id, ...body });
    if (message.probe === 'loop-reset') {
      histogram.reset();
      Object.assign(cards, { written: 0, firstAt: null, lastAt: null });
      sentIds.clear();
      reply({});
    } else if (message.probe === 'loop-read') {
      reply({
        loop: {
          count: histogram.count,
          p50: ms(histogram.percentile(50)),
          p99: ms(histogram.percentile(99)),
          max: ms(histogram.max),
          mean: ms(histogram.mean),
        },
        cards: { ...cards },
      });
    } else if (message.probe === 'memory') {
      // Two full collections: the second one frees what the first one's finalizers released.
      if (typeof globalThis.gc === 'function') {
        globalThis.gc();
        globalThis.gc();
      }
      reply({ memory: process.memoryUsage(), isCollected: typeof globalThis.gc === 'function' });
    }
  });
  // The channel must not keep a finished process alive; the server's own handles do that.
  process.channel?.unref();
}
