import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { DepartmentManager } from '@/components/admin/department-manager';
import { listDepartments } from '@/server/staff';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

export default async function DepartmentsPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('admin');
  const departments = await listDepartments({ ctx });
  return (
    <AdminPage actor={actor} current="/admin" title={t('departments.title')} intro={t('departments.intro')}>
      <DepartmentManager departments={departments} />
    </AdminPage>
  );
}
