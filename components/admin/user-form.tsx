'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import {
  createUserInput,
  MANAGED_ROLES,
  updateUserInput,
  canHoldSignOff,
  type AdminUserView,
  type ManagedRole,
  type UserDirectory,
} from '@/server/contracts/admin';
import { callApi } from '../ui/api-client';
import { Button } from '../ui/button';
import { Alert, Card, FormField } from '../ui/form-field';
import styles from './admin.module.css';
import { departmentName } from './labels';
import { invalidProps, useFormErrors } from './use-form-errors';

const FIELDS = ['username', 'displayName', 'phone', 'role', 'departmentId', 'enterpriseId', 'password', 'isActive', 'canSignOff'];

type Props = {
  editing: AdminUserView | null;
  directory: Omit<UserDirectory, 'users'>;
  isSelf: boolean;
  onDone: (message: string) => void;
};

/** Creates an account, or edits `editing`. The department and enterprise controls follow the role. */
export function UserForm({ editing, directory, isSelf, onDone }: Props) {
  const t = useTranslations('admin.users');
  const tCommon = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const { errors, formError, reset, check, fail } = useFormErrors();
  const [role, setRole] = useState<ManagedRole>(editing?.role ?? 'field_staff');
  const [isBusy, setIsBusy] = useState(false);
  const isEnterprise = role === 'enterprise';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const value = (name: string) => String(form.get(name) ?? '');
    const common = {
      displayName: value('displayName'),
      phone: value('phone'),
      role,
      departmentId: isEnterprise ? null : value('departmentId') || null,
      enterpriseId: isEnterprise ? value('enterpriseId') || null : null,
      password: value('password'),
      canSignOff: canHoldSignOff(role) && form.get('canSignOff') === 'on',
    };
    const body = editing
      ? { ...common, userId: editing.id, isActive: isSelf || form.get('isActive') === 'on' }
      : { ...common, username: value('username') };
    if (!check(editing ? updateUserInput : createUserInput, body)) return;
    setIsBusy(true);
    const result = editing
      ? await callApi(`/api/admin/users/${editing.id}`, { method: 'PATCH', body })
      : await callApi('/api/admin/users', { body });
    setIsBusy(false);
    if (!result.ok) return fail(result, (field) => FIELDS.includes(field));
    reset();
    if (!editing) formElement.reset();
    onDone(editing ? t('updated', { name: common.displayName }) : t('created', { name: common.displayName }));
    router.refresh();
  }

  const id = (name: string) => `user-${name}`;
  return (
    <Card>
      <h2 className={styles.subtitle}>{editing ? t('editTitle', { name: editing.displayName }) : t('createTitle')}</h2>
      <form className={styles.form} onSubmit={onSubmit} noValidate data-testid="user-form">
        <FormField id={id('username')} label={t('username')} hint={editing ? undefined : t('usernameHint')} error={errors.username}>
          <input
            id={id('username')}
            name="username"
            defaultValue={editing?.username}
            readOnly={editing !== null}
            autoCapitalize="none"
            autoComplete="off"
            {...invalidProps(id('username'), errors.username)}
          />
        </FormField>
        <div className={styles.formRow}>
          <FormField id={id('displayName')} label={t('displayName')} error={errors.displayName}>
            <input
              id={id('displayName')}
              name="displayName"
              defaultValue={editing?.displayName}
              {...invalidProps(id('displayName'), errors.displayName)}
            />
          </FormField>
          <FormField id={id('phone')} label={t('phone')} error={errors.phone}>
            <input id={id('phone')} name="phone" type="tel" defaultValue={editing?.phone} {...invalidProps(id('phone'), errors.phone)} />
          </FormField>
        </div>
        <FormField id={id('role')} label={t('role')} error={errors.role}>
          <select
            id={id('role')}
            name="role"
            value={role}
            disabled={isSelf}
            onChange={(event) => setRole(event.target.value as ManagedRole)}
            {...invalidProps(id('role'), errors.role)}
          >
            {MANAGED_ROLES.map((option) => (
              <option key={option} value={option}>
                {tCommon(`roles.${option}`)}
              </option>
            ))}
          </select>
        </FormField>
        {isEnterprise ? (
          <FormField id={id('enterpriseId')} label={t('enterprise')} error={errors.enterpriseId}>
            <select
              id={id('enterpriseId')}
              name="enterpriseId"
              defaultValue={editing?.enterpriseId ?? ''}
              {...invalidProps(id('enterpriseId'), errors.enterpriseId)}
            >
              <option value="">{t('chooseEnterprise')}</option>
              {directory.enterprises.map((enterprise) => (
                <option key={enterprise.id} value={enterprise.id}>
                  {enterprise.name}
                </option>
              ))}
            </select>
          </FormField>
        ) : (
          <FormField
            id={id('departmentId')}
            label={t('department')}
            hint={role === 'field_staff' ? t('departmentRequiredHint') : t('departmentOptionalHint')}
            error={errors.departmentId}
          >
            <select
              id={id('departmentId')}
              name="departmentId"
              defaultValue={editing?.departmentId ?? ''}
              {...invalidProps(id('departmentId'), errors.departmentId)}
            >
              <option value="">{t('noDepartment')}</option>
              {directory.departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {departmentName(department, locale)}
                </option>
              ))}
            </select>
          </FormField>
        )}
        {canHoldSignOff(role) && (
          <label className={styles.checkbox}>
            <input type="checkbox" name="canSignOff" defaultChecked={editing?.canSignOff ?? false} data-testid="user-can-sign-off" />
            {t('canSignOff')}
          </label>
        )}
        <FormField
          id={id('password')}
          label={editing ? t('newPassword') : t('password')}
          hint={editing ? t('newPasswordHint') : t('passwordHint')}
          error={errors.password}
        >
          <input
            id={id('password')}
            name="password"
            type="password"
            autoComplete="new-password"
            {...invalidProps(id('password'), errors.password)}
          />
        </FormField>
        {editing && (
          <>
            <label className={styles.checkbox}>
              <input type="checkbox" name="isActive" defaultChecked={editing.isActive} disabled={isSelf} data-testid="user-active" />
              {t('isActive')}
            </label>
            {errors.isActive && <Alert>{errors.isActive}</Alert>}
            <p className={styles.muted}>{isSelf ? t('selfHint') : t('deactivateHint')}</p>
          </>
        )}
        {formError && <Alert>{formError}</Alert>}
        <div className={styles.formButtons}>
          <Button type="submit" variant="primary" disabled={isBusy} data-testid="user-save">
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
