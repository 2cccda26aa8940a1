// Preloaded into a measured server (`node --import ./bench/support/probe.mjs`), so the server code
// stays unchanged: an event-loop delay histogram and memory readings, answered over the IPC
// channel the benchmark opened. Plain JS so that it loads before (and without) the tsx loader.
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (typeof process.send === 'function') {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const ms = (nanoseconds) => Math.round((nanoseconds / 1e6) * 100) / 100;

  process.on('message', (message) => {
    if (!message || typeof message !== 'object' || typeof message.probe !== 'string') return;
    const reply = (body) => process.send?.({ probeReply: message.id, ...body });
    if (message.probe === 'loop-reset') {
      histogram.reset();
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
