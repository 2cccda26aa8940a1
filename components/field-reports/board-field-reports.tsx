'use client';

import dynamic from 'next/dynamic';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { useSocket } from '@/components/realtime/use-socket';
import { fieldPhotoUrl, type FieldReportView } from '@/server/contracts/field-reports';
import type { MapConfig } from '@/server/contracts/views';
import boardStyles from '@/components/dispatch/board.module.css';
import type { ReportMarker } from './field-report-map';
import styles from './field-reports.module.css';

const FieldReportMap = dynamic(() => import('./field-report-map'), { ssr: false, loading: () => <div className={styles.map} /> });

type Props = { incidentId: string; location: { lat: number; lng: number }; mapConfig: MapConfig };

/** 现场报告 on the board: each report with its photos (thumbnails), author, time and position, live; and a map of them. */
export function BoardFieldReports({ incidentId, location, mapConfig }: Props) {
  const t = useTranslations('fieldReports');
  const format = useFormatter();
  const [reports, setReports] = useState<FieldReportView[]>([]);

  const reload = useCallback(async () => {
    const response = await fetch(`/api/incidents/${incidentId}/field-reports`, { credentials: 'same-origin' }).catch(() => null);
    if (!response?.ok) return;
    const read = ((await response.json()) as { reports: FieldReportView[] }).reports;
    // A read that left before a report was committed can land after its push: keep what was pushed
    // (reports are never withdrawn, so the union is the truth).
    setReports((current) => [...read, ...current.filter((pushed) => !read.some((known) => known.id === pushed.id))]);
  }, [incidentId]);

  useSocket(
    {
      'field-report:added': ({ report }) => {
        if (report.incidentId !== incidentId) return;
        setReports((current) => (current.some((existing) => existing.id === report.id) ? current : [...current, report]));
      },
    },
    () => void reload(),
  );

  const markers = useMemo<ReportMarker[]>(
    () =>
      reports.flatMap((report) =>
        report.position
          ? [
              {
                id: report.id,
                lat: report.position.lat,
                lng: report.position.lng,
                label: t('list.marker', { author: report.author.displayName }),
              },
            ]
          : [],
      ),
    [reports, t],
  );
  const time = (iso: string) =>
    format.dateTime(new Date(iso), { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

  return (
    <section aria-labelledby="field-reports-title" data-testid="board-field-reports">
      <h2 id="field-reports-title" className={boardStyles.sectionTitle}>
        {t('list.title')}
      </h2>
      <FieldReportMap
        config={mapConfig}
        incident={{ ...location, label: t('list.incident') }}
        markers={markers}
        label={t('list.mapLabel')}
      />
      {reports.length === 0 ? (
        <p className={styles.meta}>{t('list.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {[...reports].reverse().map((report) => (
            <li key={report.id} className={styles.item} data-testid="field-report" data-report-id={report.id}>
              <p className={styles.meta}>
                <strong>{report.author.displayName}</strong> · {report.roleName} ·{' '}
                <time dateTime={report.capturedAt}>{time(report.capturedAt)}</time>
              </p>
              {report.text && <p className={styles.text}>{report.text}</p>}
              {report.photos.length > 0 && (
                <div className={styles.thumbs}>
                  {report.photos.map((photo, index) => (
                    <a key={photo.id} href={fieldPhotoUrl(photo.id)} target="_blank" rel="noreferrer">
                      {/* eslint-disable-next-line @next/next/no-img-element -- access-checked private photo, not a static asset */}
                      <img
                        className={styles.thumb}
                        src={fieldPhotoUrl(photo.id)}
                        alt={t('list.photoAlt', { author: report.author.displayName, index: index + 1 })}
                        title={photo.takenAt ? t('list.photoTaken', { time: time(photo.takenAt) }) : undefined}
                        loading="lazy"
                        data-testid="field-report-thumb"
                      />
                    </a>
                  ))}
                </div>
              )}
              <p className={styles.meta} data-testid="field-report-position">
                {report.position
                  ? t('list.position', {
                      lat: report.position.lat.toFixed(5),
                      lng: report.position.lng.toFixed(5),
                      accuracy: report.position.accuracy === null ? '?' : Math.round(report.position.accuracy),
                    })
                  : t('list.noPosition')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
