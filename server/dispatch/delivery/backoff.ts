// PURE: when to push an undelivered card again. Quick at first (a phone that just lost signal
// is usually back in seconds), then every 30 s at most while the person stays connected.
import { FIRST_REPUSH_AFTER_MS } from '../../contracts/delivery-timing';

export { FIRST_REPUSH_AFTER_MS };
const MAX_REPUSH_INTERVAL_MS = 30_000;

/** Delay before push attempt number `attempt + 1`, where attempt 1 was the push at trigger time. */
export function repushDelayMs(attempt: number): number {
  return Math.min(FIRST_REPUSH_AFTER_MS * 2 ** Math.max(0, attempt - 1), MAX_REPUSH_INTERVAL_MS);
}
