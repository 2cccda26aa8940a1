'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { RoleCard } from '@/server/contracts/dispatch';
import type { PositionState } from '@/components/field/use-position';
import fieldStyles from '@/components/field/field.module.css';
import { preparePhoto } from './shrink-photo';
import { queuedReports, queueReport, removeQueuedReport, type QueuedReport } from './report-outbox';
import { sendReport } from './send-report';
import styles from './field-reports.module.css';

type Props = { card: RoleCard; position: PositionState; isLifted: boolean };
type Notice = { kind: 'sent' } | { kind: 'queued'; at: string } | { kind: 'failed'; reason: string } | { kind: 'empty' } | null;

/**
 * 现场报告 on the phone card: text, photos from the camera and the phone's position. Without a
 * network the report is kept on the phone with the time it was written and sent when the network
 * returns; the card also says when its role needs a photo before 完成.
 */
export function FieldReportForm({ card, position, isLifted }: Props) {
  const t = useTranslations('fieldReports');
  const format = useFormatter();
  const incidentId = card.incident.id;
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [isSending, setIsSending] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [queuedCount, setQueuedCount] = useState(0);
  const [photoRequired, setPhotoRequired] = useState<boolean | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const isFlushing = useRef(false);

  const readRequirement = useCallback(async () => {
    try {
      const response = await fetch(`/api/incidents/${incidentId}/field-reports`, { credentials: 'same-origin' });
      if (response.ok) setPhotoRequired(((await response.json()) as { photoRequired: boolean | null }).photoRequired);
    } catch {
      // Offline: keep what we knew.
    }
  }, [incidentId]);

  const flush = useCallback(async () => {
    if (isFlushing.current) return;
    isFlushing.current = true;
    try {
      const mine = (await queuedReports()).filter((item) => item.incidentId === incidentId);
      for (const item of mine) {
        const result = await sendReport(item);
        if (result.kind === 'retry') break;
        await removeQueuedReport(item.id);
        if (result.kind === 'refused') setNotice({ kind: 'failed', reason: result.message });
        else setNotice({ kind: 'sent' });
      }
      setQueuedCount((await queuedReports()).filter((item) => item.incidentId === incidentId).length);
      await readRequirement();
    } catch {
      // IndexedDB unavailable (private mode): nothing was queued either.
    } finally {
      isFlushing.current = false;
    }
  }, [incidentId, readRequirement]);

  useEffect(() => {
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [flush]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim() && files.length === 0) {
      setNotice({ kind: 'empty' });
      return;
    }
    setIsSending(true);
    setNotice(null);
    try {
      const item: QueuedReport = {
        id: crypto.randomUUID(),
        incidentId,
        text: text.trim(),
        position: position.kind === 'located' ? { lat: position.at.lat, lng: position.at.lng, accuracy: position.accuracy } : null,
        capturedAt: new Date().toISOString(),
        utcOffsetMinutes: -new Date().getTimezoneOffset(),
        photos: await Promise.all(files.map(preparePhoto)),
      };
      const result = navigator.onLine ? await sendReport(item) : ({ kind: 'retry' } as const);
      if (result.kind === 'refused') {
        setNotice({ kind: 'failed', reason: result.message });
        return;
      }
      if (result.kind === 'retry') {
        await queueReport(item);
        setQueuedCount((count) => count + 1);
        setNotice({ kind: 'queued', at: item.capturedAt });
      } else {
        setNotice({ kind: 'sent' });
        void readRequirement();
      }
      setText('');
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
    } finally {
      setIsSending(false);
    }
  }

  const positionText =
    position.kind === 'located'
      ? t('form.positionLocated', {
          lat: position.at.lat.toFixed(5),
          lng: position.at.lng.toFixed(5),
          accuracy: Math.round(position.accuracy),
        })
      : position.kind === 'unavailable'
        ? t('form.positionUnavailable')
        : t('form.positionLocating');

  return (
    <section className={fieldStyles.section} aria-labelledby={`report-${card.assignmentId}`} data-testid="field-report-form">
      <h3 id={`report-${card.assignmentId}`} className={fieldStyles.sectionTitle}>
        {t('form.title')}
      </h3>
      {photoRequired === true && (
        <p className={styles.required} data-testid="photo-required">
          {t('form.photoRequired')}
        </p>
      )}
      {isLifted ? null : (
        <form className={styles.form} onSubmit={submit}>
          <label className={styles.label}>
            {t('form.text')}
            <textarea
              className={styles.textarea}
              value={text}
              maxLength={2000}
              placeholder={t('form.textPlaceholder')}
              onChange={(event) => setText(event.target.value)}
              data-testid="report-text"
            />
          </label>
          {/* A large button in the page's language: the browser's own file input is small and speaks the
              phone's system language ("Choose Files"). The input stays in the label, focusable and named. */}
          <label className={styles.photoButton}>
            <span>{t('form.photos')}</span>
            <span className={styles.hint}>{t('form.photosHint')}</span>
            <input
              ref={fileInput}
              className={styles.photoInput}
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              data-testid="report-photos"
              onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
            />
          </label>
          {files.length > 0 && <p className={styles.note}>{t('form.photoCount', { count: files.length })}</p>}
          <p className={styles.note} data-testid="report-position" data-kind={position.kind}>
            {t('form.position')}：{positionText}
          </p>
          {notice?.kind === 'sent' && (
            <p className={styles.note} role="status" data-testid="report-sent">
              {t('form.sent')}
            </p>
          )}
          {notice?.kind === 'queued' && (
            <p className={styles.note} role="status" data-testid="report-queued">
              {t('form.queued', { time: format.dateTime(new Date(notice.at), { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })}
            </p>
          )}
          {notice?.kind === 'failed' && (
            <p className={styles.error} role="alert" data-testid="report-error">
              {t('form.failed', { reason: notice.reason })}
            </p>
          )}
          {notice?.kind === 'empty' && (
            <p className={styles.error} role="alert">
              {t('form.empty')}
            </p>
          )}
          {queuedCount > 0 && (
            <p className={styles.note} data-testid="report-queued-count">
              {t('form.queuedCount', { count: queuedCount })}
            </p>
          )}
          <button type="submit" className={styles.send} disabled={isSending} data-testid="report-send">
            {isSending ? t('form.sending') : t('form.send')}
          </button>
        </form>
      )}
    </section>
  );
}
