'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { PlanView } from '@/server/contracts/views';
import { PresenceDot } from './presence-dot';
import { planReach, type Candidate } from './role-reach';
import type { Presence } from './use-presence';
import styles from './dispatch.module.css';
import reach from './presence.module.css';

// Enough names to decide at a glance; a big department's tail is a count.
const SHOWN_CANDIDATES = 6;

/**
 * Who will be paged, and whether their phones are online, BEFORE the officer presses: per role
 * the people the press would page, then stand-ins (pre-assigned but off duty, other on-duty
 * staff), with a count of reachable people; a role nobody reachable would get is shown red.
 */
export function PlanRoles({ plan, presence }: { plan: PlanView; presence: Presence }) {
  const t = useTranslations('delivery');
  const locale = useLocale();
  const required = plan.roles.reduce((sum, role) => sum + role.requiredCount, 0);
  const rows = planReach(plan.roles, presence.people, presence.stateOf);

  return (
    <section className={styles.roles} aria-labelledby="plan-roles-title" data-testid="plan-roles">
      <h3 id="plan-roles-title" className={styles.rolesTitle}>
        {t('reach.title', { count: required })}
      </h3>
      <p className={reach.reachHint}>{t('reach.hint')}</p>
      <table className={styles.rolesTable}>
        <thead>
          <tr>
            <th scope="col">{t('reach.role')}</th>
            <th scope="col" className={styles.numeric}>
              {t('reach.reachable')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ role, candidates, paged, reachable: roleReachable, standbyOnline }) => {
            const level = roleReachable === 0 ? 'none' : roleReachable < role.requiredCount ? 'some' : 'enough';
            const pagedPeople = candidates.filter((c) => c.isPaged);
            const standIns = candidates.filter((c) => !c.isPaged);
            const shownStandIns = standIns.slice(0, Math.max(0, SHOWN_CANDIDATES - pagedPeople.length));
            return (
              <tr key={role.id} className={reach.roleRow} data-testid="plan-role" data-reach={level} data-reachable={roleReachable}>
                <td>
                  <div className={reach.roleName}>
                    <span className={reach.roleDepartment} data-testid="plan-role-department">
                      {locale === 'en' ? role.departmentEn : role.department}
                    </span>
                    <strong>{role.name}</strong>
                  </div>
                  <ul className={reach.candidates} aria-label={t('reach.paged')}>
                    {pagedPeople.map((candidate) => (
                      <CandidateChip key={candidate.person.userId} candidate={candidate} isLive={presence.isLive} />
                    ))}
                  </ul>
                  {standIns.length > 0 && (
                    <ul className={reach.standIns} aria-label={t('reach.standIns')}>
                      <li className={reach.standInsLabel} aria-hidden="true">
                        {t('reach.standIns')}
                      </li>
                      {shownStandIns.map((candidate) => (
                        <CandidateChip key={candidate.person.userId} candidate={candidate} isLive={presence.isLive} />
                      ))}
                      {standIns.length > shownStandIns.length && (
                        <li className={reach.more}>{t('reach.more', { count: standIns.length - shownStandIns.length })}</li>
                      )}
                    </ul>
                  )}
                  {paged === 0 && <p className={reach.roleWarning}>{t('reach.nobody')}</p>}
                  {paged > 0 && level === 'none' && <p className={reach.roleWarning}>{t('reach.noneReachable')}</p>}
                  {paged > 0 && level === 'some' && <p className={reach.roleNotice}>{t('reach.someReachable')}</p>}
                  {level !== 'enough' && standbyOnline > 0 && (
                    <p className={reach.roleNotice}>{t('reach.standInsOnline', { count: standbyOnline })}</p>
                  )}
                </td>
                <td className={`${styles.numeric} ${reach.reachCount}`}>
                  {t('reach.reachableCount', { reachable: roleReachable, required: role.requiredCount })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function CandidateChip({ candidate, isLive }: { candidate: Candidate; isLive: boolean }) {
  const t = useTranslations('delivery');
  const { person, isPreassigned, isPaged } = candidate;
  const common = { 'data-testid': 'candidate', 'data-username': person.username, 'data-paged': String(isPaged) };
  if (!person.isOnDuty) {
    return (
      <li className={reach.candidateOffDuty} {...common} data-on-duty="false">
        <span aria-hidden="true">{person.displayName}</span>
        <span className={reach.tag} aria-hidden="true">
          {t('reach.offDuty')}
        </span>
        <span className={reach.srOnly}>{t('reach.offDutyLabel', { name: person.displayName })}</span>
      </li>
    );
  }
  const tone = isPaged ? (candidate.isOnline ? reach.candidateOnline : reach.candidateOffline) : reach.candidateStandIn;
  return (
    <li className={tone} {...common} data-on-duty="true" data-online={String(candidate.isOnline)}>
      <PresenceDot name={person.displayName} state={candidate.state} isLive={isLive} isCompact />
      <span aria-hidden="true">{person.displayName}</span>
      {isPreassigned && <span className={reach.tag}>{t('reach.preassigned')}</span>}
    </li>
  );
}
