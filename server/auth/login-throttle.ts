import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '../errors';

// Slows password guessing: after 10 failed logins for one username from one address within
// 15 minutes, that pair is locked for 15 minutes. In-memory per node; a Redis limiter replaces it
// when there are several nodes.
const globalForThrottle = globalThis as unknown as { ecodispatchLoginThrottle?: RateLimiterMemory };
const limiter = (globalForThrottle.ecodispatchLoginThrottle ??= new RateLimiterMemory({
  points: 10,
  duration: 15 * 60,
  blockDuration: 15 * 60,
}));

const keyOf = (username: string, address: string) => `${username.toLowerCase()}|${address}`;

export async function assertLoginAllowed(username: string, address: string): Promise<void> {
  const state = await limiter.get(keyOf(username, address));
  if (state && state.remainingPoints <= 0) throw new DomainError('rate_limited', 'tooManyLogins');
}

export async function recordLoginFailure(username: string, address: string): Promise<void> {
  await limiter.penalty(keyOf(username, address), 1);
}

export async function clearLoginFailures(username: string, address: string): Promise<void> {
  await limiter.delete(keyOf(username, address));
}
