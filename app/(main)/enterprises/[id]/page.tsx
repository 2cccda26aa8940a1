import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MapErrorPage, classifyMapError, type MapErrorKind } from '@/components/enterprise/map-error';
import { MapStatusBadges } from '@/components/enterprise/map-status-badges';
import { PublishedMapView } from '@/components/enterprise/published-map-view';
import { RiskLevelBadge } from '@/components/enterprise/risk-level-badge';
import { VersionHistory, type MapVersionRow } from '@/components/enterprise/version-history';
import styles from '@/components/enterprise/enterprise.module.css';
import { AppHeader } from '@/components/ui/app-header';
import { Card, Notice } from '@/components/ui/form-field';
import type { PublishedMap } from '@/server/contracts/one-map';
import { listEnterprises } from '@/server/enterprises';
import { getPublishedMap, listMapVersions } from '@/server/one-map';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

type Ctx = Parameters<typeof getPublishedMap>[0]['ctx'];

type Loaded = { versions: MapVersionRow[]; map: PublishedMap | null } | { error: MapErrorKind };

async function loadReview(ctx: Ctx, enterpriseId: string): Promise<Loaded> {
  try {
    const versions = await listMapVersions({ ctx, input: { enterpriseId } });
    const map = versions.length > 0 ? await getPublishedMap({ ctx, input: { enterpriseId } }) : null;
    return { versions, map };
  } catch (error) {
    return { error: classifyMapError(error) };
  }
}

/** The bureau's review of one enterprise's one-map: the current version, its history, approvals. */
export default async function EnterpriseReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const { id } = await params;
  const t = await getTranslations('enterprise');
  const review = await loadReview(ctx, id);
  const enterprise = (await listEnterprises({ ctx })).find((candidate) => candidate.id === id);

  if ('error' in review || !enterprise) {
    return (
      <>
        <AppHeader actor={actor} current="/enterprises" />
        <MapErrorPage kind={'error' in review ? review.error : 'notFound'} homeHref="/enterprises" />
      </>
    );
  }
  const { map, versions } = review;
  return (
    <>
      <AppHeader actor={actor} current="/enterprises" />
      <main className={styles.page}>
        <div className={styles.pageHead}>
          <div>
            <Link href="/enterprises">{t('review.back')}</Link>
            <h1 className={styles.title}>{t('review.title', { name: enterprise.name })}</h1>
            <p className={styles.muted}>{enterprise.address}</p>
            <div className={styles.statusRow}>
              <RiskLevelBadge level={enterprise.riskLevel} />
              {map && (
                <MapStatusBadges version={map.version} publishedAt={map.publishedAt} approvedAt={map.approvedAt} isStale={map.isStale} />
              )}
            </div>
          </div>
          {map && (
            <div className={styles.links}>
              <Link href={`/enterprises/${id}/map`}>{t('review.liveLink')}</Link>
              <a href={`/api/enterprises/${id}/poster.pdf`}>{t('review.posterLink')}</a>
            </div>
          )}
        </div>
        {map?.isStale && <Notice>{t('review.staleNotice')}</Notice>}
        <Card>
          <h2 className={styles.sectionTitle}>{t('review.history')}</h2>
          <VersionHistory enterpriseId={id} versions={versions} canApprove />
        </Card>
        {map ? <PublishedMapView content={map} /> : <p className={styles.muted}>{t('review.notPublished')}</p>}
      </main>
    </>
  );
}
