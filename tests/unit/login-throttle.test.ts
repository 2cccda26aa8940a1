import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADDRESS_POLICY, delayAfter, PAIR_POLICY } from '@/server/kernel/auth/login-delay';
import { beginLoginAttempt, recordLoginSuccess } from '@/server/kernel/auth/login-throttle';
import { parseEnv } from '@/server/kernel/config/env';
import { trustedProxyList } from '@/server/kernel/config/trusted-proxies';
import { clientAddress } from '@/server/http/remote-address';

// The limiters keep their counts for the whole process: each test uses its own names and addresses.
let run = 0;
const fresh = (label: string) => `${label}-${(run += 1)}-${Date.now()}`;
const waitOf = (attempt: Promise<void>) =>
  attempt.then(
    () => 0,
    (error: { code: string; details: { seconds: number; retryAfterSeconds: number } }) => {
      expect(error.code).toBe('rate_limited');
      expect(error.details.retryAfterSeconds).toBe(error.details.seconds);
      return error.details.seconds;
    },
  );

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-05T08:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('the delay policy', () => {
  it('lets the first failures through, then doubles the wait up to a cap', () => {
    expect([0, 5, 6, 7, 8, 10, 11, 12, 40].map((n) => delayAfter(n, PAIR_POLICY))).toEqual([0, 0, 2, 4, 8, 32, 60, 60, 60]);
    expect(delayAfter(30, ADDRESS_POLICY)).toBe(0);
    expect(delayAfter(31, ADDRESS_POLICY)).toBe(2);
  });
});

describe('one account from one address', () => {
  it('slows guessing with a growing delay, and the right password still works once the delay has passed', async () => {
    const user = fresh('duty');
    const address = fresh('10.1');
    // Every attempt counts as a failure until it succeeds; the first five are free.
    for (let i = 0; i < PAIR_POLICY.freeFailures; i += 1) expect(await waitOf(beginLoginAttempt(user, address))).toBe(0);
    expect(await waitOf(beginLoginAttempt(user, address))).toBe(0); // the 6th is checked, and earns a 2 s wait
    expect(await waitOf(beginLoginAttempt(user, address))).toBe(2);
    vi.advanceTimersByTime(2_100);
    expect(await waitOf(beginLoginAttempt(user, address))).toBe(0); // the 7th: 4 s for the next
    expect(await waitOf(beginLoginAttempt(user, address))).toBe(4);
    vi.advanceTimersByTime(4_100);
    // The right password now: admitted, and its success forgets this account's failures from this address.
    await beginLoginAttempt(user, address);
    await recordLoginSuccess(user, address);
    for (let i = 0; i < PAIR_POLICY.freeFailures; i += 1) expect(await waitOf(beginLoginAttempt(user, address))).toBe(0);
  });

  it('never locks anyone out for longer than the cap, however many guesses came before', async () => {
    const user = fresh('duty');
    const address = fresh('10.2');
    for (let i = 0; i < 25; i += 1) {
      await beginLoginAttempt(user, address).catch(() => undefined);
      vi.advanceTimersByTime(61_000);
    }
    await beginLoginAttempt(user, address);
    const wait = await waitOf(beginLoginAttempt(user, address));
    expect(wait).toBe(PAIR_POLICY.maxDelaySeconds);
    vi.advanceTimersByTime(wait * 1000 + 100);
    await expect(beginLoginAttempt(user, address)).resolves.toBeUndefined();
  });

  it('lets only the free tries of a burst of simultaneous guesses reach the password check', async () => {
    const user = fresh('duty');
    const address = fresh('10.6');
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => waitOf(beginLoginAttempt(user, address))));
    const admitted = outcomes.filter((wait) => wait === 0).length;
    expect(admitted).toBeGreaterThanOrEqual(PAIR_POLICY.freeFailures);
    expect(admitted).toBeLessThanOrEqual(PAIR_POLICY.freeFailures + 2);
  });

  it('does not slow the same account from another address', async () => {
    const user = fresh('duty');
    for (let i = 0; i < 8; i += 1) await beginLoginAttempt(user, '10.3.0.1').catch(() => undefined);
    expect(await waitOf(beginLoginAttempt(user, '10.3.0.1'))).toBeGreaterThan(0);
    expect(await waitOf(beginLoginAttempt(user, '10.3.0.2'))).toBe(0);
  });
});

describe('one address across many accounts (password spraying)', () => {
  it('delays every account from that address once 30 attempts are spread over 12 usernames', async () => {
    const address = fresh('10.4');
    const users = Array.from({ length: 12 }, (_, i) => fresh(`user${i}`));
    for (let i = 0; i < ADDRESS_POLICY.freeFailures; i += 1) {
      expect(await waitOf(beginLoginAttempt(users[i % users.length]!, address))).toBe(0); // at most 3 per account
    }
    expect(await waitOf(beginLoginAttempt(fresh('another'), address))).toBe(0); // the 31st: checked, 2 s for the next
    expect(await waitOf(beginLoginAttempt(fresh('another'), address))).toBe(2);
    expect(await waitOf(beginLoginAttempt(users[5]!, fresh('10.5')))).toBe(0);
  });

  it('gives a successful sign-in back to the address, so colleagues behind one proxy do not pile up attempts', async () => {
    const address = fresh('10.7');
    for (let i = 0; i < ADDRESS_POLICY.freeFailures + 10; i += 1) {
      const user = fresh('colleague');
      await beginLoginAttempt(user, address);
      await recordLoginSuccess(user, address);
    }
    expect(await waitOf(beginLoginAttempt(fresh('late'), address))).toBe(0);
  });
});

describe('client addresses behind proxies', () => {
  const trusted = trustedProxyList(['10.0.0.5', '192.168.0.0/16', '::1'])!;

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', trusted)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', '1.2.3.4', trusted)).toBe('203.0.113.9');
  });

  it('takes the nearest address a trusted proxy saw, whatever the client wrote to its left', () => {
    expect(clientAddress('10.0.0.5', '198.51.100.7', trusted)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:10.0.0.5', 'spoofed, 6.6.6.6, 198.51.100.7', trusted)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.5', ['6.6.6.6', '198.51.100.7, 192.168.3.4'], trusted)).toBe('198.51.100.7');
    expect(clientAddress('::1', '2001:db8::7', trusted)).toBe('2001:db8::7');
  });

  it('falls back to the last believable address when the header is missing or garbage', () => {
    expect(clientAddress('10.0.0.5', undefined, trusted)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'not-an-ip', trusted)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', '192.168.1.1', trusted)).toBe('192.168.1.1');
  });

  it('is configured by TRUSTED_PROXIES, and a wrong entry stops the server with its name', () => {
    expect(parseEnv({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,::1' }).TRUSTED_PROXIES).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    for (const wrong of ['nginx.local', '10.0.0.0/33', '10.0.0.1/8/9', '10.0.0.0/x']) {
      expect(() => parseEnv({ TRUSTED_PROXIES: wrong })).toThrow(/TRUSTED_PROXIES/);
    }
  });
});
