import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Actor } from '@/server/kernel/auth/actor';
import { AppHeader } from '../ui/app-header';
import styles from './admin.module.css';

type Props = {
  actor: Actor;
  current: string;
  title: string;
  intro: string;
  /** Shown beside the title, e.g. a "new" link. */
  action?: ReactNode;
  children: ReactNode;
};

/** The frame of every administration page: header, a way back to /admin for admins, title and intro. */
export async function AdminPage({ actor, current, title, intro, action, children }: Props) {
  const t = await getTranslations('admin');
  return (
    <>
      <AppHeader actor={actor} current={current} />
      <main className={styles.page}>
        {actor.role === 'admin' && (
          <Link className={styles.breadcrumb} href="/admin">
            {t('backToAdmin')}
          </Link>
        )}
        <div className={styles.titleRow}>
          <h1 className={styles.title}>{title}</h1>
          {action}
        </div>
        <p className={styles.intro}>{intro}</p>
        {children}
      </main>
    </>
  );
}
