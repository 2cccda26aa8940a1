import { useTranslations } from 'next-intl';
import { riskPointStyle } from '@/components/maps/risk-point-style';
import type { PublishedRiskPoint } from '@/server/contracts/one-map';
import { KindSwatch } from './kind-legend';
import styles from './enterprise.module.css';

/** One risk point's measures: what is stored there, the ordered disposal steps, and whom to call. */
export function RiskPointDetails({ point, onClose }: { point: PublishedRiskPoint; onClose?: () => void }) {
  const t = useTranslations('oneMap');
  const phone = point.responsiblePhone.replace(/[^0-9+]/g, '');
  return (
    <article className={styles.details} data-testid="point-details" data-code={point.code} aria-labelledby={`point-${point.id}-title`}>
      <header className={styles.detailsHeader}>
        <KindSwatch kind={point.kind} label={String(point.number)} />
        <div>
          <h3 id={`point-${point.id}-title`} className={styles.detailsTitle}>
            {point.code} · {point.name}
          </h3>
          <span className={styles.muted}>{t(riskPointStyle(point.kind).labelKey)}</span>
        </div>
        {onClose && (
          <button type="button" className={styles.closeButton} onClick={onClose} aria-label={t('details.close')}>
            ×
          </button>
        )}
      </header>

      <h4 className={styles.detailsHeading}>{t('details.steps')}</h4>
      {point.disposalSteps.length > 0 ? (
        <ol className={styles.steps}>
          {point.disposalSteps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      ) : (
        <p className={styles.muted}>{t('details.noSteps')}</p>
      )}

      {point.substances.length > 0 && (
        <>
          <h4 className={styles.detailsHeading}>{t('details.substances')}</h4>
          <ul className={styles.substances}>
            {point.substances.map((substance, index) => (
              <li key={index}>
                <span>{substance.name}</span>
                <span>{t('details.maxQuantity', { quantity: substance.maxQuantity, unit: substance.unit })}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h4 className={styles.detailsHeading}>{t('details.responsible')}</h4>
      {point.responsibleName || phone ? (
        <p className={styles.responsible}>
          <span>{point.responsibleName}</span>
          {phone && (
            <a className={styles.callLink} href={`tel:${phone}`}>
              {t('details.call', { phone: point.responsiblePhone })}
            </a>
          )}
        </p>
      ) : (
        <p className={styles.muted}>{t('details.noResponsible')}</p>
      )}
    </article>
  );
}
