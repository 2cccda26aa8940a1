'use client';

import { RequiresPhotoField } from '@/components/field-reports/requires-photo-field';
import { useLocale, useTranslations } from 'next-intl';
import { MAX_REQUIRED_COUNT, type DepartmentOption } from '@/server/contracts/admin';
import { Button } from '../ui/button';
import { FormField } from '../ui/form-field';
import { EscalationPolicyEditor } from './escalation-policy-editor';
import { departmentName } from './labels';
import { MemberPicker } from './member-picker';
import type { RoleDraft, StaffOption } from './plan-drafts';
import styles from './plan-editor.module.css';
import { RoleMaterialsEditor } from '@/components/materials/role-materials-editor';

type Props = {
  index: number;
  count: number;
  draft: RoleDraft;
  departments: DepartmentOption[];
  staff: StaffOption[];
  errorFor: (field: string) => string | undefined;
  onChange: (draft: RoleDraft) => void;
  onMove: (offset: number) => void;
  onRemove: () => void;
};

export function PlanRoleEditor({ index, count, draft, departments, staff, errorFor, onChange, onMove, onRemove }: Props) {
  const t = useTranslations('admin.planEditor');
  const locale = useLocale();
  const id = (field: string) => `role-${draft.key}-${field}`;
  const department = departments.find((candidate) => candidate.id === draft.departmentId);

  function field(name: 'name' | 'instructions' | 'materials' | 'targetLabel' | 'targetLat' | 'targetLng' | 'requiredCount') {
    const error = errorFor(name);
    return {
      id: id(name),
      value: draft[name],
      onChange: (event: { target: { value: string } }) => onChange({ ...draft, [name]: event.target.value }),
      ...(error ? { 'aria-invalid': true as const, 'aria-describedby': `${id(name)}-error` } : {}),
    };
  }

  return (
    <section className={styles.role} data-testid="plan-role" aria-labelledby={id('title')}>
      <header className={styles.roleHead}>
        <h3 className={styles.roleTitle} id={id('title')}>
          <span className={styles.roleNumber}>{index + 1}</span>
          {draft.name || t('untitledRole')}
          {department && <span className={styles.roleDepartment}>{departmentName(department, locale)}</span>}
        </h3>
        <div className={styles.roleButtons}>
          <Button onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('moveUp')} data-testid="plan-role-up">
            ↑
          </Button>
          <Button onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t('moveDown')} data-testid="plan-role-down">
            ↓
          </Button>
          <Button variant="danger" onClick={onRemove} data-testid="plan-role-remove">
            {t('removeRole')}
          </Button>
        </div>
      </header>
      <div className={styles.roleGrid}>
        <FormField id={id('departmentId')} label={t('department')} error={errorFor('departmentId')}>
          <select
            id={id('departmentId')}
            value={draft.departmentId}
            data-testid="plan-role-department"
            onChange={(event) => {
              const departmentId = event.target.value;
              // People of the old department cannot stay pre-assigned.
              const memberIds = draft.memberIds.filter(
                (memberId) => staff.find((person) => person.id === memberId)?.departmentId === departmentId,
              );
              onChange({ ...draft, departmentId, memberIds });
            }}
          >
            {departments.map((option) => (
              <option key={option.id} value={option.id}>
                {departmentName(option, locale)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('name')} label={t('roleName')} error={errorFor('name')}>
          <input {...field('name')} data-testid="plan-role-name" />
        </FormField>
        <FormField
          id={id('requiredCount')}
          label={t('requiredCount')}
          hint={t('requiredCountHint', { max: MAX_REQUIRED_COUNT })}
          error={errorFor('requiredCount')}
        >
          <input
            {...field('requiredCount')}
            type="number"
            min={1}
            max={MAX_REQUIRED_COUNT}
            inputMode="numeric"
            data-testid="plan-role-count"
          />
        </FormField>
      </div>
      <FormField id={id('instructions')} label={t('instructions')} error={errorFor('instructions')}>
        <textarea {...field('instructions')} rows={3} data-testid="plan-role-instructions" />
      </FormField>
      <FormField id={id('materials')} label={t('materials')} hint={t('materialsHint')} error={errorFor('materials')}>
        <textarea {...field('materials')} rows={Math.max(3, draft.materials.split('\n').length + 1)} />
      </FormField>
      <RoleMaterialsEditor planRoleId={draft.id} />
      <div className={styles.roleGrid}>
        <FormField id={id('targetLabel')} label={t('targetLabel')} error={errorFor('targetLabel')}>
          <input {...field('targetLabel')} data-testid="plan-role-target" />
        </FormField>
        <FormField id={id('targetLat')} label={t('targetLat')} error={errorFor('targetLat')}>
          <input {...field('targetLat')} inputMode="decimal" />
        </FormField>
        <FormField id={id('targetLng')} label={t('targetLng')} error={errorFor('targetLng')}>
          <input {...field('targetLng')} inputMode="decimal" />
        </FormField>
      </div>
      <p className={styles.hint}>{t('targetHint')}</p>
      <MemberPicker
        id={id('members')}
        staff={staff.filter((person) => person.departmentId === draft.departmentId)}
        memberIds={draft.memberIds}
        error={errorFor('memberIds')}
        onChange={(memberIds) => onChange({ ...draft, memberIds })}
      />
      <EscalationPolicyEditor
        id={id('escalation')}
        ackTimeoutSeconds={draft.ackTimeoutSeconds}
        steps={draft.escalationSteps}
        errorFor={errorFor}
        onChange={({ ackTimeoutSeconds, steps }) => onChange({ ...draft, ackTimeoutSeconds, escalationSteps: steps })}
      />
      <RequiresPhotoField
        id={id('requires-photo')}
        checked={draft.requiresPhoto}
        onChange={(requiresPhoto) => onChange({ ...draft, requiresPhoto })}
      />
    </section>
  );
}
