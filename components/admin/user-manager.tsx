'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { MANAGED_ROLES, type AdminUserView, type UserDirectory } from '@/server/contracts/admin';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, Notice } from '../ui/form-field';
import { AdminTable } from './admin-table';
import styles from './admin.module.css';
import { revealForm } from './reveal-form';
import { departmentName } from './labels';
import { UserForm } from './user-form';

export function UserManager({ directory, currentUserId }: { directory: UserDirectory; currentUserId: string }) {
  const t = useTranslations('admin.users');
  const tCommon = useTranslations('common');
  const locale = useLocale();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [roleFilter, setRoleFilter] = useState<string>('');
  const [notice, setNotice] = useState<string | null>(null);
  const editing = directory.users.find((user) => user.id === editingId) ?? null;
  const visible = directory.users.filter((user) => !roleFilter || user.role === roleFilter);

  function linkOf(user: AdminUserView) {
    if (user.enterpriseId) return directory.enterprises.find((enterprise) => enterprise.id === user.enterpriseId)?.name ?? '';
    const department = directory.departments.find((candidate) => candidate.id === user.departmentId);
    return department ? departmentName(department, locale) : '';
  }

  return (
    <div className={styles.split}>
      <Card>
        <div className={styles.stack}>
          {notice && <Notice>{notice}</Notice>}
          <label className={styles.muted}>
            {t('filter')}{' '}
            <select value={roleFilter} onChange={(event) => setRoleFilter(event.target.value)} data-testid="user-filter">
              <option value="">{t('allRoles')}</option>
              {MANAGED_ROLES.map((role) => (
                <option key={role} value={role}>
                  {tCommon(`roles.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <AdminTable headings={[t('username'), t('displayName'), t('phone'), t('role'), t('unit'), t('status')]}>
            {visible.map((user) => (
              <tr
                key={user.id}
                aria-selected={user.id === editingId}
                className={user.isActive ? undefined : styles.inactive}
                data-testid="user-row"
                data-username={user.username}
              >
                <td className={styles.mono}>{user.username}</td>
                <td>{user.displayName}</td>
                <td className={styles.nowrap}>{user.phone}</td>
                <td className={styles.nowrap}>{tCommon(`roles.${user.role}`)}</td>
                <td>{linkOf(user)}</td>
                <td className={styles.nowrap}>
                  {!user.isActive ? (
                    <Badge>{t('inactive')}</Badge>
                  ) : user.role === 'field_staff' ? (
                    <Badge tone={user.isOnDuty ? 'success' : 'neutral'}>{user.isOnDuty ? t('onDuty') : t('offDuty')}</Badge>
                  ) : (
                    <Badge tone="success">{t('active')}</Badge>
                  )}
                  {user.canSignOff && (
                    <>
                      {' '}
                      <Badge tone="warning">{t('signOffColumn')}</Badge>
                    </>
                  )}
                </td>
                <td>
                  <div className={styles.actions}>
                    <Button
                      onClick={() => {
                        setNotice(null);
                        setEditingId(user.id);
                        revealForm('user-form');
                      }}
                      data-testid="user-edit"
                    >
                      {tCommon('edit')}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </AdminTable>
        </div>
      </Card>
      <UserForm
        key={editing?.id ?? 'new'}
        editing={editing}
        directory={directory}
        isSelf={editing?.id === currentUserId}
        onDone={(message) => {
          setEditingId(null);
          setNotice(message || null);
        }}
      />
    </div>
  );
}
