'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { emitWithAck } from '@/components/realtime/socket-client';
import { useSocket } from '@/components/realtime/use-socket';
import type { MapConfig } from '@/server/config/map-config';
import type { AssignmentView, RoleCard } from '@/server/contracts/dispatch';
import { AlertOverlay } from './alert-overlay';
import { DutyBar } from './duty-bar';
import { applyAssignmentView, pendingAcknowledgement, replaceFromSync, upsertCard, type CardAction } from './field-cards';
import { LiftedNotices, type LiftedNotice } from './lifted-notices';
import { RoleCardView } from './role-card-view';
import { StandBy } from './stand-by';
import { useAlarm } from './use-alarm';
import { useCardActions } from './use-card-actions';
import { useCardMaps } from './use-card-maps';
import { useNow } from './use-now';
import { usePosition } from './use-position';
import styles from './field.module.css';

// Long enough to read "警报解除" on the card before it goes; the notice itself stays until dismissed.
const LIFTED_CARD_LINGER_MS = 5_000;

type Props = { initialCards: RoleCard[]; mapConfig: MapConfig };

/** The field phone: open role cards kept in step with the server, and an alarm nobody can miss. */
export function FieldApp({ initialCards, mapConfig }: Props) {
  const [cards, setCards] = useState<RoleCard[]>(initialCards);
  const [notices, setNotices] = useState<LiftedNotice[]>([]);
  const [liftedIncidentIds, setLiftedIncidentIds] = useState<ReadonlySet<string>>(new Set());
  const [silencedIds, setSilencedIds] = useState<ReadonlySet<string>>(new Set());
  const [hasStartedDuty, setHasStartedDuty] = useState(false);
  const cardsRef = useRef(cards);
  cardsRef.current = cards;
  const pushedAt = useRef(new Map<string, number>());
  const reportedDelivered = useRef(new Set<string>());

  const pending = useMemo(() => pendingAcknowledgement(cards, liftedIncidentIds), [cards, liftedIncidentIds]);
  const shouldRing = pending.some((card) => !silencedIds.has(card.assignmentId));
  const alarm = useAlarm(shouldRing);
  const now = useNow();
  const position = usePosition(cards.length > 0);
  const cardMaps = useCardMaps(cards.flatMap((card) => (card.incident.enterprise ? [card.incident.enterprise.id] : [])));

  const sync = useCallback(async () => {
    const startedAt = Date.now();
    const result = await emitWithAck<RoleCard[]>('assignments:sync', {});
    // On failure keep what is on screen; the next (re)connect asks again.
    if (!result.ok) return;
    setCards((current) => replaceFromSync(current, result.data, (id) => (pushedAt.current.get(id) ?? 0) >= startedAt));
  }, []);

  const liftIncident = useCallback(
    (incidentId: string) => {
      const card = cardsRef.current.find((c) => c.incidentId === incidentId);
      setNotices((current) => [
        ...current.filter((n) => n.incidentId !== incidentId),
        { incidentId, incidentType: card?.incident.incidentType ?? null, isDrill: card?.incident.isDrill ?? false },
      ]);
      setLiftedIncidentIds((current) => new Set(current).add(incidentId));
      alarm.chimeAllClear();
      window.setTimeout(() => setCards((current) => current.filter((c) => c.incidentId !== incidentId)), LIFTED_CARD_LINGER_MS);
    },
    [alarm.chimeAllClear],
  );

  const { isConnected } = useSocket(
    {
      'assignment:new': (card) => {
        pushedAt.current.set(card.assignmentId, Date.now());
        setCards((current) => upsertCard(current, card));
      },
      'assignment:updated': ({ assignment }) => setCards((current) => applyAssignmentView(current, assignment)),
      'incident:lifted': ({ incidentId }) => liftIncident(incidentId),
      'map:published': ({ enterpriseId, version }) => cardMaps.onPublished(enterpriseId, version),
    },
    () => {
      void sync();
      cardMaps.reloadAll();
    },
  );

  const applyView = useCallback((view: AssignmentView) => setCards((current) => applyAssignmentView(current, view)), []);
  const onConflict = useCallback(() => void sync(), [sync]);
  const actions = useCardActions({ onApplied: applyView, onConflict });

  // Tell the server each card reached the phone, once; the board shows 已送达.
  useEffect(() => {
    if (!isConnected) return;
    for (const card of cards) {
      if (card.status !== 'sent' || reportedDelivered.current.has(card.assignmentId)) continue;
      reportedDelivered.current.add(card.assignmentId);
      void emitWithAck('assignment:delivered', { assignmentId: card.assignmentId });
    }
  }, [cards, isConnected]);

  const startDuty = useCallback(async () => {
    setHasStartedDuty(true);
    return alarm.arm();
  }, [alarm.arm]);

  const runAction = useCallback(
    (assignmentId: string, action: CardAction) => {
      // Any tap is a chance to unlock sound for the next alert.
      if (!alarm.isArmed) void alarm.arm({ isQuiet: true });
      void actions.run(assignmentId, action);
    },
    [actions.run, alarm.arm, alarm.isArmed],
  );

  const overlayCard = pending[0];
  const visibleCards = [...cards].reverse();

  return (
    <div className={styles.app}>
      <DutyBar
        isArmed={alarm.isArmed}
        isSupported={alarm.isSupported}
        isConnected={isConnected}
        hasStarted={hasStartedDuty}
        onStart={startDuty}
      />
      <LiftedNotices
        notices={notices}
        onDismiss={(incidentId) => setNotices((current) => current.filter((n) => n.incidentId !== incidentId))}
      />
      {visibleCards.length === 0 ? (
        <StandBy isArmed={alarm.isArmed} />
      ) : (
        <div className={styles.cards}>
          {visibleCards.map((card) => (
            <RoleCardView
              key={card.assignmentId}
              card={card}
              now={now}
              isLifted={liftedIncidentIds.has(card.incidentId)}
              state={actions.states[card.assignmentId]}
              mapConfig={mapConfig}
              position={position}
              oneMap={card.incident.enterprise ? cardMaps.maps[card.incident.enterprise.id] : undefined}
              onAction={(action) => runAction(card.assignmentId, action)}
              onRetryMap={cardMaps.retry}
            />
          ))}
        </div>
      )}
      {overlayCard && (
        <AlertOverlay
          card={overlayCard}
          queued={pending.length - 1}
          state={actions.states[overlayCard.assignmentId]}
          isSilenced={silencedIds.has(overlayCard.assignmentId)}
          isArmed={alarm.isArmed}
          now={now}
          onAck={() => runAction(overlayCard.assignmentId, 'ack')}
          onSilence={() => setSilencedIds((current) => new Set(current).add(overlayCard.assignmentId))}
        />
      )}
    </div>
  );
}
