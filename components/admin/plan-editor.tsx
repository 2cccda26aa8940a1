'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { MAX_PLAN_ROLES, planFields, type DepartmentOption } from '@/server/contracts/admin';
import type { PlanView } from '@/server/contracts/views';
import { DEFAULT_DRILL_TARGETS } from '@/server/contracts/drill-targets';
import { callApi } from '../ui/api-client';
import { Button } from '../ui/button';
import { Alert, Card, FormField, Notice } from '../ui/form-field';
import adminStyles from './admin.module.css';
import { bodyOf, draftOf, emptyDraft, moved, type RoleDraft, type StaffOption } from './plan-drafts';
import { IncidentTypeField } from './incident-type-field';
import { PlanRoleEditor } from './plan-role-editor';
import { DrillTargetsField } from './drill-targets-field';
import styles from './plan-editor.module.css';
import { invalidProps, useFormErrors } from './use-form-errors';

type Props = { plan: PlanView | null; departments: DepartmentOption[]; staff: StaffOption[] };

/** Edits a whole plan: its header and the ordered role list, saved together in one request. */
export function PlanEditor({ plan, departments, staff }: Props) {
  const t = useTranslations('admin.planEditor');
  const router = useRouter();
  const { errors, formError, reset, check, fail } = useFormErrors();
  const [header, setHeader] = useState({
    name: plan?.name ?? '',
    incidentType: plan?.incidentType ?? '',
    description: plan?.description ?? '',
  });
  const [targets, setTargets] = useState(plan?.targets ?? DEFAULT_DRILL_TARGETS);
  const [roles, setRoles] = useState<RoleDraft[]>(() => plan?.roles.map(draftOf) ?? []);
  const [isBusy, setIsBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // A message for "roles.2.memberIds.0" belongs to the whole member list of role 2.
  const errorFor = (path: string) => errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];

  function changeRoles(next: RoleDraft[], isReshaped = false) {
    setRoles(next);
    setNotice(null);
    // Messages are keyed by position; after a move or removal they would point at the wrong role.
    if (isReshaped) reset();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    // A long form: bring the first marked field into view once the messages have rendered.
    const focusFirstInvalid = () =>
      window.requestAnimationFrame(() => {
        const field = formElement.querySelector<HTMLElement>('[aria-invalid="true"]');
        field?.scrollIntoView({ block: 'center' });
        field?.focus({ preventScroll: true });
      });
    setNotice(null);
    const body = { ...header, targets, roles: roles.map(bodyOf) };
    if (!check(planFields, body)) return focusFirstInvalid();
    setIsBusy(true);
    const result = plan
      ? await callApi<PlanView>(`/api/admin/plans/${plan.id}`, { method: 'PUT', body })
      : await callApi<PlanView>('/api/admin/plans', { body });
    setIsBusy(false);
    if (!result.ok) {
      fail(result, (field) => field !== 'planId');
      return focusFirstInvalid();
    }
    reset();
    if (!plan) {
      router.push(`/admin/plans/${result.data.id}?created=1`);
      return;
    }
    // Saved roles now have ids; keep them so the next save updates rather than recreates.
    setRoles(result.data.roles.map(draftOf));
    setNotice(t('saved'));
    router.refresh();
  }

  const headerField = (name: keyof typeof header) => ({
    id: `plan-${name}`,
    name,
    value: header[name],
    onChange: (event: { target: { value: string } }) => setHeader({ ...header, [name]: event.target.value }),
    ...invalidProps(`plan-${name}`, errors[name]),
  });

  return (
    <form className={styles.editor} onSubmit={onSubmit} noValidate data-testid="plan-editor">
      <Card>
        <div className={adminStyles.formRow}>
          <FormField id="plan-name" label={t('name')} error={errors.name}>
            <input {...headerField('name')} data-testid="plan-name" />
          </FormField>
          <div>
            <IncidentTypeField
              value={header.incidentType}
              error={errors.incidentType}
              onChange={(incidentType) => setHeader({ ...header, incidentType })}
            />
          </div>
        </div>
        <FormField id="plan-description" label={t('description')} error={errors.description}>
          <textarea {...headerField('description')} rows={2} />
        </FormField>
        {plan && !plan.isActive && <p className={styles.hint}>{t('inactiveHint')}</p>}
      </Card>

      <DrillTargetsField targets={targets} errorFor={(key) => errors[`targets.${key}`]} onChange={setTargets} />

      <h2 className={adminStyles.subtitle}>{t('rolesTitle', { count: roles.length })}</h2>
      {roles.map((draft, index) => (
        <PlanRoleEditor
          key={draft.key}
          index={index}
          count={roles.length}
          draft={draft}
          departments={departments}
          staff={staff}
          errorFor={(field) => errorFor(`roles.${index}.${field}`)}
          onChange={(next) => changeRoles(roles.map((role, position) => (position === index ? next : role)))}
          onMove={(offset) => changeRoles(moved(roles, index, offset), true)}
          onRemove={() =>
            changeRoles(
              roles.filter((_, position) => position !== index),
              true,
            )
          }
        />
      ))}
      {errors.roles && <Alert>{errors.roles}</Alert>}
      <div>
        <Button
          onClick={() => changeRoles([...roles, emptyDraft(roles.at(-1)?.departmentId ?? departments[0]?.id ?? '')])}
          disabled={roles.length >= MAX_PLAN_ROLES || departments.length === 0}
          data-testid="plan-role-add"
        >
          {t('addRole')}
        </Button>
      </div>

      <div className={styles.saveBar}>
        {formError && <Alert>{formError}</Alert>}
        {notice && <Notice>{notice}</Notice>}
        <div className={adminStyles.formButtons}>
          <Button type="submit" variant="primary" disabled={isBusy} data-testid="plan-save">
            {plan ? t('save') : t('create')}
          </Button>
          <Link className={adminStyles.linkButton} href="/admin/plans">
            {t('backToList')}
          </Link>
        </div>
      </div>
    </form>
  );
}
