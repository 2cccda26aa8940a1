import { getFormatter, getTranslations } from 'next-intl/server';
import { fieldPhotoUrl } from '@/server/contracts/field-reports';
import type { IncidentReview } from '@/server/contracts/review';
import styles from './review.module.css';

const TIME = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/** The materials reserved → collected → deployed → settled, the field reports with their photos, and the 情况通报. */
export async function ReviewExtras({ review }: { review: IncidentReview }) {
  const t = await getTranslations('review');
  const format = await getFormatter();
  return (
    <>
      <section className={styles.section}>
        <h2>{t('materials.title')}</h2>
        {review.materials.length === 0 ? (
          <p className={styles.muted}>{t('materials.empty')}</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('materials.item')}</th>
                <th scope="col">{t('materials.role')}</th>
                <th scope="col">{t('materials.depot')}</th>
                <th scope="col" className={styles.num}>
                  {t('materials.quantity')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('materials.consumed')}
                </th>
                <th scope="col">{t('materials.status')}</th>
              </tr>
            </thead>
            <tbody>
              {review.materials.map((row) => (
                <tr key={row.id}>
                  <td>{row.itemName}</td>
                  <td>{row.roleName}</td>
                  <td>{row.depot.name}</td>
                  <td className={styles.num}>{row.quantity}</td>
                  <td className={styles.num}>{row.consumed ?? '—'}</td>
                  <td>{t(`materials.statuses.${row.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className={styles.section}>
        <h2>{t('fieldReports.title')}</h2>
        {review.fieldReports.length === 0 ? (
          <p className={styles.muted}>{t('fieldReports.empty')}</p>
        ) : (
          <ul className={styles.list}>
            {review.fieldReports.map((report) => (
              <li key={report.id}>
                <span className={styles.num}>{format.dateTime(new Date(report.capturedAt), TIME)}</span> {report.author.displayName}（
                {report.roleName}）：{report.text}
                {report.photos.length > 0 && (
                  <span className={styles.photos}>
                    {report.photos.map((photo) => (
                      <a key={photo.id} href={fieldPhotoUrl(photo.id)} target="_blank" rel="noreferrer">
                        {/* eslint-disable-next-line @next/next/no-img-element -- access-checked API image, not a static asset */}
                        <img
                          src={fieldPhotoUrl(photo.id)}
                          alt={t('fieldReports.photo', { name: report.author.displayName })}
                          loading="lazy"
                        />
                      </a>
                    ))}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section}>
        <h2>{t('updates.title')}</h2>
        {review.updates.length === 0 ? (
          <p className={styles.muted}>{t('updates.empty')}</p>
        ) : (
          <ol className={styles.list}>
            {review.updates.map((update) => (
              <li key={update.id}>
                <span className={styles.num}>{format.dateTime(new Date(update.at), TIME)}</span> {update.authorName}：{update.text}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
