'use client';

import { useTranslations } from 'next-intl';
import styles from './checklist.module.css';
import { TextField } from './text-field';

type Field = 'responsibleName' | 'responsiblePhone';
type Props = {
  idPrefix: string;
  item: Record<Field, string>;
  onChange: (field: Field, value: string) => void;
  errorFor: (field: Field) => string | undefined;
};

/** Who answers for a risk point; printed on the disposal card beside its steps. */
export function ResponsibleFields({ idPrefix, item, onChange, errorFor }: Props) {
  const t = useTranslations('checklist.fields');
  return (
    <div className={styles.grid}>
      <TextField
        id={`${idPrefix}responsibleName`}
        label={t('responsibleName')}
        value={item.responsibleName}
        onChange={(value) => onChange('responsibleName', value)}
        error={errorFor('responsibleName')}
        testId="responsible-name"
      />
      <TextField
        id={`${idPrefix}responsiblePhone`}
        label={t('responsiblePhone')}
        value={item.responsiblePhone}
        onChange={(value) => onChange('responsiblePhone', value)}
        error={errorFor('responsiblePhone')}
        inputMode="tel"
        testId="responsible-phone"
      />
    </div>
  );
}
