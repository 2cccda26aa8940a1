'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { HOME_BY_ROLE } from '@/server/contracts/home';
import { callApi } from '../ui/api-client';
import { Button } from '../ui/button';
import { Alert, FormField } from '../ui/form-field';
import styles from './login.module.css';

type LoginResponse = { user: { role: keyof typeof HOME_BY_ROLE } };

export function LoginForm() {
  const t = useTranslations('auth');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsBusy(true);
    setError(null);
    const result = await callApi<LoginResponse>('/api/auth/login', {
      body: { username: form.get('username'), password: form.get('password') },
    });
    if (result.ok) {
      // Only a short card link (/f/<code>, from an SMS) may send the person elsewhere: no open redirect.
      const next = new URLSearchParams(window.location.search).get('next');
      window.location.assign(next && /^\/f\/[0-9A-Za-z]{8}$/.test(next) ? next : HOME_BY_ROLE[result.data.user.role]);
      return;
    }
    setIsBusy(false);
    setError(result.status === 0 ? t('networkError') : result.error.message);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormField id="username" label={t('username')}>
        <input id="username" name="username" autoComplete="username" required autoCapitalize="none" />
      </FormField>
      <FormField id="password" label={t('password')}>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </FormField>
      {error && <Alert>{error}</Alert>}
      <Button type="submit" variant="primary" className={styles.submit} disabled={isBusy} data-testid="login-submit">
        {isBusy ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  );
}
