import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OneMapEditor } from '@/components/enterprise/editor/one-map-editor';
import { RiskLevelBadge } from '@/components/enterprise/risk-level-badge';
import styles from '@/components/enterprise/enterprise.module.css';
import { AppHeader } from '@/components/ui/app-header';
import { Alert } from '@/components/ui/form-field';
import { getMapConfig } from '@/server/kernel/config/map-config';
import type { PublishedMap } from '@/server/contracts/one-map';
import { DomainError } from '@/server/kernel/errors';
import { getMapDraft, getPublishedMap, listMapVersions } from '@/server/one-map';
import { diffContent } from '@/server/one-map/diff-content';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

type Ctx = Parameters<typeof getPublishedMap>[0]['ctx'];

async function loadPublished(ctx: Ctx, enterpriseId: string): Promise<PublishedMap | null> {
  try {
    return await getPublishedMap({ ctx, input: { enterpriseId } });
  } catch (error) {
    if (error instanceof DomainError && error.messageKey === 'mapNotPublished') return null;
    throw error;
  }
}

/** 企业环境应急一张图: the enterprise maintains its own drawing, then publishes it for responders. */
export default async function EnterpriseMapEditorPage() {
  const { actor, ctx } = await requirePageActor('enterprise');
  const t = await getTranslations('enterprise');
  const enterpriseId = actor.enterpriseId;
  if (!enterpriseId) {
    return (
      <>
        <AppHeader actor={actor} current="/enterprise" />
        <main className={styles.page}>
          <Alert>{t('editor.noEnterprise')}</Alert>
        </main>
      </>
    );
  }

  const [{ draft, published }, publishedMap, versions] = await Promise.all([
    getMapDraft({ ctx, input: { enterpriseId } }),
    loadPublished(ctx, enterpriseId),
    listMapVersions({ ctx, input: { enterpriseId } }),
  ]);
  // The same comparison publishing will make, so "what would change" matches the next history entry.
  const pendingChanges = diffContent(publishedMap, draft);

  return (
    <>
      <AppHeader actor={actor} current="/enterprise" />
      <main className={styles.page}>
        <div className={styles.pageHead}>
          <div>
            <h1 className={styles.title}>{t('editor.title', { name: draft.enterprise.name })}</h1>
            <p className={styles.muted}>{t('editor.intro')}</p>
            <RiskLevelBadge level={draft.enterprise.riskLevel} />
          </div>
          <nav className={styles.links} aria-label={t('editor.related')}>
            <Link href="/enterprise/checklist">{t('editor.checklistLink')}</Link>
            {published && <Link href={`/enterprises/${enterpriseId}/map`}>{t('editor.liveLink')}</Link>}
            {published && <a href={`/api/enterprises/${enterpriseId}/poster.pdf`}>{t('editor.posterLink')}</a>}
          </nav>
        </div>
        <OneMapEditor
          enterpriseId={enterpriseId}
          draft={draft}
          published={published}
          pendingChanges={pendingChanges}
          versions={versions}
          mapConfig={getMapConfig()}
        />
      </main>
    </>
  );
}
