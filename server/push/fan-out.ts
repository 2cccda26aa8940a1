import { PUSH_SLICE_MS } from './flow-control';
import { withTurnsHeld } from './run-in-turn';

/**
 * Hands every item to `push` (which must not wait for the phone: it starts a push and returns)
 * while the phones' own events wait (withTurnsHeld), in slices of PUSH_SLICE_MS with a loop turn
 * between them, so pings, HTTP and timers still run during a large fan-out. Resolves once the last
 * item was handed over, with when the first and the last one were (performance.now()).
 */
export async function pushInSlices<T>(
  items: readonly T[],
  push: (item: T) => void,
): Promise<{ firstAt: number | null; lastAt: number | null }> {
  let firstAt: number | null = null;
  await withTurnsHeld(async () => {
    let sliceStarted = performance.now();
    for (const item of items) {
      firstAt ??= performance.now();
      if (performance.now() - sliceStarted >= PUSH_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
      push(item);
    }
  });
  return { firstAt, lastAt: items.length > 0 ? performance.now() : null };
}
