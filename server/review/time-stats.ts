import type { TimeStats } from '../contracts/review';

/** Median (the mean of the middle two for an even count) and worst of a list of seconds. */
export function timeStats(values: readonly number[]): TimeStats {
  if (values.length === 0) return { count: 0, medianSeconds: null, worstSeconds: null };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { count: sorted.length, medianSeconds: median, worstSeconds: sorted[sorted.length - 1]! };
}

export const secondsBetween = (from: Date, to: Date | null): number | null => (to ? (to.getTime() - from.getTime()) / 1000 : null);
