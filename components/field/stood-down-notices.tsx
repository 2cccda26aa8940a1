'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState, type RefObject } from 'react';
import type { RoleCard } from '@/server/contracts/dispatch';
import type { StoodDownCard } from '@/server/contracts/events';
import styles from './field.module.css';

export type StoodDownNotice = { assignmentId: string; role: string | null; reason: string | null };

/**
 * 已撤回 on the phone: the card leaves at once and a full notice says so, with the reason, until
 * the person has seen it; from the push, or from the sync answer of a phone that was away.
 */
export function useStoodDownNotices(cardsRef: RefObject<RoleCard[]>, updateCards: (change: (current: RoleCard[]) => RoleCard[]) => void) {
  const [notices, setNotices] = useState<StoodDownNotice[]>([]);
  const standDown = useCallback(
    ({ assignmentId, reason }: Pick<StoodDownCard, 'assignmentId' | 'reason'>) => {
      const card = cardsRef.current?.find((c) => c.assignmentId === assignmentId);
      setNotices((current) => [
        ...current.filter((n) => n.assignmentId !== assignmentId),
        { assignmentId, role: card?.roleName ?? null, reason },
      ]);
      updateCards((current) => current.filter((c) => c.assignmentId !== assignmentId));
    },
    [cardsRef, updateCards],
  );
  const dismiss = useCallback(
    (assignmentId: string) => setNotices((current) => current.filter((n) => n.assignmentId !== assignmentId)),
    [],
  );
  return { notices, standDown, dismiss };
}

export function StoodDownNotices({ notices, dismiss }: { notices: StoodDownNotice[]; dismiss: (assignmentId: string) => void }) {
  const t = useTranslations('reinforce');
  if (notices.length === 0) return null;
  return (
    <div className={styles.notices}>
      {notices.map((notice) => (
        <div
          key={notice.assignmentId}
          className={styles.liftedNotice}
          data-testid="stood-down-notice"
          data-assignment-id={notice.assignmentId}
          role="alert"
        >
          <p className={styles.liftedTitle}>{t('noticeTitle')}</p>
          <p className={styles.liftedBody}>{notice.role ? t('noticeBody', { role: notice.role }) : t('noticeBodyUnknownRole')}</p>
          {notice.reason && (
            <p className={styles.liftedReason} data-testid="stood-down-notice-reason">
              {t('noticeReason', { reason: notice.reason })}
            </p>
          )}
          <button type="button" className={styles.dismissButton} onClick={() => dismiss(notice.assignmentId)}>
            {t('noticeDismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
