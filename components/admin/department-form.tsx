'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { departmentFields, updateDepartmentInput, type DepartmentView } from '@/server/contracts/admin';
import { callApi } from '../ui/api-client';
import { Button } from '../ui/button';
import { Alert, Card, FormField } from '../ui/form-field';
import styles from './admin.module.css';
import { SupervisorField } from './supervisor-field';
import { invalidProps, useFormErrors } from './use-form-errors';

const FIELDS = ['code', 'name', 'nameEn'] as const;

/** Creates a department, or edits `editing` when given. */
export function DepartmentForm({ editing, onDone }: { editing: DepartmentView | null; onDone: (message: string) => void }) {
  const t = useTranslations('admin.departments');
  const tCommon = useTranslations('common');
  const router = useRouter();
  const { errors, formError, reset, check, fail } = useFormErrors();
  const [isBusy, setIsBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fields = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? '')]));
    // Only an existing department has people to choose a supervisor from.
    const body = editing ? { ...fields, departmentId: editing.id, supervisorId: String(form.get('supervisorId') ?? '') || null } : fields;
    if (!check(editing ? updateDepartmentInput : departmentFields, body)) return;
    setIsBusy(true);
    const result = editing
      ? await callApi(`/api/admin/departments/${editing.id}`, { method: 'PATCH', body })
      : await callApi('/api/admin/departments', { body });
    setIsBusy(false);
    if (!result.ok) return fail(result, (field) => (FIELDS as readonly string[]).includes(field) || field === 'supervisorId');
    reset();
    if (!editing) formElement.reset();
    onDone(editing ? t('updated') : t('created'));
    router.refresh();
  }

  return (
    <Card>
      <h2 className={styles.subtitle}>{editing ? t('editTitle', { name: editing.name }) : t('createTitle')}</h2>
      {/* The key remounts the form so its defaults follow the row being edited. */}
      <form key={editing?.id ?? 'new'} className={styles.form} onSubmit={onSubmit} noValidate data-testid="department-form">
        <FormField id="department-code" label={t('code')} hint={t('codeHint')} error={errors.code}>
          <input
            id="department-code"
            name="code"
            defaultValue={editing?.code}
            autoCapitalize="none"
            {...invalidProps('department-code', errors.code)}
          />
        </FormField>
        <FormField id="department-name" label={t('name')} error={errors.name}>
          <input id="department-name" name="name" defaultValue={editing?.name} {...invalidProps('department-name', errors.name)} />
        </FormField>
        <FormField id="department-name-en" label={t('nameEn')} error={errors.nameEn}>
          <input
            id="department-name-en"
            name="nameEn"
            defaultValue={editing?.nameEn}
            {...invalidProps('department-name-en', errors.nameEn)}
          />
        </FormField>
        <SupervisorField department={editing} error={errors.supervisorId} />
        {formError && <Alert>{formError}</Alert>}
        <div className={styles.formButtons}>
          <Button type="submit" variant="primary" disabled={isBusy} data-testid="department-save">
            {editing ? tCommon('save') : t('create')}
          </Button>
          {editing && (
            <Button onClick={() => onDone('')} disabled={isBusy}>
              {tCommon('cancel')}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
