'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { PublishedRiskPoint } from '@/server/contracts/one-map';
import type { SitePlanImage } from './site-plan-map';
import styles from './site-plan.module.css';

/** Grey, as tall as the box it stands in, while the plan (or Leaflet) is still on its way. */
export function PlanLoading() {
  return <div className={styles.planLoading} />;
}

// Leaflet touches `window` on import: browser only, loaded when a plan is first shown.
const SitePlanMap = dynamic(() => import('./site-plan-map'), { ssr: false, loading: PlanLoading });

type Props = {
  plan: SitePlanImage | null;
  points: PublishedRiskPoint[];
  selectedId: string | null;
  onSelectPoint: (point: PublishedRiskPoint) => void;
  /** The box: its width, min-height and max-height; its aspect ratio is the plan's own. */
  className?: string;
  /** Shown instead when the enterprise has no plan yet. */
  empty: ReactNode;
  testId?: string;
};

/**
 * A published one-map's site plan with its risk points, in a box of the plan's own aspect ratio so
 * no screen is spent on grey margins. The board, the phone's card and the map page all show it.
 */
export function PublishedPlan({ plan, points, selectedId, onSelectPoint, className, empty, testId }: Props) {
  const t = useTranslations('oneMap');
  return (
    <div className={className} data-testid={testId} style={plan ? { aspectRatio: `${plan.width} / ${plan.height}` } : undefined}>
      {plan ? (
        <SitePlanMap
          key={plan.imageUrl}
          plan={plan}
          points={points}
          selectedId={selectedId}
          onSelectPoint={onSelectPoint}
          label={t('map.label')}
        />
      ) : (
        empty
      )}
    </div>
  );
}
