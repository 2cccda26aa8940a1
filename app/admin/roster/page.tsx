import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RosterBoard } from '@/components/admin/roster-board';
import { AppHeader } from '@/components/ui/app-header';
import { listRoster } from '@/server/admin';
import { requirePageActor } from '@/server/pages/require-actor';
import styles from '@/components/admin/admin.module.css';

export const dynamic = 'force-dynamic';

export default async function RosterPage() {
  const { actor, ctx } = await requirePageActor('admin', 'duty_officer');
  const t = await getTranslations('admin');
  const roster = await listRoster({ ctx });
  return (
    <>
      <AppHeader actor={actor} current="/admin/roster" />
      <main className={styles.page}>
        {actor.role === 'admin' && (
          <Link className={styles.breadcrumb} href="/admin">
            {t('backToAdmin')}
          </Link>
        )}
        <h1 className={styles.title}>{t('roster.title')}</h1>
        <p className={styles.intro}>{t('roster.intro')}</p>
        <RosterBoard initial={roster} />
      </main>
    </>
  );
}
