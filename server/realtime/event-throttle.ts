import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '../errors';

// A phone sends a handful of events per minute; a flood from one connection (a bug or an attack)
// is answered with rate_limited instead of reaching the database. Generous on purpose: a phone
// coming back online may replay several taps and a sync at once.
const limiter = new RateLimiterMemory({ points: 30, duration: 10 });

export async function assertSocketEventAllowed(socketId: string): Promise<void> {
  try {
    await limiter.consume(socketId);
  } catch {
    throw new DomainError('rate_limited', 'rate_limited');
  }
}
