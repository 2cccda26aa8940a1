'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert, FormField } from '@/components/ui/form-field';
import { MATERIAL_UNITS, type MaterialUnit } from '@/server/contracts/materials';
import styles from '@/components/admin/admin.module.css';

export type Inventory = {
  items: { id: string; name: string; unit: MaterialUnit }[];
  depots: {
    id: string;
    name: string;
    lat: number;
    lng: number;
    custodianName: string;
    custodianPhone: string;
    enterpriseId: string | null;
  }[];
  stock: { depotId: string; itemId: string; quantity: number }[];
};

/** 应急物资 for the admin: what each depot holds (edited in place), the catalogue, and the depots. */
export function MaterialsAdmin({ inventory }: { inventory: Inventory }) {
  const t = useTranslations('materials');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const send = async (method: 'POST' | 'PUT', url: string, body: unknown, done: string) => {
    setError(null);
    setSaved(null);
    const result = await callApi(url, { method, body });
    if (!result.ok) {
      setError(result.status === 0 ? t('admin.network') : result.error.message);
      return false;
    }
    setSaved(done);
    router.refresh();
    return true;
  };

  const quantityOf = (depotId: string, itemId: string) =>
    inventory.stock.find((row) => row.depotId === depotId && row.itemId === itemId)?.quantity ?? 0;

  return (
    <div className={styles.stack}>
      {error && <Alert>{error}</Alert>}
      {saved && (
        <p role="status" className={styles.muted} data-testid="materials-saved">
          {saved}
        </p>
      )}
      <section aria-labelledby="stock-title">
        <h2 id="stock-title">{t('admin.stockTitle')}</h2>
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="stock-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.depot')}</th>
                {inventory.items.map((item) => (
                  <th scope="col" key={item.id}>
                    {item.name}（{t(`unit.${item.unit}`)}）
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {inventory.depots.map((depot) => (
                <tr key={depot.id} data-testid="stock-depot" data-depot-name={depot.name}>
                  <th scope="row">
                    {depot.name}
                    <br />
                    <span className={styles.muted}>
                      {depot.custodianName} · {depot.custodianPhone}
                    </span>
                  </th>
                  {inventory.items.map((item) => (
                    <td key={item.id}>
                      <StockCell
                        label={t('admin.stockCell', { depot: depot.name, item: item.name })}
                        quantity={quantityOf(depot.id, item.id)}
                        onSave={(quantity) =>
                          send(
                            'PUT',
                            '/api/admin/materials/stock',
                            { depotId: depot.id, itemId: item.id, quantity },
                            t('admin.stockSaved', { depot: depot.name, item: item.name, quantity }),
                          )
                        }
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className={styles.split}>
        <NewItem onCreate={(body) => send('POST', '/api/admin/materials/items', body, t('admin.itemCreated', { name: body.name }))} />
        <NewDepot onCreate={(body) => send('POST', '/api/admin/materials/depots', body, t('admin.depotCreated', { name: body.name }))} />
      </div>
    </div>
  );
}

function StockCell({ label, quantity, onSave }: { label: string; quantity: number; onSave: (quantity: number) => Promise<boolean> }) {
  const t = useTranslations('materials');
  const [value, setValue] = useState(String(quantity));
  const isChanged = value !== String(quantity);
  return (
    <form
      className={styles.actions}
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(Number(value));
      }}
    >
      <input
        aria-label={label}
        inputMode="numeric"
        size={6}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        data-testid="stock-input"
      />
      <Button type="submit" disabled={!isChanged} data-testid="stock-save">
        {t('admin.save')}
      </Button>
    </form>
  );
}

function NewItem({ onCreate }: { onCreate: (body: { name: string; unit: MaterialUnit }) => Promise<boolean> }) {
  const t = useTranslations('materials');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<MaterialUnit>('kg');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onCreate({ name, unit })) setName('');
  };
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} aria-labelledby="new-item-title">
      <h2 id="new-item-title">{t('admin.newItem')}</h2>
      <FormField id="item-name" label={t('admin.itemName')}>
        <input id="item-name" required maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <FormField id="item-unit" label={t('admin.unit')}>
        <select id="item-unit" value={unit} onChange={(event) => setUnit(event.target.value as MaterialUnit)}>
          {MATERIAL_UNITS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`unit.${candidate}`)}
            </option>
          ))}
        </select>
      </FormField>
      <Button type="submit" variant="primary" disabled={name.trim() === ''} data-testid="item-create">
        {t('admin.addItem')}
      </Button>
    </form>
  );
}

type DepotBody = { name: string; location: { lat: number; lng: number }; custodianName: string; custodianPhone: string };

function NewDepot({ onCreate }: { onCreate: (body: DepotBody) => Promise<boolean> }) {
  const t = useTranslations('materials');
  const [form, setForm] = useState({ name: '', lat: '', lng: '', custodianName: '', custodianPhone: '' });
  const field = (key: keyof typeof form) => ({
    id: `depot-${key}`,
    value: form[key],
    onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: event.target.value })),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: form.name,
      location: { lat: Number(form.lat), lng: Number(form.lng) },
      custodianName: form.custodianName,
      custodianPhone: form.custodianPhone,
    };
    if (await onCreate(body)) setForm({ name: '', lat: '', lng: '', custodianName: '', custodianPhone: '' });
  };
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} aria-labelledby="new-depot-title">
      <h2 id="new-depot-title">{t('admin.newDepot')}</h2>
      <FormField id="depot-name" label={t('admin.depotName')}>
        <input required maxLength={80} {...field('name')} />
      </FormField>
      <div className={styles.formRow}>
        <FormField id="depot-lat" label={t('admin.lat')}>
          <input required inputMode="decimal" {...field('lat')} />
        </FormField>
        <FormField id="depot-lng" label={t('admin.lng')}>
          <input required inputMode="decimal" {...field('lng')} />
        </FormField>
      </div>
      <div className={styles.formRow}>
        <FormField id="depot-custodianName" label={t('admin.custodian')}>
          <input required maxLength={40} {...field('custodianName')} />
        </FormField>
        <FormField id="depot-custodianPhone" label={t('admin.custodianPhone')}>
          <input required inputMode="tel" {...field('custodianPhone')} />
        </FormField>
      </div>
      <Button type="submit" variant="primary" data-testid="depot-create">
        {t('admin.addDepot')}
      </Button>
    </form>
  );
}
