'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ReceptorView } from '@/server/contracts/receptors';
import { callApi } from '../ui/api-client';
import { Button } from '../ui/button';
import { Alert, Card, Notice } from '../ui/form-field';
import { AdminTable } from './admin-table';
import styles from './admin.module.css';
import { ReceptorForm } from './receptor-form';
import { revealForm } from './reveal-form';

/** The jurisdiction's 环境敏感目标: a table to edit or delete from, and the form beside it. */
export function ReceptorManager({ receptors }: { receptors: ReceptorView[] }) {
  const t = useTranslations('receptors');
  const tAdmin = useTranslations('admin');
  const tCommon = useTranslations('common');
  const router = useRouter();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editing = receptors.find((receptor) => receptor.id === editingId) ?? null;

  async function remove(receptor: ReceptorView) {
    if (!window.confirm(t('confirmDelete', { name: receptor.name }))) return;
    setError(null);
    const result = await callApi(`/api/admin/receptors/${receptor.id}`, { method: 'DELETE' });
    if (!result.ok) {
      setError(result.status === 0 ? tAdmin('networkError') : result.error.message);
      return;
    }
    if (editingId === receptor.id) setEditingId(null);
    setNotice(t('deleted', { name: receptor.name }));
    router.refresh();
  }

  return (
    <div className={styles.split}>
      <Card>
        <div className={styles.stack}>
          {notice && <Notice>{notice}</Notice>}
          {error && <Alert>{error}</Alert>}
          <AdminTable headings={[t('kind'), t('name'), t('coordinates'), t('note')]}>
            {receptors.map((receptor) => (
              <tr key={receptor.id} aria-selected={receptor.id === editingId} data-testid="receptor-row">
                <td>{t(`kinds.${receptor.kind}`)}</td>
                <td>{receptor.name}</td>
                <td className={styles.mono}>
                  {receptor.location.lat.toFixed(4)}, {receptor.location.lng.toFixed(4)}
                </td>
                <td>{receptor.note}</td>
                <td>
                  <div className={styles.actions}>
                    <Button
                      onClick={() => {
                        setNotice(null);
                        setEditingId(receptor.id);
                        revealForm('receptor-form');
                      }}
                    >
                      {tCommon('edit')}
                    </Button>
                    <Button variant="danger" onClick={() => remove(receptor)} data-testid="receptor-delete">
                      {tCommon('delete')}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </AdminTable>
          {receptors.length === 0 && <p className={styles.muted}>{t('empty')}</p>}
        </div>
      </Card>
      <ReceptorForm
        editing={editing}
        onDone={(message) => {
          setEditingId(null);
          setNotice(message || null);
        }}
      />
    </div>
  );
}
