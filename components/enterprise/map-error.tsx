import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/form-field';
import { DomainError } from '@/server/kernel/errors';
import styles from './enterprise.module.css';

export type MapErrorKind = 'forbidden' | 'notFound' | 'notPublished';

/** Which of the viewer's error pages a failed load deserves; anything unexpected is rethrown. */
export function classifyMapError(error: unknown): MapErrorKind {
  if (!(error instanceof DomainError)) throw error;
  if (error.code === 'forbidden') return 'forbidden';
  if (error.messageKey === 'mapNotPublished') return 'notPublished';
  // A malformed id or an enterprise of another jurisdiction is simply not there.
  if (error.code === 'not_found' || error.code === 'invalid_input') return 'notFound';
  throw error;
}

export async function MapErrorPage({ kind, homeHref }: { kind: MapErrorKind; homeHref: string }) {
  const t = await getTranslations('oneMap');
  return (
    <main className={styles.errorPage} data-testid="map-error" data-kind={kind}>
      <Card>
        <h1 className={styles.title}>{t(`errors.${kind}.title`)}</h1>
        <p>{t(`errors.${kind}.body`)}</p>
        <Link href={homeHref}>{t('errors.home')}</Link>
      </Card>
    </main>
  );
}
