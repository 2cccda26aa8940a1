'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { receptorFields, type ReceptorView } from '@/server/contracts/receptors';
import { RECEPTOR_KINDS } from '@/server/contracts/statutory-reports';
import { callApi } from '../ui/api-client';
import { Button } from '../ui/button';
import { Alert, Card, FormField } from '../ui/form-field';
import styles from './admin.module.css';
import { invalidProps, useFormErrors } from './use-form-errors';

const SHOWN = ['kind', 'name', 'location.lat', 'location.lng', 'location', 'note'];
const numberOf = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? undefined : Number(value));

/** Adds a receptor, or edits `editing` when given. */
export function ReceptorForm({ editing, onDone }: { editing: ReceptorView | null; onDone: (message: string) => void }) {
  const t = useTranslations('receptors');
  const tCommon = useTranslations('common');
  const router = useRouter();
  const { errors, formError, reset, check, fail } = useFormErrors();
  const [isBusy, setIsBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = {
      kind: String(form.get('kind') ?? ''),
      name: String(form.get('name') ?? ''),
      location: { lat: numberOf(form.get('lat')), lng: numberOf(form.get('lng')) },
      note: String(form.get('note') ?? ''),
    };
    if (!check(receptorFields, body)) return;
    setIsBusy(true);
    const result = editing
      ? await callApi(`/api/admin/receptors/${editing.id}`, { method: 'PUT', body })
      : await callApi('/api/admin/receptors', { body });
    setIsBusy(false);
    if (!result.ok) return fail(result, (field) => SHOWN.includes(field));
    reset();
    if (!editing) formElement.reset();
    onDone(editing ? t('updated') : t('created'));
    router.refresh();
  }

  const latError = errors['location.lat'] ?? errors.location;
  return (
    <Card>
      <h2 className={styles.subtitle}>{editing ? t('editTitle', { name: editing.name }) : t('createTitle')}</h2>
      <form key={editing?.id ?? 'new'} className={styles.form} onSubmit={onSubmit} noValidate data-testid="receptor-form">
        <FormField id="receptor-kind" label={t('kind')} error={errors.kind}>
          <select
            id="receptor-kind"
            name="kind"
            defaultValue={editing?.kind ?? 'drinking_water_source'}
            {...invalidProps('receptor-kind', errors.kind)}
          >
            {RECEPTOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="receptor-name" label={t('name')} error={errors.name}>
          <input id="receptor-name" name="name" defaultValue={editing?.name} {...invalidProps('receptor-name', errors.name)} />
        </FormField>
        <FormField id="receptor-lat" label={t('lat')} error={latError}>
          <input
            id="receptor-lat"
            name="lat"
            inputMode="decimal"
            defaultValue={editing?.location.lat}
            {...invalidProps('receptor-lat', latError)}
          />
        </FormField>
        <FormField id="receptor-lng" label={t('lng')} error={errors['location.lng']}>
          <input
            id="receptor-lng"
            name="lng"
            inputMode="decimal"
            defaultValue={editing?.location.lng}
            {...invalidProps('receptor-lng', errors['location.lng'])}
          />
        </FormField>
        <FormField id="receptor-note" label={t('note')} hint={t('noteHint')} error={errors.note}>
          <textarea id="receptor-note" name="note" rows={3} defaultValue={editing?.note} {...invalidProps('receptor-note', errors.note)} />
        </FormField>
        {formError && <Alert>{formError}</Alert>}
        <div className={styles.formButtons}>
          <Button type="submit" variant="primary" disabled={isBusy} data-testid="receptor-save">
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
