import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from '../errors';

// Slows password guessing: after 10 failed logins for one username from one address within
// 15 minutes, that pair is locked for 15 minutes. In memory on one node; with several nodes the
// count lives in Redis (useRedisLoginThrottle), or a guesser would get 10 tries per node.
const POLICY = { points: 10, duration: 15 * 60, blockDuration: 15 * 60 };

// One limiter per process, shared by the custom server (which sets the Redis one at start) and
// Next's bundled route handlers (which only read it).
const globalForThrottle = globalThis as unknown as { ecodispatchLoginThrottle?: RateLimiterAbstract };
const limiter = () => (globalForThrottle.ecodispatchLoginThrottle ??= new RateLimiterMemory(POLICY));

/**
 * Counts failures in Redis, shared by every node. While Redis is unreachable each node falls back
 * to counting on its own (the insurance limiter): logins keep working, with the per-node limit.
 */
export function useRedisLoginThrottle(client: Redis): void {
  globalForThrottle.ecodispatchLoginThrottle = new RateLimiterRedis({
    ...POLICY,
    storeClient: client,
    keyPrefix: 'ecodispatch:login',
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(POLICY),
  });
}

const keyOf = (username: string, address: string) => `${username.toLowerCase()}|${address}`;

export async function assertLoginAllowed(username: string, address: string): Promise<void> {
  const state = await limiter().get(keyOf(username, address));
  if (state && state.remainingPoints <= 0) throw new DomainError('rate_limited', 'tooManyLogins');
}

export async function recordLoginFailure(username: string, address: string): Promise<void> {
  await limiter().penalty(keyOf(username, address), 1);
}

export async function clearLoginFailures(username: string, address: string): Promise<void> {
  await limiter().delete(keyOf(username, address));
}
