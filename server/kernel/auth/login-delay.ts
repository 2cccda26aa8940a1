// PURE: how long a sign-in must wait after `failures` failed attempts, for one count.
export type DelayPolicy = { freeFailures: number; maxDelaySeconds: number };

// One username from one address: five mistyped passwords are free, then 2, 4, 8 … s, at most 60 s.
export const PAIR_POLICY: DelayPolicy = { freeFailures: 5, maxDelaySeconds: 60 };
// One address across all usernames (a password sprayed over many accounts): 30 failures are free.
export const ADDRESS_POLICY: DelayPolicy = { freeFailures: 30, maxDelaySeconds: 60 };
// Failures are forgotten 15 minutes after the last one was counted.
export const FAILURE_MEMORY_SECONDS = 15 * 60;

/**
 * A delay, never a lockout: after the free failures each further one doubles the wait, up to the
 * cap. The right password after the wait still signs in, so a guesser (or a shared proxy address)
 * cannot lock the duty officer out during an incident; a guesser gets one try a minute at best.
 */
export function delayAfter(failures: number, policy: DelayPolicy): number {
  const excess = failures - policy.freeFailures;
  if (excess <= 0) return 0;
  return Math.min(policy.maxDelaySeconds, 2 ** excess);
}
