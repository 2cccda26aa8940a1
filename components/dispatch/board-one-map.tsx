'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { KindSwatch } from '@/components/enterprise/kind-legend';
import { RiskPointDetails } from '@/components/enterprise/risk-point-details';
import { PublishedPlan } from '@/components/maps/published-plan';
import type { PublishedMap, PublishedRiskPoint } from '@/server/contracts/one-map';
import { useEnterpriseMap } from './use-enterprise-map';
import styles from './board-one-map.module.css';

/** The linked enterprise's 一张图 beside the people: where its valves and outfalls are, and whom to call. */
export function BoardOneMap({ enterprise }: { enterprise: { id: string; name: string } }) {
  const t = useTranslations('board');
  const load = useEnterpriseMap(enterprise.id);
  const href = `/enterprises/${enterprise.id}/map`;

  return (
    <section
      className={styles.box}
      aria-labelledby={`board-one-map-title-${enterprise.id}`}
      data-testid="board-enterprise-map"
      data-enterprise-id={enterprise.id}
    >
      <div className={styles.head}>
        <h2 id={`board-one-map-title-${enterprise.id}`} className={styles.title}>
          {t('oneMap.title', { name: enterprise.name })}
        </h2>
        {load?.kind === 'ready' && (
          <span className={styles.version} data-testid="board-map-version" data-version={load.map.version}>
            {t('oneMap.version', { version: load.map.version })}
          </span>
        )}
        <a href={href} className={styles.openLink}>
          {t('oneMap.open')}
        </a>
      </div>
      {!load || load.kind === 'loading' ? (
        <p className={styles.muted}>{t('oneMap.loading')}</p>
      ) : load.kind === 'error' ? (
        <p className={styles.error} role="status" data-reason={load.reason}>
          {t(`oneMap.errors.${load.reason}`)}
        </p>
      ) : (
        <ReadyMap map={load.map} />
      )}
    </section>
  );
}

function ReadyMap({ map }: { map: PublishedMap }) {
  const t = useTranslations('board');
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const selected = selectedCode ? (map.riskPoints.find((point) => point.code === selectedCode) ?? null) : null;
  const select = useCallback((point: PublishedRiskPoint) => setSelectedCode(point.code), []);

  return (
    <div className={styles.grid}>
      <PublishedPlan
        plan={map.plan}
        points={map.riskPoints}
        selectedId={selected?.id ?? null}
        onSelectPoint={select}
        className={styles.plan}
        empty={<p className={styles.muted}>{t('oneMap.noPlan')}</p>}
      />
      <div className={styles.side}>
        {selected ? (
          <RiskPointDetails point={selected} onClose={() => setSelectedCode(null)} />
        ) : (
          <p className={styles.hint}>{t('oneMap.hint')}</p>
        )}
        <ol className={styles.points} aria-label={t('oneMap.points', { count: map.riskPoints.length })}>
          {map.riskPoints.map((point) => (
            <li key={point.id}>
              <button
                type="button"
                className={styles.pointRow}
                aria-pressed={point.id === selected?.id}
                data-testid="board-map-point-row"
                data-code={point.code}
                onClick={() => select(point)}
              >
                <KindSwatch kind={point.kind} label={String(point.number)} />
                <span>
                  <strong>{point.code}</strong> {point.name}
                  <span className={styles.measure}>{point.disposalSteps[0] ?? t('oneMap.noSteps')}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
        {map.contacts.length > 0 && (
          <ul className={styles.contacts} aria-label={t('oneMap.contacts')}>
            {map.contacts.map((contact, index) => (
              <li key={index}>
                <strong>{contact.name}</strong> <span className={styles.muted}>{contact.role}</span>{' '}
                <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
