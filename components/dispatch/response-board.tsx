'use client';

import type { MapConfig, PresenceView } from '@/server/contracts/views';
import type { IncidentDetail } from '@/server/contracts/dispatch';
import { useMemo } from 'react';
import { backupsOf, escalationStates } from '@/server/contracts/escalation';
import { AssignmentBoard } from './assignment-board';
import { BoardOneMap } from './board-one-map';
import { BoardMap, type BoardTarget } from './board-map';
import { BoardFieldReports } from '@/components/field-reports/board-field-reports';
import { EscalationBanner } from './escalation-banner';
import { IncidentOverview } from './incident-overview';
import { IncidentTimeline } from './incident-timeline';
import { IncidentUpdates } from './incident-updates';
import { ShortfallList } from './shortfall-list';
import { ReinforcePanel } from './reinforce-panel';
import { IncidentMaterials } from '@/components/materials/incident-materials';
import { SuspectedSources } from './suspected-sources';
import { useIncidentBoard } from './use-incident-board';
import { useNow } from '@/components/ui/use-now';
import { usePresence } from './use-presence';
import styles from './board.module.css';

type Props = {
  initial: IncidentDetail;
  mapConfig: MapConfig;
  /** Department names by id, for shortfalls of a department nobody could be sent from. */
  departmentNames: Record<string, string>;
  targets: BoardTarget[];
  /** Who had a phone online when the page was rendered; kept live from the socket. */
  initialPresence: PresenceView[];
  /** For 情况通报: the types the jurisdiction's plans answer, and the enterprises that may be linked. */
  incidentTypes: string[];
  enterprises: { id: string; name: string }[];
};

/** 指挥板: who was paged, who has acknowledged, what is missing, and what happened when — live. */
export function ResponseBoard({ initial, mapConfig, departmentNames, targets, initialPresence, incidentTypes, enterprises }: Props) {
  const { detail, isConnected, applyLifted, applyUpdate, refresh } = useIncidentBoard(initial);
  const presence = usePresence(initialPresence);
  const now = useNow();
  // After the alarm is lifted the clocks stop where they were.
  const clockNow = detail.liftedAt ? Date.parse(detail.liftedAt) : now;
  const escalation = useMemo(() => {
    const states = escalationStates(detail.timeline, detail.assignments);
    return { states, backupFor: backupsOf(states) };
  }, [detail.timeline, detail.assignments]);

  return (
    <div className={styles.board} data-drill={detail.isDrill}>
      <IncidentOverview
        incident={detail}
        clockNow={clockNow}
        isConnected={isConnected}
        onLifted={applyLifted}
        onStale={refresh}
        now={now}
      />
      <ShortfallList shortfalls={detail.shortfalls} departmentNames={departmentNames} />
      <ReinforcePanel incident={detail} assignments={detail.assignments} presence={presence} />
      <EscalationBanner timeline={detail.timeline} assignments={detail.assignments} />
      <div className={styles.columns}>
        <div className={styles.main}>
          <AssignmentBoard
            assignments={detail.assignments}
            incidentCreatedAt={detail.createdAt}
            clockNow={clockNow}
            isLifted={detail.status === 'lifted'}
            presence={presence}
            escalation={escalation}
          />
          {/* Below the people: who has 收到 is what the officer watches first, and must be above the fold. */}
          <IncidentMaterials incidentId={detail.id} isLifted={detail.status === 'lifted'} />
          <IncidentUpdates incident={detail} incidentTypes={incidentTypes} enterprises={enterprises} onPosted={applyUpdate} />
          {detail.enterprises.map((enterprise) => (
            <BoardOneMap key={enterprise.id} enterprise={enterprise} />
          ))}
        </div>
        <aside className={styles.side}>
          <SuspectedSources incidentId={detail.id} />
          <BoardMap config={mapConfig} incident={detail} targets={targets} />
          <BoardFieldReports incidentId={detail.id} location={detail.location} mapConfig={mapConfig} />
          <IncidentTimeline entries={detail.timeline} assignments={detail.assignments} />
        </aside>
      </div>
    </div>
  );
}
