'use client';

import { useTranslations } from 'next-intl';
import { RISK_COLORS, RISK_ORDER } from '@/components/maps/risk-colors';
import { RISK_POINT_MIN_ZOOM } from '@/components/maps/zone-map';
import type { ZoneMapState } from './use-zone-map';
import styles from './zone.module.css';

/** Find a plant by name, show only some risk levels, and say when risk points are on the map. */
export function ZoneToolbar({ zone, total }: { zone: ZoneMapState; total: number }) {
  const t = useTranslations('dashboard');
  const { status } = zone;
  const visibleCount = zone.visible.length;

  return (
    <div className={styles.toolbar}>
      <form
        className={styles.search}
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          zone.focusMatches();
        }}
      >
        <label htmlFor="zone-search" className="visually-hidden">
          {t('zone.searchLabel')}
        </label>
        <input
          id="zone-search"
          type="search"
          data-testid="zone-search"
          placeholder={t('zone.searchPlaceholder')}
          value={zone.query}
          autoComplete="off"
          onChange={(event) => zone.setQuery(event.target.value)}
        />
        <button type="submit" className={styles.searchButton} disabled={zone.query.trim() === '' || zone.matchCount === 0}>
          {t('zone.locate')}
        </button>
      </form>
      <fieldset className={styles.levels}>
        <legend className="visually-hidden">{t('zone.filterLabel')}</legend>
        {RISK_ORDER.map((level) => (
          <label key={level} className={styles.level}>
            <input
              type="checkbox"
              data-testid={`zone-filter-${level}`}
              checked={zone.levels.has(level)}
              onChange={() => zone.toggle(level)}
            />
            <span className={styles.swatch} style={{ background: RISK_COLORS[level] }} aria-hidden="true" />
            {t('zone.level', { level: t(`risk.${level}`) })}
          </label>
        ))}
      </fieldset>
      <span className={styles.count} data-testid="zone-enterprise-count" data-count={visibleCount} aria-live="polite">
        {t('zone.count', { visible: visibleCount, total })}
      </span>
      <span
        className={styles.pointsStatus}
        data-testid="zone-points-status"
        data-shown={status?.isShown ?? false}
        data-count={status?.pointCount ?? 0}
      >
        {!status || !status.isShown
          ? t('zone.zoomHint', { zoom: RISK_POINT_MIN_ZOOM })
          : status.isLoading
            ? t('zone.pointsLoading')
            : t('zone.pointsShown', { count: status.pointCount })}
      </span>
      {zone.query.trim() !== '' && zone.matchCount === 0 && (
        <p className={styles.noMatch} role="status">
          {t('zone.noMatch', { query: zone.query.trim() })}
        </p>
      )}
    </div>
  );
}
