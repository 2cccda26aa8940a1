'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { REACHED_BY, type ReachedBy } from '@/server/contracts/assignment-lifecycle';
import type { AssignmentView, TimelineEntry } from '@/server/contracts/dispatch';
import { isSeverity } from '@/server/contracts/severity';
import { STATUTORY_REPORT_KINDS, type StatutoryReportKind } from '@/server/contracts/statutory-reports';
import styles from './board.module.css';
import escalationStyles from './escalation.module.css';
import { isEscalationEntry, useEscalationText } from './use-escalation-text';

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const isReportKind = (value: unknown): value is StatutoryReportKind => (STATUTORY_REPORT_KINDS as readonly unknown[]).includes(value);
const isReachedBy = (value: unknown): value is ReachedBy => (REACHED_BY as readonly unknown[]).includes(value);

/** What happened, in order, read from the audit rows; an action without a catalog entry shows its code. */
export function IncidentTimeline({ entries, assignments }: { entries: TimelineEntry[]; assignments: AssignmentView[] }) {
  const t = useTranslations('board');
  const tr = useTranslations('statutoryReports');
  const format = useFormatter();
  const nameByUserId = new Map(assignments.map((assignment) => [assignment.userId, assignment.userName]));
  const describeEscalation = useEscalationText(assignments);

  const describe = (entry: TimelineEntry) => {
    const escalation = describeEscalation(entry);
    if (escalation) return escalation;
    const { data } = entry;
    // 收到 recorded by a duty officer for someone reached another way names both and how.
    const isOnBehalf = entry.action === 'assignment.acknowledged' && isReachedBy(data.reachedBy);
    const key = isOnBehalf ? 'timeline.assignment.acknowledgedOnBehalf' : `timeline.${entry.action}`;
    if (!t.has(key)) return entry.action;
    return t(key, {
      actor: entry.actorName ?? t('timeline.system'),
      person: nameByUserId.get(text(data.userId)) ?? text(data.userId),
      role: text(data.role),
      planName: text(data.planName),
      assigned: text(data.assigned),
      required: text(data.required),
      closedAssignments: text(data.closedAssignments),
      channel: text(data.channel),
      recipient: text(data.recipientName),
      reason: text(data.reason),
      seq: text(data.seq),
      text: text(data.text),
      reachedBy: isReachedBy(data.reachedBy) ? t(`reached.by.${data.reachedBy}`) : '',
      from: isSeverity(data.from) ? tr(`severity.${data.from}`) : tr('severity.unset'),
      to: isSeverity(data.to) ? tr(`severity.${data.to}`) : '',
      kind: isReportKind(data.kind) ? tr(`kind.${data.kind}`, { seq: text(data.seq) }) : '',
      version: text(data.version),
      jurisdiction: text(data.jurisdictionName),
    });
  };

  return (
    <section className={styles.timelineBox} aria-labelledby="timeline-title">
      <h2 id="timeline-title" className={styles.sectionTitle}>
        {t('timeline.title')}
      </h2>
      {/* Scrolls when long: focusable, so a keyboard user can scroll it too (axe scrollable-region-focusable). */}
      <ol className={styles.timeline} data-testid="timeline" tabIndex={0} aria-labelledby="timeline-title">
        {[...entries].reverse().map((entry) => (
          <li
            key={entry.id}
            data-action={entry.action}
            className={isEscalationEntry(entry) ? escalationStyles.timelineEscalation : undefined}
          >
            <time dateTime={entry.at} className={styles.timelineTime}>
              {format.dateTime(new Date(entry.at), { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
            </time>
            <span>{describe(entry)}</span>
            {entry.arrivedAt && (
              <span className={styles.timelineLate} data-testid="timeline-late">
                {t(isReachedBy(entry.data.reachedBy) ? 'timeline.recordedLater' : 'timeline.arrivedLate', {
                  time: format.dateTime(new Date(entry.arrivedAt), { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
                })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
