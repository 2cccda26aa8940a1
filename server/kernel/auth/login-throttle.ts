import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from '../errors';
import { ADDRESS_POLICY, delayAfter, FAILURE_MEMORY_SECONDS, PAIR_POLICY, type DelayPolicy } from './login-delay';

// Slows password guessing with a progressive delay (server/kernel/auth/login-delay.ts), counted twice:
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

const pairKey = (username: string, address: string) => `user:${username.toLowerCase()}|${address}`;
const addressKey = (address: string) => `address:${address}`;
const counts = (username: string, address: string): [string, DelayPolicy][] => [
  [pairKey(username, address), PAIR_POLICY],
  [addressKey(address), ADDRESS_POLICY],
];

const tooEarly = (waitMs: number) => {
  const seconds = Math.ceil(waitMs / 1000);
  return new DomainError('rate_limited', 'tooManyLogins', { seconds, retryAfterSeconds: seconds });
};

/**
 * Admits one sign-in attempt, or refuses it with 429 and the seconds to wait. The attempt is
 * counted as a failure before the password is checked (and given back if it succeeds): counting
 * after the check let a burst of simultaneous guesses all through before the first one was
 * counted. The count is atomic, so of a burst only the free tries (and the one attempt each
 * delay allows) reach the password check.
 */
export async function beginLoginAttempt(username: string, address: string): Promise<void> {
  const { failures, waits } = limiters();
  const counted: string[] = [];
  try {
    for (const [key, policy] of counts(username, address)) {
      const { consumedPoints } = await failures.penalty(key, 1);
      counted.push(key);
      const delay = delayAfter(consumedPoints, policy);
      if (delay === 0) continue;
      // Past the free tries: one attempt per wait. `consume` is atomic, so of attempts arriving
      // together exactly one gets through; it then sets the wait before the next one.
      await waits.consume(key).catch((refused: { msBeforeNext?: number }) => {
        throw tooEarly(refused.msBeforeNext ?? 1000);
      });
      await waits.block(key, delay);
    }
  } catch (error) {
    // A refused attempt is not counted: waiting must be enough to get in.
    await Promise.all(counted.map((key) => failures.reward(key, 1)));
    throw error;
  }
}

/** A successful sign-in: the account's failures from this address are forgotten, and its own attempt is given back to the address. */
export async function recordLoginSuccess(username: string, address: string): Promise<void> {
  const { failures, waits } = limiters();
  const pair = pairKey(username, address);
  await Promise.all([failures.delete(pair), waits.delete(pair), failures.reward(addressKey(address), 1)]);
}
