'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/form-field';
import styles from './board.module.css';

/** What a confirmed action came to: the dialog closes, or it stays open and says why. */
export type ActionOutcome = { close: true } | { error: string };

type Props = {
  /** Ids inside the dialog start with this; the title is `${idPrefix}-title`. */
  idPrefix: string;
  open: { label: string; testId: string; variant?: 'default' | 'primary' | 'danger'; className?: string };
  title: string;
  confirm: { label: string; busyLabel: string; testId: string; variant: 'primary' | 'danger'; isDisabled?: boolean };
  onConfirm: () => Promise<ActionOutcome>;
  /** The explanation and the fields. */
  children: ReactNode;
};

/**
 * A board action behind a modal dialog (警报解除, 收到 recorded by phone, 撤回): the button that opens
 * it, the title, the fields, the server's error, and cancel / confirm while the request runs.
 */
export function ActionDialog({ idPrefix, open, title, confirm, onConfirm, children }: Props) {
  const tc = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setIsSaving(true);
    setError(null);
    const outcome = await onConfirm();
    setIsSaving(false);
    if ('close' in outcome) dialog.current?.close();
    else setError(outcome.error);
  };

  return (
    <>
      <Button variant={open.variant} className={open.className} data-testid={open.testId} onClick={() => dialog.current?.showModal()}>
        {open.label}
      </Button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${idPrefix}-title`} onClose={() => setError(null)}>
        <h2 id={`${idPrefix}-title`} className={styles.dialogTitle}>
          {title}
        </h2>
        {children}
        {error && <Alert>{error}</Alert>}
        <div className={styles.dialogActions}>
          <Button onClick={() => dialog.current?.close()} disabled={isSaving}>
            {tc('cancel')}
          </Button>
          <Button
            variant={confirm.variant}
            data-testid={confirm.testId}
            onClick={() => void run()}
            disabled={isSaving || confirm.isDisabled === true}
          >
            {isSaving ? confirm.busyLabel : confirm.label}
          </Button>
        </div>
      </dialog>
    </>
  );
}
