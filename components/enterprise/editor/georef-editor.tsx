'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { callApi } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { Alert, Notice } from '@/components/ui/form-field';
import type { MapConfig } from '@/server/contracts/views';
import { georefPointInput } from '@/server/contracts/one-map';
import { issuesByField } from './form-values';
import styles from './editor.module.css';

const GeoPicker = dynamic(() => import('@/components/maps/site-plan-geo-picker'), {
  ssr: false,
  loading: () => <div className={styles.geoMap} />,
});

export type GeorefRow = { x: string; y: string; lat: string; lng: string };
const FIELDS = ['x', 'y', 'lat', 'lng'] as const;

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
export const georefRowPoint = (row: GeorefRow) => ({
  x: toNumber(row.x),
  y: toNumber(row.y),
  lat: toNumber(row.lat),
  lng: toNumber(row.lng),
});

type Props = {
  enterpriseId: string;
  rows: GeorefRow[];
  onChange: (rows: GeorefRow[]) => void;
  activeRow: number;
  onActivate: (index: number) => void;
  /** Asks the plan map to take the next click as this row's pixel. */
  onPickPixel: (index: number) => void;
  mapConfig: MapConfig;
  center: { lat: number; lng: number };
};

/** 2–3 control points tying plan pixels to real coordinates, so each risk point gets a lat/lng. */
export function GeorefEditor({ enterpriseId, rows, onChange, activeRow, onActivate, onPickPixel, mapConfig, center }: Props) {
  const t = useTranslations('enterprise');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ isError: boolean; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const set = (index: number, patch: Partial<GeorefRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const placed = useMemo(
    () =>
      rows
        .map((row, index) => ({ ...georefRowPoint(row), number: index + 1 }))
        .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng)),
    [rows],
  );

  async function save() {
    setStatus(null);
    const points = rows.map(georefRowPoint);
    const parsed = z.array(georefPointInput).safeParse(points);
    if (!parsed.success) {
      const issues = issuesByField(parsed.error);
      setErrors(Object.fromEntries(Object.entries(issues).map(([path, key]) => [path, t(`validation.${key}`)])));
      setStatus({ isError: true, text: t('fixErrors') });
      return;
    }
    setErrors({});
    if (points.length === 1) {
      setStatus({ isError: true, text: t('georef.needTwo') });
      return;
    }
    setIsBusy(true);
    const result = await callApi(`/api/enterprises/${enterpriseId}/georef`, { method: 'PUT', body: { points: parsed.data } });
    setIsBusy(false);
    if (!result.ok) {
      setStatus({ isError: true, text: result.status === 0 ? t('networkError') : result.error.message });
      return;
    }
    setStatus({ isError: false, text: t('saved') });
    router.refresh();
  }

  return (
    <section aria-labelledby="georef-title" data-testid="georef-editor">
      <h2 id="georef-title" className={styles.sectionTitle}>
        {t('georef.title')}
      </h2>
      <p className={styles.muted}>{t('georef.intro')}</p>
      <div className={styles.georefGrid}>
        <div>
          <ul className={styles.list}>
            {rows.map((row, index) => (
              <li key={index} className={`${styles.row} ${styles.rowGeoref} ${index === activeRow ? styles.selected : ''}`}>
                <span className={styles.rowNumber}>{index + 1}</span>
                {FIELDS.map((field) => (
                  <div key={field}>
                    <input
                      className={styles.input}
                      value={row[field]}
                      inputMode="decimal"
                      placeholder={t(`georef.${field}`)}
                      aria-label={t('georef.fieldLabel', { field: t(`georef.${field}`), number: index + 1 })}
                      aria-invalid={errors[`${index}.${field}`] ? true : undefined}
                      onFocus={() => onActivate(index)}
                      onChange={(event) => set(index, { [field]: event.target.value })}
                    />
                    {errors[`${index}.${field}`] && <span className={styles.error}>{errors[`${index}.${field}`]}</span>}
                  </div>
                ))}
                <button
                  type="button"
                  className={styles.iconButton}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  aria-label={t('removeRow', { number: index + 1 })}
                >
                  ×
                </button>
                <span />
                <span className={styles.toolbar} style={{ gridColumn: 'span 5' }}>
                  <Button onClick={() => onPickPixel(index)}>{t('georef.pickPixel')}</Button>
                  <Button onClick={() => onActivate(index)} aria-pressed={index === activeRow}>
                    {t('georef.pickGeo')}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
          {status && (status.isError ? <Alert>{status.text}</Alert> : <Notice>{status.text}</Notice>)}
          <div className={styles.actions}>
            <Button onClick={() => onChange([...rows, { x: '', y: '', lat: '', lng: '' }])} disabled={rows.length >= 3}>
              {t('georef.add')}
            </Button>
            <Button variant="primary" onClick={save} disabled={isBusy} data-testid="georef-save">
              {isBusy ? t('saving') : t('save')}
            </Button>
          </div>
        </div>
        <div>
          <p className={styles.muted}>{rows.length > 0 ? t('georef.geoHint', { number: activeRow + 1 }) : t('georef.addFirst')}</p>
          <div className={styles.geoMap}>
            <GeoPicker
              config={mapConfig}
              center={center}
              controlPoints={placed}
              label={t('georef.geoMap')}
              onPick={(lat, lng) => rows[activeRow] && set(activeRow, { lat: lat.toFixed(6), lng: lng.toFixed(6) })}
            />
          </div>
        </div>
      </div>
    </section>
  );
}
