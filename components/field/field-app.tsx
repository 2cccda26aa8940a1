'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { emitWithAck } from '@/components/realtime/socket-client';
import { useSocket } from '@/components/realtime/use-socket';
import type { MapConfig } from '@/server/contracts/views';
import type { AssignmentView, RoleCard } from '@/server/contracts/dispatch';
import type { AssignmentsSyncReply } from '@/server/contracts/events';
import { queuedFor, withQueuedActions } from './action-outbox';
import { AlertOverlay } from './alert-overlay';
import { DutyBar } from './duty-bar';
import { EscalationNotices } from './escalation-notices';
import {
  applyAssignmentView,
  applyIncidentUpdate,
  applySync,
  latestUpdateSeqs,
  pendingAcknowledgement,
  upsertCard,
  type CardAction,
} from './field-cards';
import { LiftedNotices, type LiftedNotice } from './lifted-notices';
import { StoodDownNotices, useStoodDownNotices } from './stood-down-notices';
import { RoleCardView } from './role-card-view';
import { StandBy } from './stand-by';
import { useAlarm } from './use-alarm';
import { useCardActions } from './use-card-actions';
import { useCardMaps } from './use-card-maps';
import { useFieldStore } from './use-field-store';
import { useNow } from '@/components/ui/use-now';
import { usePosition } from './use-position';
import { useSeenUpdates } from './use-seen-updates';
import styles from './field.module.css';

// While taps stay queued on a live connection (the server did not answer), try them again this often.
const REPLAY_RETRY_MS = 15_000;
// The server reads at most this many held ids; more open cards than this on one phone is not a real case.
const MAX_HELD = 200;

type Props = {
  userId: string;
  initialCards: RoleCard[];
  renderedAt: number;
  mapConfig: MapConfig;
  /** On the duty roster when the page was rendered: only then does 一键启动 assign this person. */
  isOnRoster: boolean;
};

