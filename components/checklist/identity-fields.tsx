'use client';

import { useTranslations } from 'next-intl';
import styles from './checklist.module.css';
import type { ErrorFor } from './item-frame';
import { KindSelect } from './kind-select';
import { TextField } from './text-field';

type Identity = { code: string; name: string; kind: string };
type Props = {
  /** `storage` or `outfall`: prefixes the element ids and test ids. */
  prefix: string;
  index: number;
  /** Where this item's errors live, e.g. `storages.0`. */
  path: string;
  kinds: readonly string[];
  item: Identity;
  onChange: (field: keyof Identity, value: string) => void;
  errorFor: ErrorFor;
};

/** The code, name and kind every checklist point starts with. */
export function IdentityFields({ prefix, index, path, kinds, item, onChange, errorFor }: Props) {
  const t = useTranslations('checklist');
  const id = (field: string) => `${prefix}-${index}-${field}`;
  return (
    <div className={styles.grid}>
      <TextField
        id={id('code')}
        label={t('fields.code')}
        hint={t('fields.codeHint')}
        value={item.code}
        onChange={(value) => onChange('code', value)}
        error={errorFor(`${path}.code`)}
        testId={`${prefix}-code`}
      />
      <TextField
        id={id('name')}
        label={t('fields.name')}
        value={item.name}
        onChange={(value) => onChange('name', value)}
        error={errorFor(`${path}.name`)}
        testId={`${prefix}-name`}
      />
      <KindSelect
        id={id('kind')}
        kinds={kinds}
        value={item.kind}
        onChange={(value) => onChange('kind', value)}
        error={errorFor(`${path}.kind`)}
        testId={`${prefix}-kind`}
      />
    </div>
  );
}
