import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { MaterialsAdmin } from '@/components/materials/materials-admin';
import { listInventory } from '@/server/materials';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

/** 应急物资: depots, the catalogue and what each depot holds. */
export default async function MaterialsAdminPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('materials');
  const inventory = await listInventory({ ctx });
  return (
    <AdminPage actor={actor} current="/admin" title={t('admin.title')} intro={t('admin.intro')}>
      <MaterialsAdmin inventory={inventory} />
    </AdminPage>
  );
}
