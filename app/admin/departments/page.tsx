import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DepartmentManager } from '@/components/admin/department-manager';
import { AppHeader } from '@/components/ui/app-header';
import { listDepartments } from '@/server/admin';
import { requirePageActor } from '@/server/pages/require-actor';
import styles from '@/components/admin/admin.module.css';

export const dynamic = 'force-dynamic';

export default async function DepartmentsPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('admin');
  const departments = await listDepartments({ ctx });
  return (
    <>
      <AppHeader actor={actor} current="/admin" />
      <main className={styles.page}>
        <Link className={styles.breadcrumb} href="/admin">
          {t('backToAdmin')}
        </Link>
        <h1 className={styles.title}>{t('departments.title')}</h1>
        <p className={styles.intro}>{t('departments.intro')}</p>
        <DepartmentManager departments={departments} />
      </main>
    </>
  );
}
