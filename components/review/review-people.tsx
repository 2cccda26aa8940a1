import { getTranslations } from 'next-intl/server';
import { formatDuration, REVIEW_STEPS, type PersonReview } from '@/server/contracts/review';
import styles from './review.module.css';

/** Per person: sent → delivered → 收到 → en route → on scene → done, how each was reached and the escalation. */
export async function ReviewPeople({ people }: { people: PersonReview[] }) {
  const t = await getTranslations('review');
  const reasons = await getTranslations('escalation.reasons');
  return (
    <section className={styles.section} aria-labelledby="people-title">
      <h2 id="people-title">{t('people.title')}</h2>
      <p className={styles.muted}>{t('people.note')}</p>
      {people.length === 0 ? (
        <p className={styles.muted}>{t('people.empty')}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('people.person')}</th>
              <th scope="col">{t('people.role')}</th>
              {REVIEW_STEPS.map((step) => (
                <th scope="col" key={step} className={styles.num}>
                  {t(`people.${step}`)}
                </th>
              ))}
              <th scope="col">{t('people.reached')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr
                key={person.assignmentId}
                data-testid="review-person"
                data-person={person.userName}
                className={person.isStoodDown ? styles.stoodDown : undefined}
              >
                <th scope="row">
                  {person.userName}
                  {person.isBackup && <span className={styles.muted}> · {t('people.backup')}</span>}
                </th>
                <td>
                  {person.department} · {person.role}
                </td>
                {REVIEW_STEPS.map((step) => (
                  <td key={step} className={styles.num} data-step={step}>
                    {formatDuration(person.sinceSent[step])}
                  </td>
                ))}
                <td>
                  {person.isStoodDown ? (
                    t('people.stoodDown', { reason: person.stoodDownReason ?? '' })
                  ) : (
                    <>
                      {t(`reachedVia.${person.reachedVia}`)}
                      {person.officerReachedBy && `（${t(`reachedBy.${person.officerReachedBy}`)}）`}
                      {person.channels.length > 0 && (
                        <span className={styles.muted}> · {person.channels.map((channel) => t(`channels.${channel}`)).join('、')}</span>
                      )}
                    </>
                  )}
                  {person.escalations.length > 0 && (
                    <ul className={styles.escalations} aria-label={t('people.escalations')}>
                      {person.escalations.map((step) => (
                        <li key={`${step.level}-${step.at}`}>
                          {t('escalationLine', {
                            level: step.level,
                            step: t(`escalationSteps.${step.step}`),
                            after: formatDuration(step.afterSeconds),
                            who: step.notifiedName ?? '',
                          })}
                          {step.skipped && ` · ${t('skipped', { reason: reasons(step.skipped) })}`}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
