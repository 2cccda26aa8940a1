import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '../kernel/errors';

/**
 * Client events are counted per person, not per socket: opening more sockets must not buy more
 * database work. A phone sends a handful of events per minute; one coming back online replays its
 * queued taps and a sync at once, perhaps with a desktop tab or two open as well: 40 events in
 * 10 s (SOCKET_EVENT_BUDGET) covers that with room to spare. Past it the ack is rate_limited
 * instead of a trip to the database. One budget per server (and so per node).
 */
export function createEventThrottle(eventsPer10s: number) {
  const limiter = new RateLimiterMemory({ points: eventsPer10s, duration: 10 });
  return async function assertSocketEventAllowed(userId: string): Promise<void> {
    try {
      await limiter.consume(userId);
    } catch {
      throw new DomainError('rate_limited', 'rate_limited');
    }
  };
}
