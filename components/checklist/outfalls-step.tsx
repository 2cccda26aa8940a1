'use client';

import { useTranslations } from 'next-intl';
import { OUTFALL_KINDS } from '@/server/contracts/checklist';
import { emptyOutfall, type OutfallDraft } from './checklist-drafts';
import type { ErrorFor } from './item-frame';
import { ItemList } from './item-list';
import { IdentityFields } from './identity-fields';
import { ResponsibleFields } from './responsible-fields';
import { TextField } from './text-field';

type Props = { items: OutfallDraft[]; onChange: (items: OutfallDraft[]) => void; errorFor: ErrorFor };

/** Step 2: outfalls, storm outlets, valves and gates, pools and manholes, each with its disposal steps. */
export function OutfallsStep({ items, onChange, errorFor }: Props) {
  const t = useTranslations('checklist');
  return (
    <ItemList
      items={items}
      onChange={onChange}
      listPath="points"
      kind="outfall"
      titleOf={(item) => [item.code, item.name].filter(Boolean).join(' ')}
      create={emptyOutfall}
      addLabel={t('actions.addPoint')}
    >
      {({ item, index, path, id, set, update }) => (
        <>
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
            onChange={(field, value) => update({ ...item, [field]: value })}
            errorFor={(field) => errorFor(`${path}.${field}`)}
          />
        </>
      )}
    </ItemList>
  );
}
