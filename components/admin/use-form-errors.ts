'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { z } from 'zod';
import { fieldIssues } from '@/server/contracts/admin';
import type { ApiResult } from '../ui/api-client';

type Failure = Extract<ApiResult<unknown>, { ok: false }>;

/**
 * Field-level messages for an admin form: the shared zod schema is checked before sending, and a
 * server refusal naming a field lands beside that field; anything else is shown for the whole form.
 */
export function useFormErrors() {
  const tErrors = useTranslations('errors');
  const t = useTranslations('admin');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function reset() {
    setErrors({});
    setFormError(null);
  }

  /** True when the value passes the schema; otherwise every bad field gets its message. */
  function check(schema: z.ZodType, value: unknown): boolean {
    const issues = fieldIssues(schema, value);
    const entries = Object.entries(issues).map(([path, key]) => [path, tErrors(key as never)] as const);
    setErrors(Object.fromEntries(entries));
    setFormError(entries.length > 0 ? t('fixErrors') : null);
    return entries.length === 0;
  }

  /** `isShown` says whether the form has a place for a field's message; if not, it goes on top. */
  function fail(result: Failure, isShown: (field: string) => boolean = () => true) {
    if (result.status === 0) {
      setFormError(t('networkError'));
      return;
    }
    if (result.error.field && isShown(result.error.field)) {
      setErrors({ [result.error.field]: result.error.message });
      setFormError(null);
      return;
    }
    setFormError(result.error.message);
  }

  return { errors, formError, reset, check, fail, setFormError };
}

/** aria attributes tying a control to its message in FormField. */
export function invalidProps(id: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}
