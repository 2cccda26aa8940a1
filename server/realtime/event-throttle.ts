import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '../errors';

// Counted per person, not per socket: opening more sockets must not buy more database work.
// A phone sends a handful of events per minute; one coming back online replays its queued taps
// and a sync at once, perhaps with a desktop tab or two open as well: 40 events in 10 s covers
// that with room to spare. A flood past it is answered rate_limited instead of reaching the database.
const limiter = new RateLimiterMemory({ points: 40, duration: 10 });

export async function assertSocketEventAllowed(userId: string): Promise<void> {
  try {
    await limiter.consume(userId);
  } catch {
    throw new DomainError('rate_limited', 'rate_limited');
  }
}
