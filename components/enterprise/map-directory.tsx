import { useTranslations } from 'next-intl';
import type { MapContent } from '@/server/contracts/one-map';
import styles from './enterprise.module.css';

/** The map's emergency contacts and on-site materials, read-only. */
export function MapDirectory({ contacts, materials }: Pick<MapContent, 'contacts' | 'materials'>) {
  const t = useTranslations('oneMap');
  return (
    <div className={styles.directory}>
      <section aria-labelledby="map-contacts">
        <h2 id="map-contacts" className={styles.sectionTitle}>
          {t('contacts.title')}
        </h2>
        {contacts.length === 0 ? (
          <p className={styles.muted}>{t('contacts.empty')}</p>
        ) : (
          <ul className={styles.plainList}>
            {contacts.map((contact, index) => (
              <li key={index} data-testid="map-contact">
                <strong>{contact.name}</strong> <span className={styles.muted}>{contact.role}</span>{' '}
                <a className={styles.callLink} href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>
                  {contact.phone}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="map-materials">
        <h2 id="map-materials" className={styles.sectionTitle}>
          {t('materials.title')}
        </h2>
        {materials.length === 0 ? (
          <p className={styles.muted}>{t('materials.empty')}</p>
        ) : (
          <ul className={styles.plainList}>
            {materials.map((material, index) => (
              <li key={index}>
                <strong>{material.kind}</strong> {material.quantity} <span className={styles.muted}>· {material.location}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
