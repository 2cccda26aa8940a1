'use client';

import { useLocale, useTranslations } from 'next-intl';
import { RiskLevelBadge } from '@/components/enterprise/risk-level-badge';
import { RISK_LEVELS, type RiskLevel } from '@/server/contracts/one-map';
import { useSuspectedSources } from './use-suspected-sources';
import styles from './board-one-map.module.css';

const isRiskLevel = (value: string): value is RiskLevel => (RISK_LEVELS as readonly string[]).includes(value);

/** 可疑污染源: the nearest enterprises whose one-map holds what this incident looks like. A lead, not a verdict. */
export function SuspectedSources({ incidentId }: { incidentId: string }) {
  const t = useTranslations('board');
  const { state, retry } = useSuspectedSources(incidentId);
  const locale = useLocale();

  const formatDistance = (metres: number) =>
    metres < 1000
      ? t('suspects.metres', { value: Math.round(metres / 10) * 10 })
      : t('suspects.kilometres', { value: Math.round(metres / 100) / 10 });

  return (
    <section className={styles.box} aria-labelledby="suspects-title" data-testid="suspected-sources">
      <h2 id="suspects-title" className={styles.title}>
        {t('suspects.title')}
      </h2>
      <p className={styles.hint}>{t('suspects.hint')}</p>
      {state.kind === 'loading' ? (
        <p className={styles.muted}>{t('suspects.loading')}</p>
      ) : state.kind === 'error' ? (
        <p className={styles.error} role="status">
          {state.message || t('suspects.failed')}{' '}
          <button type="button" className={styles.retry} onClick={() => void retry()}>
            {t('suspects.retry')}
          </button>
        </p>
      ) : state.sources.length === 0 ? (
        <p className={styles.muted} data-testid="suspected-sources-empty">
          {t('suspects.empty')}
        </p>
      ) : (
        <ol className={styles.suspects}>
          {state.sources.map((source) => (
            <li
              key={source.enterpriseId}
              className={styles.suspect}
              data-testid="suspected-source"
              data-enterprise-id={source.enterpriseId}
            >
              <div className={styles.suspectHead}>
                <a href={`/enterprises/${source.enterpriseId}/map`} className={styles.suspectName}>
                  {source.name}
                </a>
                {isRiskLevel(source.riskLevel) && <RiskLevelBadge level={source.riskLevel} />}
                <span className={styles.distance}>{t('suspects.distance', { distance: formatDistance(source.distanceMetres) })}</span>
              </div>
              <ul className={styles.matches}>
                {source.matches.map((match) => (
                  <li key={match.code}>
                    <strong>{match.code}</strong> {match.name}
                    {match.substances.length > 0 && (
                      <span className={styles.muted}>
                        {' · '}
                        {match.substances.map((substance, index) => {
                          const category = match.categories?.[substance];
                          return (
                            <span key={substance} data-testid="suspected-substance" data-category={category?.id}>
                              {index > 0 && t('suspects.separator')}
                              {substance}
                              {category && t('suspects.category', { category: locale === 'en' ? category.en : category.zh })}
                            </span>
                          );
                        })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
