import { describe, expect, it } from 'vitest';
import { FIRST_REPUSH_AFTER_MS, repushDelayMs } from '@/server/dispatch/delivery/backoff';

describe('repushDelayMs', () => {
  it('doubles from 2 s after the trigger push and never waits more than 30 s', () => {
    expect(FIRST_REPUSH_AFTER_MS).toBe(2_000);
    expect([1, 2, 3, 4, 5, 6, 20].map(repushDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('treats nonsense attempt numbers as the first attempt', () => {
    expect(repushDelayMs(0)).toBe(2_000);
    expect(repushDelayMs(-3)).toBe(2_000);
  });
});
