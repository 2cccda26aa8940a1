'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useSocket } from '@/components/realtime/use-socket';
import type { EscalationMessage } from '@/server/contracts/events';
import styles from './escalation-notices.module.css';

/** Steps that ask the person they reached to act on someone else's unanswered card. */
const ASKS_TO_ACT: ReadonlySet<EscalationMessage['step']> = new Set(['supervisor', 'duty_officer']);

/**
 * Issue 15: escalation step 3 said "已通知 杨光明" while 杨光明's open phone showed nothing. The
 * person a step reached now sees it on their own page, with what is expected of them: whose card
 * is unanswered, and a call button. Shown until dismissed; one notice per unanswered card.
 */
export function EscalationNotices({ userId }: { userId: string }) {
  const t = useTranslations('deliveryOutcome.supervisorAlert');
  const [notices, setNotices] = useState<EscalationMessage[]>([]);
  useSocket({
    'escalation:raised': (message) => {
      if (message.notifiedUserId !== userId || !ASKS_TO_ACT.has(message.step) || !message.assignee) return;
      setNotices((current) => [...current.filter((known) => known.assignmentId !== message.assignmentId), message]);
    },
    // 收到 by anyone stops the escalation: the notice has done its job.
    'assignment:updated': ({ assignment }) => {
      if (assignment.acknowledgedAt === null && assignment.closedAt === null) return;
      setNotices((current) => current.filter((known) => known.assignmentId !== assignment.id));
    },
  });
  if (notices.length === 0) return null;

  return (
    <div className={styles.notices}>
      {notices.map((notice) => (
        <section key={notice.assignmentId} className={styles.notice} role="alert" data-testid="escalation-notice" data-step={notice.step}>
          <p className={styles.title}>{t('title')}</p>
          <p className={styles.body}>{t('body', { assignee: notice.assignee!.name, role: notice.assignee!.role })}</p>
          <div className={styles.actions}>
            {notice.assignee!.phone && (
              <a className={styles.call} href={`tel:${notice.assignee!.phone}`}>
                {t('call', { assignee: notice.assignee!.name })}
              </a>
            )}
            <button
              type="button"
              className={styles.dismiss}
              onClick={() => setNotices((current) => current.filter((known) => known.assignmentId !== notice.assignmentId))}
            >
              {t('dismiss')}
            </button>
          </div>
        </section>
      ))}
    </div>
  );
}
