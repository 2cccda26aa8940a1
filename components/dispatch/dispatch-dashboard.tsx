'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import type { EnterpriseSummary, JurisdictionView, MapConfig, PlanView, PresenceView } from '@/server/contracts/views';
import type { IncidentSummary } from '@/server/contracts/dispatch';
import { PendingReports } from '@/components/intake/pending-reports';
import { ActiveIncidents } from './active-incidents';
import { MapLegend } from './map-legend';
import { TriggerPanel } from './trigger-panel';
import { useActiveIncidents } from './use-active-incidents';
import { useIncidentTypeName } from '@/components/ui/use-incident-type-name';
import { usePresence } from './use-presence';
import { useTriggerForm } from './use-trigger-form';
import { useZoneMap } from './use-zone-map';
import { ZoneToolbar } from './zone-toolbar';
import styles from './dispatch.module.css';

const DispatchMap = dynamic(() => import('@/components/maps/dispatch-map'), {
  ssr: false,
  loading: () => <div className={styles.mapPlaceholder} />,
});

type Props = {
  jurisdiction: JurisdictionView;
  mapConfig: MapConfig;
  plans: PlanView[];
  enterprises: EnterpriseSummary[];
  initialIncidents: IncidentSummary[];
  /** Who had a phone online when the page was rendered; kept live from the socket. */
  initialPresence: PresenceView[];
};

/** The duty officer's desk: the district map, the 一键启动 control and what is running now. */
export function DispatchDashboard({ jurisdiction, mapConfig, plans, enterprises, initialIncidents, initialPresence }: Props) {
  const t = useTranslations('dashboard');
  const form = useTriggerForm(plans, enterprises);
  const { incidents, isConnected } = useActiveIncidents(initialIncidents);
  const typeName = useIncidentTypeName();
  const zone = useZoneMap(enterprises, form.enterpriseId);
  const presence = usePresence(initialPresence);

  return (
    <div className={styles.dashboard}>
      <div className={styles.mapColumn}>
        <div className={styles.mapHeader}>
          <h1 className={styles.pageTitle}>{t('title', { jurisdiction: jurisdiction.name })}</h1>
          <span className={styles.muted}>{t('map.hint')}</span>
        </div>
        <PendingReports plans={plans} />
        <ZoneToolbar zone={zone} total={enterprises.length} />
        <div className={styles.mapBox}>
          <DispatchMap
            config={mapConfig}
            center={jurisdiction.center}
            zoom={jurisdiction.zoom}
            enterprises={zone.visible}
            incidents={incidents}
            picked={form.location}
            linkedEnterpriseId={form.enterpriseId}
            onPick={form.pickLocation}
            onEnterprisePick={(id) => form.linkEnterprise(id, { moveLocation: true })}
            typeName={typeName}
            mapVersions={zone.mapVersions}
            onZoneStatus={zone.setStatus}
            focus={zone.focus}
          />
        </div>
        <MapLegend showKinds={zone.status?.isShown ?? false} />
        <ActiveIncidents incidents={incidents} isConnected={isConnected} />
      </div>
      <TriggerPanel form={form} enterprises={enterprises} presence={presence} />
    </div>
  );
}
