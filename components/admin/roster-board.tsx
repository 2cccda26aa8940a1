'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { RosterDepartment, RosterPerson } from '@/server/contracts/admin';
import { useNow } from '@/components/ui/use-now';
import { callApi } from '../ui/api-client';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Alert, Card } from '../ui/form-field';
import { departmentName } from './labels';
import { Since } from './since';
import styles from './roster.module.css';

/** Who is paged now, per department; one tap puts a person on or off duty. */
export function RosterBoard({ initial }: { initial: RosterDepartment[] }) {
  const t = useTranslations('admin.roster');
  const tAdmin = useTranslations('admin');
  const locale = useLocale();
  const now = useNow(30_000);
  const [roster, setRoster] = useState(initial);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function toggle(person: RosterPerson) {
    setBusyId(person.id);
    setError(null);
    const result = await callApi<RosterPerson>(`/api/admin/roster/${person.id}`, { method: 'PUT', body: { isOnDuty: !person.isOnDuty } });
    setBusyId(null);
    if (!result.ok) {
      setError(result.status === 0 ? tAdmin('networkError') : result.error.message);
      return;
    }
    const { isOnDuty, dutyChangedAt } = result.data;
    setRoster((current) =>
      current.map((department) => ({
        ...department,
        people: department.people.map((candidate) => (candidate.id === person.id ? { ...candidate, isOnDuty, dutyChangedAt } : candidate)),
      })),
    );
  }

  return (
    <>
      {error && <Alert>{error}</Alert>}
      <div className={styles.departments}>
        {roster.map((department) => {
          const onDuty = department.people.filter((person) => person.isOnDuty).length;
          return (
            <Card key={department.id}>
              <section data-testid="roster-department" data-code={department.code} aria-labelledby={`roster-${department.id}`}>
                <div className={styles.departmentHead}>
                  <h2 className={styles.departmentName} id={`roster-${department.id}`}>
                    {departmentName(department, locale)}
                  </h2>
                  <Badge tone={onDuty > 0 ? 'success' : 'danger'}>
                    {t('onDutyCount', { count: onDuty, total: department.people.length })}
                  </Badge>
                </div>
                {department.people.length === 0 && <p className={styles.empty}>{t('noStaff')}</p>}
                <ul className={styles.people}>
                  {department.people.map((person) => (
                    <li
                      key={person.id}
                      className={styles.person}
                      data-testid="roster-row"
                      data-username={person.username}
                      data-on-duty={String(person.isOnDuty)}
                    >
                      <span className={[styles.dot, person.isOnDuty ? styles.dotOn : ''].join(' ')} aria-hidden="true" />
                      <span className={styles.personMain}>
                        <span className={styles.personName}>
                          {person.displayName} <span className={styles.personMeta}>{person.username}</span>
                        </span>
                        <span className={styles.personMeta}>
                          {person.isOnDuty ? t('onDuty') : t('offDuty')} · <Since at={person.dutyChangedAt} now={now} />
                        </span>
                        {person.phone && (
                          <a className={styles.personMeta} href={`tel:${person.phone}`}>
                            {person.phone}
                          </a>
                        )}
                      </span>
                      <Button
                        className={styles.toggle}
                        variant={person.isOnDuty ? 'default' : 'primary'}
                        disabled={busyId === person.id}
                        onClick={() => toggle(person)}
                        aria-label={
                          person.isOnDuty
                            ? t('setOffDutyFor', { name: person.displayName })
                            : t('setOnDutyFor', { name: person.displayName })
                        }
                        data-testid="roster-toggle"
                      >
                        {person.isOnDuty ? t('setOffDuty') : t('setOnDuty')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </section>
            </Card>
          );
        })}
      </div>
    </>
  );
}
