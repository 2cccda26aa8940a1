import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { PlanList } from '@/components/admin/plan-list';
import { listAdminPlans } from '@/server/plans';
import { requirePageActor } from '@/server/pages/require-actor';
import styles from '@/components/admin/admin.module.css';

export const dynamic = 'force-dynamic';

export default async function PlansPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('admin');
  const plans = await listAdminPlans({ ctx });
  const newPlan = (
    <Link className={styles.primaryLink} href="/admin/plans/new" data-testid="plan-new">
      {t('plans.new')}
    </Link>
  );
  return (
    <AdminPage actor={actor} current="/admin" title={t('plans.title')} intro={t('plans.intro')} action={newPlan}>
      <PlanList plans={plans} />
    </AdminPage>
  );
}
