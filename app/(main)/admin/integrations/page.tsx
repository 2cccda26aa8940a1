import { getTranslations } from 'next-intl/server';
import { AdminPage } from '@/components/admin/admin-page';
import { TokenManager } from '@/components/intake/token-manager';
import { listIntegrationTokens } from '@/server/integrations';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

/** 对接令牌: the tokens other systems file reports with (docs/api.md). */
export default async function IntegrationsPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('intake');
  const tokens = await listIntegrationTokens({ ctx });
  return (
    <AdminPage actor={actor} current="/admin" title={t('tokens.title')} intro={t('tokens.intro')}>
      <TokenManager initialTokens={tokens} />
    </AdminPage>
  );
}
