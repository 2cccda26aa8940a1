import { SEVERITIES, type InitialReportMinutes, type Severity } from './severity';

// PURE: the 初报 deadline clock. The board and the reports page show it; the reports record whether
// it was met (by the first signed-off 初报 version) or missed.

/** Minutes allowed for the 初报 at `severity`; with no level yet, the strictest of the jurisdiction's. */
export function initialReportMinutesFor(minutes: InitialReportMinutes, severity: Severity | null): number {
  if (severity) return minutes[severity];
  return Math.min(...SEVERITIES.map((level) => minutes[level]));
}

/** When the 初报 is due: discovery + the minutes for the level. */
export function initialReportDeadline(discoveredAt: Date, minutes: InitialReportMinutes, severity: Severity | null): Date {
  return new Date(discoveredAt.getTime() + initialReportMinutesFor(minutes, severity) * 60_000);
}

/** The last minutes before the deadline, when the board warns. */
export const DEADLINE_WARNING_MS = 15 * 60_000;

export type DeadlineState = 'running' | 'warning' | 'overdue' | 'met' | 'missed';

/**
 * Where the clock stands at `now`: once a 初报 is signed off, met or missed for good (exactly on the
 * deadline is met); until then running, warning in the last 15 minutes, overdue after it.
 */
export function initialReportState({ deadline, signedOffAt, now }: { deadline: Date; signedOffAt: Date | null; now: Date }): DeadlineState {
  if (signedOffAt) return signedOffAt.getTime() <= deadline.getTime() ? 'met' : 'missed';
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DEADLINE_WARNING_MS ? 'warning' : 'running';
}

/** The clock as the board and the reports page receive it (ISO times; the client ticks it). */
export type InitialReportClock = {
  discoveredAt: string;
  severity: Severity | null;
  minutes: number;
  deadline: string;
  /** The first signed-off 初报 version's time, or null. */
  signedOffAt: string | null;
};
