'use client';

import { useTranslations } from 'next-intl';
import { buildAmapUrl, buildGeoUri } from '@/components/field/geo';
import { NEXT_RESERVATION_STATUS } from '@/server/contracts/material-steps';
import { useIncidentMaterials } from './use-incident-materials';
import styles from './materials.module.css';

/**
 * On the role card: which depot to collect what from, its custodian's phone, a navigation link, and
 * the step the crew reports themselves (已领取 at the depot, 已布设 on site), live as others report it.
 */
export function CardMaterials({ incidentId, isLifted }: { incidentId: string; isLifted: boolean }) {
  const t = useTranslations('materials');
  const { materials, actionError, advance } = useIncidentMaterials(incidentId);
  if (!materials || materials.reservations.length === 0) return null;
  const byDepot = new Map<string, typeof materials.reservations>();
  for (const reservation of materials.reservations) {
    byDepot.set(reservation.depot.id, [...(byDepot.get(reservation.depot.id) ?? []), reservation]);
  }
  return (
    <section className={styles.box} aria-labelledby={`card-materials-${incidentId}`} data-testid="card-materials">
      <h3 id={`card-materials-${incidentId}`} className={styles.title}>
        {t('card.title')}
      </h3>
      <ul className={styles.list}>
        {[...byDepot.values()].map((rows) => {
          const depot = rows[0]!.depot;
          return (
            <li key={depot.id} data-testid="card-depot">
              <p className={styles.what}>{t('card.collectFrom', { depot: depot.name })}</p>
              <ul>
                {rows.map((row) => {
                  const next = NEXT_RESERVATION_STATUS[row.status];
                  return (
                    <li key={row.id} className={styles.cardItem} data-testid="card-reservation" data-status={row.status}>
                      <span>
                        {row.itemName} {row.quantity} {t(`unit.${row.unit}`)} · {t(`status.${row.status}`)}
                      </span>
                      {next && !isLifted && (
                        <button
                          type="button"
                          className={styles.button}
                          onClick={() => void advance(row.id)}
                          data-testid="card-reservation-advance"
                        >
                          {t(`advance.${next}`)}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
              <p className={styles.where}>
                {t('card.custodian', { name: depot.custodianName })} <a href={`tel:${depot.custodianPhone}`}>{depot.custodianPhone}</a>
              </p>
              <div className={styles.row}>
                <a className={styles.link} href={buildGeoUri(depot, depot.name)} data-testid="depot-nav-link">
                  {t('card.navigate')}
                </a>
                <a className={styles.link} href={buildAmapUrl(depot, depot.name)} target="_blank" rel="noopener noreferrer">
                  {t('card.amap')}
                </a>
              </div>
            </li>
          );
        })}
      </ul>
      {actionError && (
        <p className={styles.error} role="alert">
          {actionError}
        </p>
      )}
    </section>
  );
}
