'use client';

import { useTranslations } from 'next-intl';
import { STORAGE_KINDS } from '@/server/contracts/checklist';
import { Button } from '../ui/button';
import { emptyStorage, emptySubstance, type StorageDraft, type SubstanceDraft } from './checklist-drafts';
import styles from './checklist.module.css';
import type { ErrorFor } from './item-frame';
import { ItemList } from './item-list';
import { IdentityFields } from './identity-fields';
import { ResponsibleFields } from './responsible-fields';
import { TextField } from './text-field';

type Props = { items: StorageDraft[]; onChange: (items: StorageDraft[]) => void; errorFor: ErrorFor };

/** Step 1: each storage place (tank, warehouse, hazardous-waste store) and what it holds. */
export function StorageStep({ items, onChange, errorFor }: Props) {
  const t = useTranslations('checklist');
  return (
    <ItemList
      items={items}
      onChange={onChange}
      listPath="storages"
      kind="storage"
      titleOf={(item) => [item.code, item.name].filter(Boolean).join(' ')}
      create={emptyStorage}
      addLabel={t('actions.addStorage')}
    >
      {({ item, index, path, id, set, update }) => {
        const setSubstance = (position: number, substance: SubstanceDraft) =>
          update({ ...item, substances: item.substances.map((current, at) => (at === position ? substance : current)) });
        return (
          <>
            <IdentityFields
              prefix="storage"
              index={index}
              path={path}
              kinds={STORAGE_KINDS}
              item={item}
              onChange={(field, value) => set(field)(value)}
              errorFor={errorFor}
            />
            <fieldset className={styles.substances}>
              <legend>{t('fields.substances')}</legend>
              {errorFor(`${path}.substances`) && (
                <p className={styles.listError} role="alert">
                  {errorFor(`${path}.substances`)}
                </p>
              )}
              {item.substances.map((substance, position) => {
                const subPath = `${path}.substances.${position}`;
                const subId = (field: string) => id(`substance-${position}-${field}`);
                const setField = (field: keyof SubstanceDraft) => (value: string) =>
                  setSubstance(position, { ...substance, [field]: value });
                return (
                  <div key={substance.key} className={styles.substanceRow} data-testid="storage-substance">
                    <TextField
                      id={subId('name')}
                      label={t('fields.substanceName')}
                      value={substance.name}
                      onChange={setField('name')}
                      error={errorFor(`${subPath}.name`)}
                      testId="substance-name"
                    />
                    <TextField
                      id={subId('maxQuantity')}
                      label={t('fields.maxQuantity')}
                      value={substance.maxQuantity}
                      onChange={setField('maxQuantity')}
                      error={errorFor(`${subPath}.maxQuantity`)}
                      inputMode="decimal"
                      testId="substance-quantity"
                    />
                    <TextField
                      id={subId('unit')}
                      label={t('fields.unit')}
                      value={substance.unit}
                      onChange={setField('unit')}
                      error={errorFor(`${subPath}.unit`)}
                      testId="substance-unit"
                    />
                    <Button
                      className={styles.rowRemove}
                      onClick={() => update({ ...item, substances: item.substances.filter((_, at) => at !== position) })}
                      aria-label={t('actions.removeSubstance')}
                      data-testid="substance-remove"
                    >
                      ×
                    </Button>
                  </div>
                );
              })}
              <Button onClick={() => update({ ...item, substances: [...item.substances, emptySubstance()] })} data-testid="substance-add">
                + {t('actions.addSubstance')}
              </Button>
            </fieldset>
            <TextField
              id={id('disposalSteps')}
              label={t('fields.disposalSteps')}
              hint={t('fields.disposalStepsHint')}
              value={item.disposalSteps}
              onChange={set('disposalSteps')}
              error={errorFor(`${path}.disposalSteps`, true)}
              isMultiline
              testId="storage-steps"
            />
            <ResponsibleFields
              idPrefix={id('')}
              item={item}
              onChange={(field, value) => update({ ...item, [field]: value })}
              errorFor={(field) => errorFor(`${path}.${field}`)}
            />
          </>
        );
      }}
    </ItemList>
  );
}
