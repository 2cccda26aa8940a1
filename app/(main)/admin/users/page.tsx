import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { UserManager } from '@/components/admin/user-manager';
import { listUsers } from '@/server/staff';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('admin');
  const directory = await listUsers({ ctx });
  return (
    <AdminPage actor={actor} current="/admin" title={t('users.title')} intro={t('users.intro')}>
      <UserManager directory={directory} currentUserId={actor.id} />
    </AdminPage>
  );
}
