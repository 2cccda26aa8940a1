'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { callApi } from '@/components/ui/api-client';
import type { MaterialUnit } from '@/server/contracts/materials';
import styles from './materials.module.css';

type Inventory = {
  items: { id: string; name: string; unit: MaterialUnit }[];
  requirements: { planRoleId: string; itemId: string; quantity: number }[];
};

/**
 * In the plan editor, under a saved role: what it needs from the depots (reserved at the trigger).
 * Saved on its own, at once; a role not saved yet has no id to attach it to.
 */
export function RoleMaterialsEditor({ planRoleId }: { planRoleId?: string }) {
  const t = useTranslations('materials');
  const [inventory, setInventory] = useState<Inventory | null>(null);
  const [rows, setRows] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (!planRoleId) return;
    void callApi<Inventory>('/api/admin/materials').then((result) => {
      if (!result.ok) return;
      setInventory(result.data);
      setRows(
        Object.fromEntries(
          result.data.requirements.filter((row) => row.planRoleId === planRoleId).map((row) => [row.itemId, String(row.quantity)]),
        ),
      );
    });
  }, [planRoleId]);

  if (!planRoleId) return <p className={styles.where}>{t('role.saveFirst')}</p>;
  if (!inventory) return null;

  const save = async () => {
    const materials = Object.entries(rows)
      .filter(([, quantity]) => quantity.trim() !== '' && quantity.trim() !== '0')
      .map(([itemId, quantity]) => ({ itemId, quantity: Number(quantity) }));
    const result = await callApi(`/api/admin/plan-roles/${planRoleId}/materials`, { method: 'PUT', body: { materials } });
    setMessage(result.ok ? { kind: 'ok', text: t('role.saved') } : { kind: 'error', text: result.error.message });
  };

  return (
    <fieldset className={styles.box} data-testid="role-materials">
      <legend>{t('role.title')}</legend>
      <ul className={styles.list}>
        {inventory.items.map((item) => (
          <li key={item.id} className={styles.row}>
            <label htmlFor={`need-${planRoleId}-${item.id}`}>
              {item.name} ({t(`unit.${item.unit}`)})
            </label>
            <input
              id={`need-${planRoleId}-${item.id}`}
              className={styles.input}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={rows[item.id] ?? ''}
              onChange={(event) => setRows((current) => ({ ...current, [item.id]: event.target.value }))}
            />
          </li>
        ))}
      </ul>
      <button type="button" className={styles.button} onClick={() => void save()}>
        {t('role.save')}
      </button>
      {message && (
        <p className={message.kind === 'error' ? styles.error : styles.where} role="status">
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