/** The field phone: open role cards kept in step with the server, and an alarm nobody can miss. */
export function FieldApp({ userId, initialCards, renderedAt, mapConfig, isOnRoster }: Props) {
  const { cards, outbox, cardsRef, outboxRef, updateCards, updateOutbox, afterSaved } = useFieldStore({
    userId,
    initialCards,
    renderedAt,
  });
  const [notices, setNotices] = useState<LiftedNotice[]>([]);
  const [liftedIncidentIds, setLiftedIncidentIds] = useState<ReadonlySet<string>>(new Set());
  const [silencedIds, setSilencedIds] = useState<ReadonlySet<string>>(new Set());
  const [hasStartedDuty, setHasStartedDuty] = useState(false);
  const liftedRef = useRef(liftedIncidentIds);
  liftedRef.current = liftedIncidentIds;
  const pushedAt = useRef(new Map<string, number>());
  const stoodDown = useStoodDownNotices(cardsRef, updateCards);
  const reportedDelivered = useRef(new Set<string>());
  const reportedUpdateSeqs = useRef(new Map<string, number>());
  const seenUpdates = useSeenUpdates(userId);

  // What the person sees: the server's cards moved on by the taps still waiting to be sent.
  const shownCards = useMemo(() => withQueuedActions(cards, outbox), [cards, outbox]);
  const pending = useMemo(() => pendingAcknowledgement(shownCards, liftedIncidentIds), [shownCards, liftedIncidentIds]);
  const shouldRing = pending.some((card) => !silencedIds.has(card.assignmentId));
  const alarm = useAlarm(shouldRing);
  const now = useNow();
  const position = usePosition(cards.length > 0);
  const cardMaps = useCardMaps(cards.flatMap((card) => card.incident.enterprises.map((enterprise) => enterprise.id)));

  const liftIncident = useCallback(
    (incidentId: string, reason: string | null) => {
      const card = cardsRef.current.find((c) => c.incidentId === incidentId);
      setNotices((current) => [
        ...current.filter((n) => n.incidentId !== incidentId),
        { incidentId, incidentType: card?.incident.incidentType ?? null, isDrill: card?.incident.isDrill ?? false, reason },
      ]);
      setLiftedIncidentIds((current) => new Set(current).add(incidentId));
      alarm.chimeAllClear();
    },
    [alarm.chimeAllClear, cardsRef],
  );

  const sync = useCallback(async () => {
    const startedAt = Date.now();
    const held = cardsRef.current.map((card) => card.assignmentId).slice(-MAX_HELD);
    const result = await emitWithAck<AssignmentsSyncReply>('assignments:sync', { held });
    // On failure keep what is on screen; the next (re)connect asks again.
    if (!result.ok) return false;
    // Lifted while the phone was away: said first, while the cards that name the incident are still here.
    for (const { incidentId, reason } of result.data.lifted) liftIncident(incidentId, reason);
    // Sent again because the server has no receipt for them: confirm them again once saved.
    for (const card of result.data.revised) reportedUpdateSeqs.current.delete(card.incidentId);
    for (const card of result.data.stoodDown ?? []) stoodDown.standDown(card);
    const askedFor = new Set(held);
    updateCards((current) => applySync(current, result.data, askedFor, (id) => (pushedAt.current.get(id) ?? 0) >= startedAt));
    return true;
  }, [cardsRef, liftIncident, stoodDown.standDown, updateCards]);

  const applyView = useCallback((view: AssignmentView) => updateCards((current) => applyAssignmentView(current, view)), [updateCards]);
  const actions = useCardActions({ cardsRef, outboxRef, updateOutbox, onApplied: applyView, resync: sync });

  const { isConnected } = useSocket(
    {
      'assignment:new': (card, acknowledgeReceipt) => {
        // A late re-push of a card whose alarm was just lifted must not bring it back.
        if (!liftedRef.current.has(card.incidentId)) {
          pushedAt.current.set(card.assignmentId, Date.now());
          updateCards((current) => upsertCard(current, card));
        }
        if (typeof acknowledgeReceipt === 'function') afterSaved(() => acknowledgeReceipt({ received: true }));
      },
      'assignment:updated': ({ assignment }) => applyView(assignment),
      'incident:lifted': ({ incidentId, reason }) => liftIncident(incidentId, reason),
      // 情况通报: on every card of the incident; the receipt goes once it is saved (below).
      'incident:update-posted': (message) => updateCards((current) => applyIncidentUpdate(current, message)),
      'assignment:stood_down': (message) => stoodDown.standDown(message),
      'map:published': ({ enterpriseId, version }) => cardMaps.onPublished(enterpriseId, version),
      // Escalation step 1 (再次提醒): the card is already here, so ring again even if it was silenced.
      'escalation:raised': ({ step, assignmentId }) => {
        if (step !== 'realert') return;
        setSilencedIds((current) => {
          if (!current.has(assignmentId)) return current;
          const next = new Set(current);
          next.delete(assignmentId);
          return next;
        });
      },
    },
    () => {
      // Truth first, then the queued taps, judged against it.
      void sync().then((isSynced) => {
        if (isSynced) void actions.flush();
      });
      cardMaps.reloadAll();
    },
  );

  const hasQueued = outbox.length > 0;
  useEffect(() => {
    if (!isConnected || !hasQueued) return;
    const timer = window.setInterval(() => void actions.flush(), REPLAY_RETRY_MS);
    return () => window.clearInterval(timer);
  }, [actions.flush, hasQueued, isConnected]);

  // A queued tap on a card that has since closed has nothing left to say.
  useEffect(() => {
    const ids = new Set(cards.map((card) => card.assignmentId));
    if (outbox.some((item) => !ids.has(item.assignmentId))) updateOutbox((current) => current.filter((item) => ids.has(item.assignmentId)));
  }, [cards, outbox, updateOutbox]);

  // Tell the server each card reached the phone, once; the board shows 已送达.
  useEffect(() => {
    if (!isConnected) return;
    for (const card of cards) {
      if (card.status !== 'sent' || reportedDelivered.current.has(card.assignmentId)) continue;
      reportedDelivered.current.add(card.assignmentId);
      void emitWithAck('assignment:delivered', { assignmentId: card.assignmentId });
    }
  }, [cards, isConnected]);

  // Tell the server which 情况通报 reached the phone (and were saved with its cards): it stops re-sending them.
  useEffect(() => {
    if (!isConnected) return;
    for (const [incidentId, seq] of latestUpdateSeqs(cards)) {
      if ((reportedUpdateSeqs.current.get(incidentId) ?? 0) >= seq) continue;
      reportedUpdateSeqs.current.set(incidentId, seq);
      afterSaved(() => {
        void emitWithAck('incident:updates-received', { incidentId, seq }).then((result) => {
          // Not recorded: say it again on the next change or reconnect.
          if (!result.ok && reportedUpdateSeqs.current.get(incidentId) === seq) reportedUpdateSeqs.current.delete(incidentId);
        });
      });
    }
  }, [afterSaved, cards, isConnected]);

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
  const visibleCards = [...shownCards].reverse();

  return (
    <div className={styles.app}>
      <DutyBar
        isArmed={alarm.isArmed}
        isSupported={alarm.isSupported}
        isConnected={isConnected}
        queuedCount={outbox.length}
        hasStarted={hasStartedDuty}
        isOnRoster={isOnRoster}
        onStart={startDuty}
      />
      <EscalationNotices userId={userId} />
      <LiftedNotices
        notices={notices}
        onDismiss={(incidentId) => {
          // The lifted incident's cards stay readable (greyed, 已解除) until the person has seen the notice.
          setNotices((current) => current.filter((n) => n.incidentId !== incidentId));
          updateCards((current) => current.filter((c) => c.incidentId !== incidentId));
        }}
      />
      <StoodDownNotices notices={stoodDown.notices} dismiss={stoodDown.dismiss} />
      {visibleCards.length === 0 ? (
        <StandBy isArmed={alarm.isArmed} />
      ) : (
        <div className={styles.cards}>
          {visibleCards.map((card) => (
            <RoleCardView
              key={card.assignmentId}
              card={card}
              queued={queuedFor(outbox, card.assignmentId)}
              now={now}
              isLifted={liftedIncidentIds.has(card.incidentId)}
              state={actions.states[card.assignmentId]}
              mapConfig={mapConfig}
              position={position}
              oneMaps={cardMaps.maps}
              newUpdates={card.updates.filter((update) => !seenUpdates.seen.has(update.id))}
              onDismissUpdates={() => seenUpdates.markSeen(card.updates.map((update) => update.id))}
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
