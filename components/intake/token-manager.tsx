'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { AdminTable } from '@/components/admin/admin-table';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert, FormField } from '@/components/ui/form-field';
import type { IntegrationTokenView, TokenScope } from '@/server/contracts/intake';
import styles from './intake.module.css';

type Created = { token: IntegrationTokenView; secret: string; keyId: string; signingSecret: string | null };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** 对接令牌: make a token (its secrets shown once, with copy buttons), see when each was used, revoke. */
export function TokenManager({ initialTokens }: { initialTokens: IntegrationTokenView[] }) {
  const t = useTranslations('intake');
  const [tokens, setTokens] = useState(initialTokens);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('report');
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const create = async () => {
    setIsBusy(true);
    setError(null);
    const result = await callApi<Created>('/api/admin/integration-tokens', { body: { name, scope } });
    setIsBusy(false);
    if (!result.ok) return setError(result.status === 0 ? t('network') : result.error.message);
    setCreated(result.data);
    setTokens((current) => [result.data.token, ...current]);
    setName('');
  };

  const revoke = async (id: string) => {
    if (!window.confirm(t('tokens.revokeConfirm'))) return;
    const result = await callApi<{ token: IntegrationTokenView }>(`/api/admin/integration-tokens/${id}/revocation`, { method: 'POST' });
    if (!result.ok) return setError(result.status === 0 ? t('network') : result.error.message);
    setTokens((current) => current.map((token) => (token.id === id ? result.data.token : token)));
  };

  return (
    <>
      <form
        className={styles.dismiss}
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <FormField id="token-name" label={t('tokens.name')}>
          <input
            id="token-name"
            data-testid="token-name"
            value={name}
            maxLength={80}
            required
            onChange={(event) => setName(event.target.value)}
          />
        </FormField>
        <FormField id="token-scope" label={t('tokens.scope')}>
          <select id="token-scope" data-testid="token-scope" value={scope} onChange={(event) => setScope(event.target.value as TokenScope)}>
            <option value="report">{t('tokens.scopes.report')}</option>
            <option value="trigger">{t('tokens.scopes.trigger')}</option>
          </select>
        </FormField>
        <Button type="submit" variant="primary" data-testid="token-create" disabled={isBusy || name.trim() === ''}>
          {t('tokens.create')}
        </Button>
      </form>
      {error && <Alert>{error}</Alert>}
      {created && (
        <div className={styles.panel} data-testid="token-secrets" role="status">
          <p>
            <strong>{t('tokens.shownOnce')}</strong>
          </p>
          <Secret label={t('tokens.bearer')} value={created.secret} testId="token-secret" />
          <Secret label={t('tokens.keyId')} value={created.keyId} testId="token-key-id" />
          {created.signingSecret ? (
            <Secret label={t('tokens.signingSecret')} value={created.signingSecret} testId="token-signing-secret" />
          ) : (
            <p className={styles.muted}>{t('tokens.noSigning')}</p>
          )}
          <Button onClick={() => setCreated(null)}>{t('tokens.done')}</Button>
        </div>
      )}
      <AdminTable headings={[t('tokens.name'), t('tokens.scope'), t('tokens.created'), t('tokens.lastUsed'), t('tokens.status')]}>
        {tokens.map((token) => (
          <tr key={token.id} data-testid="token-row">
            <td>{token.name}</td>
            <td>{t(`tokens.scopes.${token.scope}`)}</td>
            <td>{when(token.createdAt)}</td>
            <td>{when(token.lastUsedAt)}</td>
            <td>{token.revokedAt ? t('tokens.revokedAt', { at: when(token.revokedAt) }) : t('tokens.active')}</td>
            <td>
              {!token.revokedAt && (
                <Button variant="danger" data-testid="token-revoke" onClick={() => void revoke(token.id)}>
                  {t('tokens.revoke')}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useTranslations('intake');
  const [isCopied, setIsCopied] = useState(false);
  return (
    <p className={styles.row}>
      <span>{label}</span>
      <code data-testid={testId}>{value}</code>
      <Button
        onClick={() =>
          void navigator.clipboard?.writeText(value).then(
            () => setIsCopied(true),
            () => setIsCopied(false),
          )
        }
      >
        {isCopied ? t('tokens.copied') : t('tokens.copy')}
      </Button>
    </p>
  );
}
