import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { ReceptorManager } from '@/components/admin/receptor-manager';
import { listReceptors } from '@/server/receptors';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

export default async function ReceptorsPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('receptors');
  const receptors = await listReceptors({ ctx });
  return (
    <AdminPage actor={actor} current="/admin" title={t('title')} intro={t('intro')}>
      <ReceptorManager receptors={receptors} />
    </AdminPage>
  );
}
