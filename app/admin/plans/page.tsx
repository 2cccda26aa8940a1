import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PlanList } from '@/components/admin/plan-list';
import { AppHeader } from '@/components/ui/app-header';
import { listAdminPlans } from '@/server/admin';
import { requirePageActor } from '@/server/pages/require-actor';
import styles from '@/components/admin/admin.module.css';

export const dynamic = 'force-dynamic';

export default async function PlansPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('admin');
  const plans = await listAdminPlans({ ctx });
  return (
    <>
      <AppHeader actor={actor} current="/admin" />
      <main className={styles.page}>
        <Link className={styles.breadcrumb} href="/admin">
          {t('backToAdmin')}
        </Link>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>{t('plans.title')}</h1>
          <Link className={styles.primaryLink} href="/admin/plans/new" data-testid="plan-new">
            {t('plans.new')}
          </Link>
        </div>
        <p className={styles.intro}>{t('plans.intro')}</p>
        <PlanList plans={plans} />
      </main>
    </>
  );
}
