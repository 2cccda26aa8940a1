'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, type ChangeEvent } from 'react';
import { Alert, Notice } from '@/components/ui/form-field';
import styles from './editor.module.css';

type Props = { enterpriseId: string; plan: { width: number; height: number } | null };

/** Upload or replace the site plan; the server checks the bytes, so its refusal is shown verbatim. */
export function PlanUpload({ enterpriseId, plan }: Props) {
  const hasPlan = plan !== null;
  const t = useTranslations('enterprise');
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ isError: boolean; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    setIsBusy(true);
    setStatus(null);
    try {
      const response = await fetch(`/api/enterprises/${enterpriseId}/site-plan`, { method: 'POST', body, credentials: 'same-origin' });
      const payload = (await response.json().catch(() => null)) as { width?: number; height?: number; error?: { message: string } } | null;
      if (!response.ok) {
        setStatus({ isError: true, text: payload?.error?.message ?? t('plan.failed') });
        return;
      }
      setStatus({ isError: false, text: t('plan.uploaded', { width: payload?.width ?? 0, height: payload?.height ?? 0 }) });
      router.refresh();
    } catch {
      setStatus({ isError: true, text: t('networkError') });
    } finally {
      setIsBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div data-testid="plan-upload">
      <label htmlFor="plan-upload-input" className={styles.sectionTitle}>
        {hasPlan ? t('plan.replace') : t('plan.upload')}
      </label>
      <p className={styles.muted}>{hasPlan ? t('plan.current', { width: plan.width, height: plan.height }) : t('plan.intro')}</p>
      <input
        ref={input}
        id="plan-upload-input"
        data-testid="plan-upload-input"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        disabled={isBusy}
        onChange={upload}
        aria-describedby="plan-upload-hint"
      />
      <p id="plan-upload-hint" className={styles.muted}>
        {isBusy ? t('plan.uploading') : t('plan.hint')}
      </p>
      {status && (status.isError ? <Alert>{status.text}</Alert> : <Notice>{status.text}</Notice>)}
    </div>
  );
}
