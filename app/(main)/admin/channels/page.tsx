import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { ChannelOverview } from '@/components/admin/channel-overview';
import { getChannelOverview } from '@/server/notify';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

export default async function ChannelsPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('channels');
  const overview = await getChannelOverview({ ctx });
  return (
    <AdminPage actor={actor} current="/admin" title={t('title')} intro={t('intro')}>
      <ChannelOverview overview={overview} />
    </AdminPage>
  );
}
