'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../ui/button';
import { emptyMaterial, type MaterialDraft } from './checklist-drafts';
import styles from './checklist.module.css';
import { ItemFrame, type ErrorFor } from './item-frame';
import { TextField } from './text-field';

type Props = { items: MaterialDraft[]; onChange: (items: MaterialDraft[]) => void; errorFor: ErrorFor };

/** Step 4: emergency materials on hand — kind, quantity, where they are kept. */
export function MaterialsStep({ items, onChange, errorFor }: Props) {
  const t = useTranslations('checklist');
  const update = (index: number, item: MaterialDraft) => onChange(items.map((current, position) => (position === index ? item : current)));
  return (
    <div className={styles.items}>
      {items.map((item, index) => {
        const path = `materials.${index}`;
        const id = (field: string) => `material-${index}-${field}`;
        const set = (field: keyof MaterialDraft) => (value: string) => update(index, { ...item, [field]: value });
        return (
          <ItemFrame
            key={item.key}
            index={index}
            title={item.kind}
            testId="checklist-material"
            onRemove={() => onChange(items.filter((_, at) => at !== index))}
          >
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
          </ItemFrame>
        );
      })}
      <Button onClick={() => onChange([...items, emptyMaterial()])} data-testid="checklist-add-material">
        + {t('actions.addMaterial')}
      </Button>
    </div>
  );
}
