'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { formatClock } from '@/components/dispatch/format-clock';
import { initialReportState, type InitialReportClock } from '@/server/contracts/report-deadline';
import styles from './statutory-reports.module.css';

const TIME = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/**
 * The 初报 deadline, ticking: a warning in the last 15 minutes, an alert once it has run out, and
 * met or missed for good once the first 初报 is signed off. `now` is null during the server render.
 */
export function InitialReportClockView({ clock, now }: { clock: InitialReportClock; now: number | null }) {
  const t = useTranslations('statutoryReports');
  const format = useFormatter();
  const deadline = new Date(clock.deadline);
  const signedOffAt = clock.signedOffAt ? new Date(clock.signedOffAt) : null;
  const state = initialReportState({ deadline, signedOffAt, now: new Date(now ?? Date.parse(clock.discoveredAt)) });
  const left = now === null ? null : deadline.getTime() - now;

  const message = () => {
    if (signedOffAt) return t(state === 'met' ? 'clock.met' : 'clock.missed', { time: format.dateTime(signedOffAt, TIME) });
    if (left === null) return t('clock.dueAt', { time: format.dateTime(deadline, TIME) });
    if (state === 'overdue') return t('clock.overdue', { clock: formatClock(-left) });
    if (state === 'warning') return t('clock.warning', { clock: formatClock(left) });
    return t('clock.remaining', { clock: formatClock(left) });
  };

  return (
    <div
      className={`${styles.clock} ${styles[`clock_${state}`] ?? ''}`}
      data-testid="initial-report-clock"
      data-state={state}
      role={state === 'overdue' || state === 'warning' ? 'alert' : undefined}
    >
      <span className={styles.clockTitle}>{t('clock.title')}</span>
      <strong>{message()}</strong>
      <span className={styles.clockRule}>
        {t('clock.dueAt', { time: format.dateTime(deadline, TIME) })} ·{' '}
        {clock.severity ? t('clock.rule', { minutes: clock.minutes }) : t('clock.ruleUnset', { minutes: clock.minutes })}
      </span>
    </div>
  );
}
