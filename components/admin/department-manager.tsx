'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { DepartmentView } from '@/server/contracts/admin';
import { callApi } from '../ui/api-client';
import { Button } from '../ui/button';
import { Alert, Card, Notice } from '../ui/form-field';
import { AdminTable } from './admin-table';
import styles from './admin.module.css';
import { revealForm } from './reveal-form';
import { DepartmentForm } from './department-form';

export function DepartmentManager({ departments }: { departments: DepartmentView[] }) {
  const t = useTranslations('admin.departments');
  const tAdmin = useTranslations('admin');
  const tCommon = useTranslations('common');
  const tEscalation = useTranslations('escalation.department');
  const router = useRouter();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editing = departments.find((department) => department.id === editingId) ?? null;

  async function remove(department: DepartmentView) {
    if (!window.confirm(t('confirmDelete', { name: department.name }))) return;
    setError(null);
    const result = await callApi(`/api/admin/departments/${department.id}`, { method: 'DELETE' });
    if (!result.ok) {
      setError(result.status === 0 ? tAdmin('networkError') : result.error.message);
      return;
    }
    if (editingId === department.id) setEditingId(null);
    setNotice(t('deleted', { name: department.name }));
    router.refresh();
  }

  return (
    <div className={styles.split}>
      <Card>
        <div className={styles.stack}>
          {notice && <Notice>{notice}</Notice>}
          {error && <Alert>{error}</Alert>}
          <AdminTable headings={[t('code'), t('name'), t('nameEn'), tEscalation('supervisorColumn'), t('userCount'), t('roleCount')]}>
            {departments.map((department) => {
              const isInUse = department.userCount > 0 || department.roleCount > 0;
              return (
                <tr
                  key={department.id}
                  aria-selected={department.id === editingId}
                  data-testid="department-row"
                  data-code={department.code}
                >
                  <td className={styles.mono}>{department.code}</td>
                  <td>{department.name}</td>
                  <td>{department.nameEn}</td>
                  <td data-testid="department-supervisor-name">
                    {department.staff.find((person) => person.id === department.supervisorId)?.name ?? '—'}
                  </td>
                  <td>{department.userCount}</td>
                  <td>{department.roleCount}</td>
                  <td>
                    <div className={styles.actions}>
                      <Button
                        onClick={() => {
                          setNotice(null);
                          setEditingId(department.id);
                          revealForm('department-form');
                        }}
                      >
                        {tCommon('edit')}
                      </Button>
                      <Button
                        variant="danger"
                        onClick={() => remove(department)}
                        disabled={isInUse}
                        title={isInUse ? t('inUseHint') : undefined}
                        data-testid="department-delete"
                      >
                        {tCommon('delete')}
                      </Button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </AdminTable>
          {departments.length === 0 && <p className={styles.muted}>{t('empty')}</p>}
          <p className={styles.muted}>{t('inUseHint')}</p>
        </div>
      </Card>
      <DepartmentForm
        editing={editing}
        onDone={(message) => {
          setEditingId(null);
          setNotice(message || null);
        }}
      />
    </div>
  );
}
