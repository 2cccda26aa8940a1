import { getTranslations } from 'next-intl/server';
import { MapErrorPage, classifyMapError, type MapErrorKind } from '@/components/enterprise/map-error';
import { MapStatusBadges } from '@/components/enterprise/map-status-badges';
import { PublishedMapView } from '@/components/enterprise/published-map-view';
import { RiskLevelBadge } from '@/components/enterprise/risk-level-badge';
import styles from '@/components/enterprise/enterprise.module.css';
import { AppHeader } from '@/components/ui/app-header';
import { HOME_BY_ROLE } from '@/server/contracts/home';
import type { PublishedMap } from '@/server/contracts/one-map';
import { getPublishedMap } from '@/server/one-map';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

type Loaded = { map: PublishedMap } | { error: MapErrorKind };

async function loadMap(ctx: Parameters<typeof getPublishedMap>[0]['ctx'], enterpriseId: string): Promise<Loaded> {
  try {
    return { map: await getPublishedMap({ ctx, input: { enterpriseId } }) };
  } catch (error) {
    return { error: classifyMapError(error) };
  }
}

/** 一张图 live view: what the poster's QR code opens, on a responder's phone as much as on a desk. */
export default async function LiveMapPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, ctx } = await requirePageActor();
  const { id } = await params;
  const t = await getTranslations('oneMap');
  const result = await loadMap(ctx, id);

  return (
    <>
      <AppHeader actor={actor} />
      {'error' in result ? (
        <MapErrorPage kind={result.error} homeHref={HOME_BY_ROLE[actor.role]} />
      ) : (
        <main className={styles.page}>
          <div>
            <h1 className={styles.title}>{t('live.title', { name: result.map.enterprise.name })}</h1>
            <p className={styles.muted}>{result.map.enterprise.address}</p>
            <div className={styles.statusRow}>
              <RiskLevelBadge level={result.map.enterprise.riskLevel} />
              <MapStatusBadges
                version={result.map.version}
                publishedAt={result.map.publishedAt}
                approvedAt={result.map.approvedAt}
                isStale={result.map.isStale}
              />
            </div>
          </div>
          <PublishedMapView content={result.map} />
        </main>
      )}
    </>
  );
}
