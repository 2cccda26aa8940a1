'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { PlanView } from '@/server/contracts/views';
import { IncidentTypeLabel } from '@/components/ui/incident-type-label';
import { callApi } from '../ui/api-client';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Alert, Card } from '../ui/form-field';
import { AdminTable } from './admin-table';
import styles from './admin.module.css';

export function PlanList({ plans }: { plans: PlanView[] }) {
  const t = useTranslations('admin.plans');
  const tAdmin = useTranslations('admin');
  const router = useRouter();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function setActive(plan: PlanView, isActive: boolean) {
    setBusyId(plan.id);
    setError(null);
    const result = await callApi(`/api/admin/plans/${plan.id}/active`, { method: 'PUT', body: { isActive } });
    setBusyId(null);
    if (!result.ok) {
      setError(result.status === 0 ? tAdmin('networkError') : result.error.message);
      return;
    }
    router.refresh();
  }

  return (
    <Card>
      <div className={styles.stack}>
        {error && <Alert>{error}</Alert>}
        <AdminTable headings={[t('name'), t('incidentType'), t('roles'), t('people'), t('status')]}>
          {plans.map((plan) => (
            <tr key={plan.id} className={plan.isActive ? undefined : styles.inactive} data-testid="plan-row">
              <td>
                <Link href={`/admin/plans/${plan.id}`}>{plan.name}</Link>
              </td>
              <td>
                <IncidentTypeLabel type={plan.incidentType} />
              </td>
              <td>{plan.roles.length}</td>
              <td>{plan.roles.reduce((sum, role) => sum + role.requiredCount, 0)}</td>
              <td>{plan.isActive ? <Badge tone="success">{t('active')}</Badge> : <Badge>{t('inactive')}</Badge>}</td>
              <td>
                <div className={styles.actions}>
                  <Link className={styles.linkButton} href={`/admin/plans/${plan.id}`}>
                    {t('edit')}
                  </Link>
                  <Button disabled={busyId === plan.id} onClick={() => setActive(plan, !plan.isActive)} data-testid="plan-active-toggle">
                    {plan.isActive ? t('deactivate') : t('activate')}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </AdminTable>
        {plans.length === 0 && <p className={styles.muted}>{t('empty')}</p>}
      </div>
    </Card>
  );
}
