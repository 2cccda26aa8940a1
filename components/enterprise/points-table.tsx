import { useTranslations } from 'next-intl';
import type { PublishedRiskPoint } from '@/server/contracts/one-map';
import { KindSwatch } from './kind-legend';
import { riskPointStyle } from '@/components/maps/risk-point-style';
import styles from './enterprise.module.css';

type Props = { points: PublishedRiskPoint[]; selectedId?: string | null; onSelect?: (point: PublishedRiskPoint) => void };

/** Every risk point with its measures, in number order: the same list as the printed poster. */
export function PointsTable({ points, selectedId, onSelect }: Props) {
  const t = useTranslations('oneMap');
  if (points.length === 0) return <p className={styles.muted}>{t('table.empty')}</p>;
  return (
    <table className={styles.pointsTable}>
      <thead>
        <tr>
          <th scope="col">{t('table.number')}</th>
          <th scope="col">{t('table.point')}</th>
          <th scope="col">{t('table.measures')}</th>
          <th scope="col">{t('table.responsible')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.id} data-testid="point-row" data-code={point.code} aria-selected={point.id === selectedId}>
            <td>
              <KindSwatch kind={point.kind} label={String(point.number)} />
            </td>
            <td>
              {onSelect ? (
                <button type="button" className={styles.linkButton} onClick={() => onSelect(point)}>
                  <strong>{point.code}</strong> {point.name}
                </button>
              ) : (
                <span>
                  <strong>{point.code}</strong> {point.name}
                </span>
              )}
              <div className={styles.muted}>{t(riskPointStyle(point.kind).labelKey)}</div>
            </td>
            <td>
              {point.disposalSteps.length > 0 ? (
                <ol className={styles.compactSteps}>
                  {point.disposalSteps.map((step, index) => (
                    <li key={index}>{step}</li>
                  ))}
                </ol>
              ) : (
                <span className={styles.muted}>{t('details.noSteps')}</span>
              )}
            </td>
            <td>
              {point.responsibleName}
              {point.responsiblePhone && (
                <div>
                  <a href={`tel:${point.responsiblePhone.replace(/[^0-9+]/g, '')}`}>{point.responsiblePhone}</a>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
