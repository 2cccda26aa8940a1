'use client';

import { useTranslations } from 'next-intl';
import { OUTFALL_KINDS } from '@/server/contracts/checklist';
import { Button } from '../ui/button';
import { emptyOutfall, type OutfallDraft } from './checklist-drafts';
import styles from './checklist.module.css';
import { ItemFrame, type ErrorFor } from './item-frame';
import { IdentityFields } from './identity-fields';
import { ResponsibleFields } from './responsible-fields';
import { TextField } from './text-field';

type Props = { items: OutfallDraft[]; onChange: (items: OutfallDraft[]) => void; errorFor: ErrorFor };

/** Step 2: outfalls, storm outlets, valves and gates, pools and manholes, each with its disposal steps. */
export function OutfallsStep({ items, onChange, errorFor }: Props) {
  const t = useTranslations('checklist');
  const update = (index: number, item: OutfallDraft) => onChange(items.map((current, position) => (position === index ? item : current)));

  return (
    <div className={styles.items}>
      {items.map((item, index) => {
        const path = `points.${index}`;
        const id = (field: string) => `outfall-${index}-${field}`;
        const set = (field: keyof OutfallDraft) => (value: string) => update(index, { ...item, [field]: value });
        return (
          <ItemFrame
            key={item.key}
            index={index}
            title={[item.code, item.name].filter(Boolean).join(' ')}
            testId="checklist-outfall"
            onRemove={() => onChange(items.filter((_, at) => at !== index))}
          >
            <IdentityFields
              prefix="outfall"
              index={index}
              path={path}
              kinds={OUTFALL_KINDS}
              item={item}
              onChange={(field, value) => set(field)(value)}
              errorFor={errorFor}
            />
            <TextField
              id={id('disposalSteps')}
              label={t('fields.disposalSteps')}
              hint={t('fields.disposalStepsHint')}
              value={item.disposalSteps}
              onChange={set('disposalSteps')}
              error={errorFor(`${path}.disposalSteps`, true)}
              isMultiline
              testId="outfall-steps"
            />
            <ResponsibleFields
              idPrefix={id('')}
              item={item}
              onChange={(field, value) => update(index, { ...item, [field]: value })}
              errorFor={(field) => errorFor(`${path}.${field}`)}
            />
          </ItemFrame>
        );
      })}
      <Button onClick={() => onChange([...items, emptyOutfall()])} data-testid="checklist-add-outfall">
        + {t('actions.addPoint')}
      </Button>
    </div>
  );
}
