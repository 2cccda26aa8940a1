'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '../ui/badge';
import { moved, type StaffOption } from './plan-drafts';
import styles from './plan-editor.module.css';

type Props = {
  id: string;
  staff: StaffOption[];
  memberIds: string[];
  error?: string;
  onChange: (memberIds: string[]) => void;
};

/** Pre-assigned people of the role's department, in paging priority; only that department is offered. */
export function MemberPicker({ id, staff, memberIds, error, onChange }: Props) {
  const t = useTranslations('admin.planEditor');
  const byId = new Map(staff.map((person) => [person.id, person]));
  const remaining = staff.filter((person) => !memberIds.includes(person.id));

  return (
    <div className={styles.members}>
      <span className={styles.membersLabel} id={`${id}-label`}>
        {t('members')}
      </span>
      <ol className={styles.memberList} aria-labelledby={`${id}-label`}>
        {memberIds.map((memberId, index) => {
          const person = byId.get(memberId);
          return (
            <li key={memberId} className={styles.member} data-testid="plan-member">
              <span className={styles.memberName}>{person ? `${person.displayName} (${person.username})` : t('unknownMember')}</span>
              {person && <Badge tone={person.isOnDuty ? 'success' : 'neutral'}>{person.isOnDuty ? t('onDuty') : t('offDuty')}</Badge>}
              <span className={styles.memberButtons}>
                <button
                  type="button"
                  onClick={() => onChange(moved(memberIds, index, -1))}
                  disabled={index === 0}
                  aria-label={t('memberUp')}
                >
                  ↑
                </button>
                <button
                  type="button"
                  onClick={() => onChange(moved(memberIds, index, 1))}
                  disabled={index === memberIds.length - 1}
                  aria-label={t('memberDown')}
                >
                  ↓
                </button>
                <button
                  type="button"
                  onClick={() => onChange(memberIds.filter((other) => other !== memberId))}
                  aria-label={t('memberRemove')}
                >
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {memberIds.length === 0 && <p className={styles.hint}>{t('noMembers')}</p>}
      <select
        id={id}
        value=""
        aria-label={t('addMember')}
        disabled={remaining.length === 0}
        onChange={(event) => event.target.value && onChange([...memberIds, event.target.value])}
        data-testid="plan-member-add"
        {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
      >
        <option value="">{remaining.length === 0 ? t('noMoreStaff') : t('addMember')}</option>
        {remaining.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName} ({person.username}) · {person.isOnDuty ? t('onDuty') : t('offDuty')}
          </option>
        ))}
      </select>
      <p className={styles.hint}>{t('membersHint')}</p>
      {error && (
        <span className={styles.error} role="alert" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
