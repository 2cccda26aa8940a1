'use client';

import { useTranslations } from 'next-intl';
import { buildAmapUrl, buildGeoUri } from '@/components/field/geo';
import { useIncidentMaterials } from './use-incident-materials';
import styles from './materials.module.css';

/** On the role card: which depot to collect what from, its custodian's phone, and a navigation link. */
export function CardMaterials({ incidentId }: { incidentId: string }) {
  const t = useTranslations('materials');
  const { materials } = useIncidentMaterials(incidentId);
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
                {rows.map((row) => (
                  <li key={row.id}>
                    {row.itemName} {row.quantity} {t(`unit.${row.unit}`)} · {t(`status.${row.status}`)}
                  </li>
                ))}
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
    </section>
  );
}
