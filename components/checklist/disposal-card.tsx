import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { MapContent } from '@/server/contracts/one-map';
import styles from './disposal-card.module.css';
import { PrintButton } from './print-button';

type Props = {
  content: MapContent;
  published: { version: number; publishedAt: string } | null;
  printedAt: Date;
};

/** 应急处置卡: per risk point its substances, ordered steps and who answers for it; then whom to call. */
export async function DisposalCard({ content, published, printedAt }: Props) {
  const t = await getTranslations('checklist');
  const format = await getFormatter();
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <article className={styles.sheet} data-testid="disposal-card">
      <div className={styles.toolbar}>
        <PrintButton />
      </div>
      <header className={styles.head}>
        <h1>{t('card.title')}</h1>
        <p className={styles.subtitle}>
          {t('card.subtitle', { name: content.enterprise.name, level: t(`riskLevels.${content.enterprise.riskLevel}`) })}
        </p>
        <p className={styles.meta}>
          {t('card.source', { time: date(printedAt) })} ·{' '}
          {published
            ? t('card.published', { version: published.version, date: date(new Date(published.publishedAt)) })
            : t('card.notPublished')}
        </p>
      </header>

      <section className={styles.contacts} data-testid="card-contacts">
        <h2>{t('card.contacts')}</h2>
        <ul>
          {content.contacts.map((contact, index) => (
            <li key={index}>
              <strong>{contact.name}</strong> <span>{contact.role}</span> <a href={`tel:${contact.phone}`}>{contact.phone}</a>
            </li>
          ))}
        </ul>
      </section>

      {content.riskPoints.length === 0 && (
        <p className={styles.empty}>
          {t('card.empty')} <Link href="/enterprise/checklist">{t('card.startChecklist')}</Link>
        </p>
      )}

      {content.riskPoints.map((point) => (
        <section key={point.id} className={styles.block} data-testid="card-point">
          <h2 className={styles.blockHead}>
            <span className={styles.number}>{point.number}</span>
            <span className={styles.code}>{point.code}</span>
            <span>{point.name}</span>
            <span className={styles.kind}>{t(`kinds.${point.kind}`)}</span>
          </h2>
          {point.substances.length > 0 && (
            <p className={styles.line}>
              <strong>{t('card.substances')}</strong>{' '}
              {point.substances.map((substance) => `${substance.name} ${substance.maxQuantity} ${substance.unit}`).join(' · ')}
            </p>
          )}
          <p className={styles.label}>{t('card.steps')}</p>
          {point.disposalSteps.length > 0 ? (
            <ol className={styles.steps}>
              {point.disposalSteps.map((step, index) => (
                <li key={index}>{step}</li>
              ))}
            </ol>
          ) : (
            <p className={styles.missing}>{t('card.noSteps')}</p>
          )}
          {(point.responsibleName || point.responsiblePhone) && (
            <p className={styles.line}>
              <strong>{t('card.responsible')}</strong> {point.responsibleName}{' '}
              <a href={`tel:${point.responsiblePhone}`}>{point.responsiblePhone}</a>
            </p>
          )}
        </section>
      ))}

      {content.materials.length > 0 && (
        <section className={styles.materials}>
          <h2>{t('card.materials')}</h2>
          <ul>
            {content.materials.map((material, index) => (
              <li key={index}>
                {material.kind} · {material.quantity} · {material.location}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
