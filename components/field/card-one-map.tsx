'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useRef, useState } from 'react';
import { KindSwatch } from '@/components/enterprise/kind-legend';
import { PlanLoading, PublishedPlan } from '@/components/maps/published-plan';
import type { MapLoad } from '@/components/maps/zone-map-fetch';
import type { PublishedMap, PublishedRiskPoint } from '@/server/contracts/one-map';
import { PointSheet } from './point-sheet';
import { namedFirst, pointsNamedIn } from './role-points';
import styles from './one-map.module.css';

type Props = {
  assignmentId: string;
  /** The role's instructions: the points they name come first and stand out. */
  instructions: string;
  enterprise: { id: string; name: string };
  load: MapLoad | undefined;
  onRetry: () => void;
};

/** The enterprise's 一张图 on the role card: where the valves and outfalls are, what to do there, whom to call. */
export function CardOneMap({ assignmentId, instructions, enterprise, load, onRetry }: Props) {
  const t = useTranslations('field');
  const titleId = `one-map-${assignmentId}-${enterprise.id}`;
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <div className={styles.head}>
        <h3 id={titleId} className={styles.title}>
          {t('oneMap.title', { name: enterprise.name })}
        </h3>
        {load?.kind === 'ready' && <VersionChip map={load.map} />}
      </div>
      {!load || load.kind === 'loading' ? (
        <>
          <p className={styles.hint}>{t('oneMap.loading')}</p>
          <div className={styles.planFrame}>
            <PlanLoading />
          </div>
        </>
      ) : load.kind === 'error' ? (
        <div className={styles.error} role="status" data-testid="card-map-error" data-reason={load.reason}>
          <strong>{t(`oneMap.errors.${load.reason}.title`)}</strong>
          <p>{t(`oneMap.errors.${load.reason}.body`)}</p>
          {(load.reason === 'offline' || load.reason === 'failed') && (
            <button type="button" className={styles.retry} onClick={onRetry}>
              {t('oneMap.retry')}
            </button>
          )}
        </div>
      ) : (
        <ReadyMap map={load.map} enterpriseId={enterprise.id} instructions={instructions} />
      )}
    </section>
  );
}

function VersionChip({ map }: { map: PublishedMap }) {
  const t = useTranslations('field');
  // The version the responder first saw: anything newer is pointed out, the plan may have changed under them.
  const firstSeen = useRef(map.version);
  const isUpdated = map.version > firstSeen.current;
  return (
    <span
      className={isUpdated ? styles.versionUpdated : styles.version}
      data-testid="card-map-version"
      data-version={map.version}
      aria-live="polite"
    >
      {isUpdated ? t('oneMap.updated', { version: map.version }) : t('oneMap.version', { version: map.version })}
    </span>
  );
}

function ReadyMap({ map, enterpriseId, instructions }: { map: PublishedMap; enterpriseId: string; instructions: string }) {
  const t = useTranslations('field');
  // By code, so a selection survives a new version of the same map.
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const selected = selectedCode ? (map.riskPoints.find((point) => point.code === selectedCode) ?? null) : null;
  const select = useCallback((point: PublishedRiskPoint) => setSelectedCode(point.code), []);
  const close = useCallback(() => setSelectedCode(null), []);
  const named = useMemo(() => pointsNamedIn(instructions, map.riskPoints), [instructions, map.riskPoints]);
  const listed = useMemo(() => namedFirst(map.riskPoints, named), [map.riskPoints, named]);

  return (
    <>
      {map.isStale && <p className={styles.stale}>{t('oneMap.stale')}</p>}
      <PublishedPlan
        plan={map.plan}
        points={map.riskPoints}
        selectedId={selected?.id ?? null}
        onSelectPoint={select}
        className={styles.planFrame}
        empty={<p className={styles.hint}>{t('oneMap.noPlan')}</p>}
        testId="card-map"
      />
      {map.plan && <p className={styles.hint}>{t('oneMap.tapHint')}</p>}

      <h4 className={styles.subTitle}>{t('oneMap.points', { count: map.riskPoints.length })}</h4>
      {map.riskPoints.length === 0 ? (
        <p className={styles.hint}>{t('oneMap.noPoints')}</p>
      ) : (
        <ol className={styles.points}>
          {listed.map((point) => (
            <li key={point.id}>
              <button
                type="button"
                className={named.has(point.code) ? styles.pointRowNamed : styles.pointRow}
                data-testid="card-map-point-row"
                data-code={point.code}
                data-named={String(named.has(point.code))}
                data-x={point.x}
                data-y={point.y}
                aria-pressed={point.id === selected?.id}
                onClick={() => select(point)}
              >
                <KindSwatch kind={point.kind} label={String(point.number)} />
                <span className={styles.pointText}>
                  <span className={styles.pointName}>
                    {point.code} · {point.name}
                    {named.has(point.code) && <span className={styles.namedTag}>{t('oneMap.namedPoint')}</span>}
                  </span>
                  <span className={styles.pointMeasure}>{point.disposalSteps[0] ?? t('oneMap.noSteps')}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}

      <h4 className={styles.subTitle}>{t('oneMap.contacts')}</h4>
      {map.contacts.length === 0 ? (
        <p className={styles.hint}>{t('oneMap.noContacts')}</p>
      ) : (
        <ul className={styles.contacts}>
          {map.contacts.map((contact, index) => (
            <li key={index}>
              <a className={styles.contact} href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`} data-testid="card-map-contact">
                <span>
                  <strong>{contact.name}</strong> <span className={styles.contactRole}>{contact.role}</span>
                </span>
                <span className={styles.contactPhone}>{contact.phone}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <a className={styles.fullLink} href={`/enterprises/${enterpriseId}/map`}>
        {t('oneMap.openFull')}
      </a>
      {selected && <PointSheet point={selected} enterpriseName={map.enterprise.name} onClose={close} />}
    </>
  );
}
