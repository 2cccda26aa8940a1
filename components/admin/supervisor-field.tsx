'use client';

import { useTranslations } from 'next-intl';
import type { DepartmentView } from '@/server/contracts/admin';
import { FormField } from '../ui/form-field';
import styles from './admin.module.css';
import { invalidProps } from './use-form-errors';

/** The department's supervisor (escalation step 3), chosen among its own active field staff. */
export function SupervisorField({ department, error }: { department: DepartmentView | null; error?: string }) {
  const t = useTranslations('escalation.department');
  if (!department) return <p className={styles.muted}>{t('createFirst')}</p>;
  return (
    <FormField id="department-supervisor" label={t('supervisor')} hint={t('supervisorHint')} error={error}>
      <select
        id="department-supervisor"
        name="supervisorId"
        defaultValue={department.supervisorId ?? ''}
        data-testid="department-supervisor"
        {...invalidProps('department-supervisor', error)}
      >
        <option value="">{t('noSupervisor')}</option>
        {department.staff.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </FormField>
  );
}
