'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { CHECKLIST_STEPS, REVIEW_STEP, type ChecklistView } from '@/server/contracts/checklist';
import { Button } from '../ui/button';
import { Alert, Card, Notice } from '../ui/form-field';
import styles from './checklist.module.css';
import { ChecklistStepper } from './checklist-stepper';
import { ContactsStep } from './contacts-step';
import { MaterialsStep } from './materials-step';
import { OutfallsStep } from './outfalls-step';
import { ReviewStep } from './review-step';
import { StorageStep } from './storage-step';
import { useChecklist } from './use-checklist';

const LIST_PATHS = { storage: 'storages', outfalls: 'points', contacts: 'contacts', materials: 'materials' } as const;

/** 清单式填报: four short steps instead of a hundred-page report, saved as it goes. */
export function ChecklistWizard({ initial }: { initial: ChecklistView }) {
  const t = useTranslations('checklist');
  const format = useFormatter();
  const state = useChecklist(initial);
  const { view, current, drafts, setDrafts, errorFor, busy } = state;
  const topRef = useRef<HTMLDivElement>(null);
  const stepName = CHECKLIST_STEPS[current];
  const stepKey = stepName ?? 'review';
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });

  // After a failed check, take keyboard and screen-reader users to the first bad field.
  useEffect(() => {
    if (Object.keys(state.errors).length === 0) return;
    topRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state.errors]);

  const listError = stepName ? errorFor(LIST_PATHS[stepName]) : undefined;

  return (
    <div className={styles.wizard} ref={topRef}>
      <h1 className={styles.title}>{t('title')}</h1>
      <p className={styles.intro}>{t('intro')}</p>
      <ChecklistStepper current={current} reached={Math.min(view.step, REVIEW_STEP)} onSelect={state.goTo} />
      <Card className={styles.stepCard}>
        <header className={styles.stepHead}>
          <h2 data-testid="checklist-step-title">{t(`steps.${stepKey}`)}</h2>
          <span className={styles.muted}>{t('stepOf', { current: current + 1, total: REVIEW_STEP + 1 })}</span>
        </header>
        {stepName && <p className={styles.hint}>{t(`stepHints.${stepName}`)}</p>}
        <p className={styles.muted} data-testid="checklist-saved-at">
          {view.completedAt
            ? t('status.completedAt', { time: time(view.completedAt) })
            : view.updatedAt
              ? t('status.lastSaved', { time: time(view.updatedAt) })
              : null}
        </p>
        <div className={styles.messages} data-testid="checklist-status">
          {state.notice && <Notice>{state.notice}</Notice>}
          {state.formError && <Alert>{state.formError}</Alert>}
          {listError && <Alert>{listError}</Alert>}
        </div>

        {stepName === 'storage' && (
          <StorageStep items={drafts.storage} onChange={(storage) => setDrafts({ ...drafts, storage })} errorFor={errorFor} />
        )}
        {stepName === 'outfalls' && (
          <OutfallsStep items={drafts.outfalls} onChange={(outfalls) => setDrafts({ ...drafts, outfalls })} errorFor={errorFor} />
        )}
        {stepName === 'contacts' && (
          <ContactsStep items={drafts.contacts} onChange={(contacts) => setDrafts({ ...drafts, contacts })} errorFor={errorFor} />
        )}
        {stepName === 'materials' && (
          <MaterialsStep items={drafts.materials} onChange={(materials) => setDrafts({ ...drafts, materials })} errorFor={errorFor} />
        )}
        {!stepName && <ReviewStep drafts={drafts} onEdit={state.goTo} />}
        {!stepName && !view.hasPlan && <p className={styles.hint}>{t('status.noPlan')}</p>}

        {state.completion && (
          <div className={styles.done} data-testid="checklist-finished">
            <Notice>
              {t('status.finished', {
                added: state.completion.added.length,
                updated: state.completion.updated.length,
                contacts: state.completion.contacts,
                materials: state.completion.materials,
              })}
            </Notice>
            <div className={styles.actions}>
              <Link className={styles.primaryLink} href="/enterprise" data-testid="checklist-open-editor">
                {t('actions.openEditor')}
              </Link>
              <Link href="/enterprise/card" data-testid="checklist-open-card">
                {t('actions.openCard')}
              </Link>
            </div>
          </div>
        )}

        <footer className={styles.actions}>
          <Button onClick={() => state.goTo(current - 1)} disabled={current === 0 || busy !== null} data-testid="checklist-back">
            {t('actions.back')}
          </Button>
          {stepName ? (
            <Button variant="primary" onClick={state.saveStep} disabled={busy !== null} data-testid="checklist-save">
              {busy === 'saving' ? t('status.saving') : t('actions.saveAndNext')}
            </Button>
          ) : state.completion ? null : (
            <Button variant="primary" onClick={state.finish} disabled={busy !== null} data-testid="checklist-finish">
              {busy === 'finishing' ? t('status.finishing') : t('actions.finish')}
            </Button>
          )}
        </footer>
      </Card>
    </div>
  );
}
