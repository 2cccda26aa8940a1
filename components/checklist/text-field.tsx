'use client';

import { FormField } from '../ui/form-field';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  testId?: string;
  isMultiline?: boolean;
  inputMode?: 'text' | 'decimal' | 'tel';
};

/** A labelled input or textarea wired to its error message for screen readers. */
export function TextField({ id, label, value, onChange, error, hint, testId, isMultiline = false, inputMode = 'text' }: Props) {
  const common = {
    id,
    value,
    'data-testid': testId,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    ...(error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {}),
  };
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      {isMultiline ? (
        <textarea {...common} rows={Math.max(3, value.split('\n').length + 1)} />
      ) : (
        <input {...common} inputMode={inputMode} type={inputMode === 'tel' ? 'tel' : 'text'} />
      )}
    </FormField>
  );
}
