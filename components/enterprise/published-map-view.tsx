'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useRef, useState } from 'react';
import { PublishedPlan } from '@/components/maps/published-plan';
import type { MapContent, PublishedRiskPoint } from '@/server/contracts/one-map';
import { KindLegend } from './kind-legend';
import { MapDirectory } from './map-directory';
import { PointsTable } from './points-table';
import { RiskPointDetails } from './risk-point-details';
import styles from './enterprise.module.css';

/** A published one-map to look at: plan, tap a point for its measures, the full table and contacts. */
export function PublishedMapView({ content }: { content: MapContent }) {
  const t = useTranslations('oneMap');
  const [selected, setSelected] = useState<PublishedRiskPoint | null>(null);
  const detailsRef = useRef<HTMLDivElement>(null);
  const kinds = useMemo(() => [...new Set(content.riskPoints.map((point) => point.kind))], [content.riskPoints]);

  const selectFromMap = useCallback((point: PublishedRiskPoint) => setSelected(point), []);
  const selectFromTable = useCallback((point: PublishedRiskPoint) => {
    setSelected(point);
    // The table is far below the map on a phone: bring the map and the measures back into view.
    requestAnimationFrame(() => detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  }, []);

  return (
    <div className={styles.viewer}>
      <div className={styles.viewerMain} ref={detailsRef}>
        <PublishedPlan
          plan={content.plan}
          points={content.riskPoints}
          selectedId={selected?.id ?? null}
          onSelectPoint={selectFromMap}
          className={styles.viewerMap}
          empty={<p className={styles.muted}>{t('map.noPlan')}</p>}
        />
        <aside className={styles.viewerSide} aria-live="polite">
          {selected ? (
            <RiskPointDetails point={selected} onClose={() => setSelected(null)} />
          ) : (
            <p className={styles.hintBox}>{t('map.tapHint')}</p>
          )}
          <KindLegend kinds={kinds} />
        </aside>
      </div>
      <section aria-labelledby="points-table-title">
        <h2 id="points-table-title" className={styles.sectionTitle}>
          {t('table.title', { count: content.riskPoints.length })}
        </h2>
        <PointsTable points={content.riskPoints} selectedId={selected?.id ?? null} onSelect={selectFromTable} />
      </section>
      <MapDirectory contacts={content.contacts} materials={content.materials} />
    </div>
  );
}
