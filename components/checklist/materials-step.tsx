'use client';

import { useTranslations } from 'next-intl';
import { emptyMaterial, type MaterialDraft } from './checklist-drafts';
import styles from './checklist.module.css';
import type { ErrorFor } from './item-frame';
import { ItemList } from './item-list';
import { TextField } from './text-field';

type Props = { items: MaterialDraft[]; onChange: (items: MaterialDraft[]) => void; errorFor: ErrorFor };

/** Step 4: emergency materials on hand — kind, quantity, where they are kept. */
export function MaterialsStep({ items, onChange, errorFor }: Props) {
  const t = useTranslations('checklist');
  return (
    <ItemList
      items={items}
      onChange={onChange}
      listPath="materials"
      kind="material"
      titleOf={(item) => item.kind}
      create={emptyMaterial}
      addLabel={t('actions.addMaterial')}
    >
      {({ item, path, id, set }) => (
        <div className={styles.grid}>
          <TextField
            id={id('kind')}
            label={t('fields.materialKind')}
            value={item.kind}
            onChange={set('kind')}
            error={errorFor(`${path}.kind`)}
            testId="material-kind"
          />
          <TextField
            id={id('quantity')}
            label={t('fields.quantity')}
            value={item.quantity}
            onChange={set('quantity')}
            error={errorFor(`${path}.quantity`)}
            testId="material-quantity"
          />
          <TextField
            id={id('location')}
            label={t('fields.location')}
            value={item.location}
            onChange={set('location')}
            error={errorFor(`${path}.location`)}
            testId="material-location"
          />
        </div>
      )}
    </ItemList>
  );
}
