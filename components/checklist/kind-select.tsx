'use client';

import { useTranslations } from 'next-intl';
import { FormField } from '../ui/form-field';

type Props = { id: string; kinds: readonly string[]; value: string; onChange: (value: string) => void; error?: string; testId: string };

export function KindSelect({ id, kinds, value, onChange, error, testId }: Props) {
  const t = useTranslations('checklist');
  return (
    <FormField id={id} label={t('fields.kind')} error={error}>
      <select
        id={id}
        value={value}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
        {...(error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {})}
      >
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kinds.${kind}` as never)}
          </option>
        ))}
      </select>
    </FormField>
  );
}
