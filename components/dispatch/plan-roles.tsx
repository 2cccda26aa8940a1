'use client';

import { useTranslations } from 'next-intl';
import type { PlanView } from '@/server/plans/list-plans';
import styles from './dispatch.module.css';

/** Who will be paged: the plan's roles, so the officer sees the call-out before pressing. */
export function PlanRoles({ plan }: { plan: PlanView }) {
  const t = useTranslations('dashboard');
  const total = plan.roles.reduce((sum, role) => sum + role.requiredCount, 0);
  return (
    <section className={styles.roles} aria-labelledby="plan-roles-title" data-testid="plan-roles">
      <h3 id="plan-roles-title" className={styles.rolesTitle}>
        {t('roles.title', { count: total })}
      </h3>
      <table className={styles.rolesTable}>
        <thead>
          <tr>
            <th scope="col">{t('roles.department')}</th>
            <th scope="col">{t('roles.role')}</th>
            <th scope="col" className={styles.numeric}>
              {t('roles.required')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.roles.map((role) => (
            <tr key={role.id}>
              <td>{role.department}</td>
              <td>{role.name}</td>
              <td className={styles.numeric}>{role.requiredCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
