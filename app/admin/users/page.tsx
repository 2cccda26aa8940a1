import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UserManager } from '@/components/admin/user-manager';
import { AppHeader } from '@/components/ui/app-header';
import { listUsers } from '@/server/admin';
import { requirePageActor } from '@/server/pages/require-actor';
import styles from '@/components/admin/admin.module.css';

export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('admin');
  const directory = await listUsers({ ctx });
  return (
    <>
      <AppHeader actor={actor} current="/admin" />
      <main className={styles.page}>
        <Link className={styles.breadcrumb} href="/admin">
          {t('backToAdmin')}
        </Link>
        <h1 className={styles.title}>{t('users.title')}</h1>
        <p className={styles.intro}>{t('users.intro')}</p>
        <UserManager directory={directory} currentUserId={actor.id} />
      </main>
    </>
  );
}
