import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from '../errors';
import { ADDRESS_POLICY, delayAfter, FAILURE_MEMORY_SECONDS, PAIR_POLICY, type DelayPolicy } from './login-delay';

// Slows password guessing with a progressive delay (server/auth/login-delay.ts), counted twice:
// per (username, address) against guessing one account, per address against spraying one password
// over many. Two limiters: `failures` counts, `waits` holds the delay each count has earned. In
// memory on one node; with several nodes both live in Redis (useRedisLoginThrottle), or a guesser
// would get the free tries once per node.
type Limiters = { failures: RateLimiterAbstract; waits: RateLimiterAbstract };

const MEMORY_OPTIONS = {
  failures: { points: 1_000_000, duration: FAILURE_MEMORY_SECONDS },
  waits: { points: 1, duration: 1 },
};

// One pair of limiters per process, shared by the custom server (which sets the Redis ones at
// start) and Next's bundled route handlers (which only read them).
const globalForThrottle = globalThis as unknown as { ecodispatchLoginThrottle?: Limiters };
const limiters = () =>
  (globalForThrottle.ecodispatchLoginThrottle ??= {
    failures: new RateLimiterMemory(MEMORY_OPTIONS.failures),
    waits: new RateLimiterMemory(MEMORY_OPTIONS.waits),
  });

/**
 * Counts in Redis, shared by every node. While Redis is unreachable each node falls back to
 * counting on its own (the insurance limiters): sign-ins keep working, with per-node counts.
 */
export function useRedisLoginThrottle(client: Redis): void {
  const redis = (name: keyof Limiters) =>
    new RateLimiterRedis({
      ...MEMORY_OPTIONS[name],
      storeClient: client,
      keyPrefix: `ecodispatch:login:${name}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(MEMORY_OPTIONS[name]),
    });
  globalForThrottle.ecodispatchLoginThrottle = { failures: redis('failures'), waits: redis('waits') };
}

const counts = (username: string, address: string): [string, DelayPolicy][] => [
  [`user:${username.toLowerCase()}|${address}`, PAIR_POLICY],
  [`address:${address}`, ADDRESS_POLICY],
];

/** Refuses a sign-in that comes before its delay has passed: 429, saying how many seconds remain. */
export async function assertLoginAllowed(username: string, address: string): Promise<void> {
  const { waits } = limiters();
  const states = await Promise.all(counts(username, address).map(([key]) => waits.get(key)));
  const waitMs = Math.max(0, ...states.map((state) => (state && state.consumedPoints > 1 ? state.msBeforeNext : 0)));
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new DomainError('rate_limited', 'tooManyLogins', { seconds, retryAfterSeconds: seconds });
  }
}

/** Counts a failure for the account and for the address; each count past its free tries earns a wait. */
export async function recordLoginFailure(username: string, address: string): Promise<void> {
  const { failures, waits } = limiters();
  await Promise.all(
    counts(username, address).map(async ([key, policy]) => {
      const counted = await failures.penalty(key, 1);
      const delay = delayAfter(counted.consumedPoints, policy);
      if (delay > 0) await waits.block(key, delay);
    }),
  );
}

/** A successful sign-in forgets that account's failures from this address (not the address's own count). */
export async function clearLoginFailures(username: string, address: string): Promise<void> {
  const { failures, waits } = limiters();
  const [pairKey] = counts(username, address)[0]!;
  await Promise.all([failures.delete(pairKey), waits.delete(pairKey)]);
}
