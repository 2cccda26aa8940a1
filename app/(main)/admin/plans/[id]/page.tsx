import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PlanEditor } from '@/components/admin/plan-editor';
import type { StaffOption } from '@/components/admin/plan-drafts';
import { AppHeader } from '@/components/ui/app-header';
import { Notice } from '@/components/ui/form-field';
import { getAdminPlan } from '@/server/plans';
import { listUsers } from '@/server/staff';
import { DomainError } from '@/server/kernel/errors';
import { requirePageActor } from '@/server/pages/require-actor';
import type { VerbContext } from '@/server/context';
import styles from '@/components/admin/admin.module.css';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

async function loadPlan(ctx: VerbContext, id: string) {
  if (id === 'new') return null;
  try {
    return await getAdminPlan({ ctx, input: { planId: id } });
  } catch (error) {
    // A malformed id is as missing as an unknown one.
    if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'invalid_input')) notFound();
    throw error;
  }
}

export default async function PlanPage({ params, searchParams }: Props) {
  const { actor, ctx } = await requirePageActor('admin');
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const t = await getTranslations('admin');
  const [plan, directory] = await Promise.all([loadPlan(ctx, id), listUsers({ ctx })]);
  const staff: StaffOption[] = directory.users.flatMap((user) =>
    user.role === 'field_staff' && user.isActive && user.departmentId
      ? [{ id: user.id, username: user.username, displayName: user.displayName, departmentId: user.departmentId, isOnDuty: user.isOnDuty }]
      : [],
  );
  return (
    <>
      <AppHeader actor={actor} current="/admin" />
      <main className={styles.page}>
        <Link className={styles.breadcrumb} href="/admin/plans">
          {t('planEditor.backToList')}
        </Link>
        <h1 className={styles.title}>{plan ? t('planEditor.editTitle', { name: plan.name }) : t('planEditor.createTitle')}</h1>
        {plan && created === '1' && <Notice>{t('planEditor.created')}</Notice>}
        <PlanEditor key={plan?.id ?? 'new'} plan={plan} departments={directory.departments} staff={staff} />
      </main>
    </>
  );
}
