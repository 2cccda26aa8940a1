import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { RosterBoard } from '@/components/admin/roster-board';
import { listRoster } from '@/server/staff';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

export default async function RosterPage() {
  const { actor, ctx } = await requirePageActor('admin', 'duty_officer');
  const t = await getTranslations('admin');
  const roster = await listRoster({ ctx });
  return (
    <AdminPage actor={actor} current="/admin/roster" title={t('roster.title')} intro={t('roster.intro')}>
      <RosterBoard initial={roster} />
    </AdminPage>
  );
}
