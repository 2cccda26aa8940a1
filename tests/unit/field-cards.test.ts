import { describe, expect, it } from 'vitest';
import {
  applyIncidentUpdate,
  latestUpdateSeqs,
  applyAssignmentView,
  applySync,
  nextActions,
  pendingAcknowledgement,
  splitSteps,
  upsertCard,
} from '@/components/field/field-cards';
import type { AssignmentView, IncidentUpdateView, RoleCard } from '@/server/contracts/dispatch';

const card = (assignmentId: string, status: RoleCard['status'], sentAt = '2026-04-14T02:00:00.000Z', incidentId = 'i1'): RoleCard =>
  ({ assignmentId, incidentId, status, sentAt, messageId: `assignment:new:${assignmentId}`, updates: [] }) as unknown as RoleCard;
const view = (id: string, status: AssignmentView['status'], closedAt: string | null = null): AssignmentView =>
  ({ id, status, closedAt, acknowledgedAt: null, enRouteAt: null, onSceneAt: null, doneAt: null }) as AssignmentView;

describe('field card state', () => {
  it('offers only forward actions, 收到 first', () => {
    expect(nextActions('sent')).toEqual(['ack']);
    expect(nextActions('acknowledged')).toEqual(['en_route', 'on_scene']);
    expect(nextActions('done')).toEqual([]);
  });

  it('never moves a card backwards, whether by a late push or a redelivered card', () => {
    const cards = [card('a', 'en_route')];
    expect(applyAssignmentView(cards, view('a', 'acknowledged'))[0]!.status).toBe('en_route');
    expect(applyAssignmentView(cards, view('a', 'on_scene'))[0]!.status).toBe('on_scene');
    expect(upsertCard(cards, card('a', 'sent'))[0]!.status).toBe('en_route');
    expect(upsertCard(cards, card('b', 'sent'))).toHaveLength(2);
  });

  it('drops a card the server closed', () => {
    expect(applyAssignmentView([card('a', 'acknowledged')], view('a', 'acknowledged', '2026-04-14T04:00:00.000Z'))).toEqual([]);
  });

  it('applies a sync: adds what is missing, updates what is held, drops held cards the server closed', () => {
    const local = [card('kept', 'sent'), card('closed', 'acknowledged'), card('fresh', 'sent', '2026-04-14T03:00:00.000Z')];
    const reply = { missing: [card('other', 'sent', '2026-04-14T01:00:00.000Z')], held: [view('kept', 'acknowledged')] };
    // `fresh` arrived after the sync was asked for, so it was not in `held` and the reply cannot speak for it.
    const result = applySync(local, reply, new Set(['kept', 'closed']), () => false);
    expect(result.map((c) => [c.assignmentId, c.status])).toEqual([
      ['other', 'sent'],
      ['kept', 'acknowledged'],
      ['fresh', 'sent'],
    ]);
  });

  it('keeps a held card re-pushed while the sync was under way, and never moves a held card backwards', () => {
    const local = [card('repushed', 'sent'), card('ahead', 'en_route')];
    const reply = { missing: [], held: [view('ahead', 'acknowledged')] };
    const result = applySync(local, reply, new Set(['repushed', 'ahead']), (id) => id === 'repushed');
    expect(result.map((c) => [c.assignmentId, c.status])).toEqual([
      ['repushed', 'sent'],
      ['ahead', 'en_route'],
    ]);
  });

  it('shows a card once however often it arrives, by push or by sync', () => {
    let cards: RoleCard[] = [];
    cards = upsertCard(cards, card('a', 'sent'));
    cards = upsertCard(cards, card('a', 'sent'));
    cards = applySync(cards, { missing: [card('a', 'delivered')], held: [] }, new Set(), () => false);
    cards = upsertCard(cards, card('a', 'sent'));
    expect(cards).toHaveLength(1);
    expect(cards[0]!.status).toBe('delivered');
    expect(pendingAcknowledgement(cards, new Set())).toHaveLength(1);
  });

  it('queues unacknowledged cards, skipping lifted incidents', () => {
    const cards = [card('a', 'sent'), card('b', 'acknowledged'), card('c', 'delivered', undefined, 'lifted')];
    expect(pendingAcknowledgement(cards, new Set(['lifted'])).map((c) => c.assignmentId)).toEqual(['a']);
  });

  it('puts a 情况通报 on every card of its incident once, and a late older one does not roll the incident back', () => {
    const update = (seq: number, lat: number): { update: IncidentUpdateView; incident: RoleCard['incident'] } => ({
      update: {
        id: `u${seq}`,
        incidentId: 'i1',
        seq,
        text: `通报${seq}`,
        at: '',
        authorName: '',
        location: null,
        incidentType: null,
        linked: [],
        unlinked: [],
      },
      incident: { lat } as RoleCard['incident'],
    });
    let cards = [card('a', 'sent'), card('b', 'acknowledged', undefined, 'i2')];
    cards = applyIncidentUpdate(cards, update(2, 29.6));
    cards = applyIncidentUpdate(cards, update(1, 29.5));
    cards = applyIncidentUpdate(cards, update(2, 29.6));
    expect(cards[0]!.updates.map((u) => u.seq)).toEqual([1, 2]);
    expect(cards[0]!.incident.lat).toBe(29.6);
    expect(cards[1]!.updates).toEqual([]);
    expect([...latestUpdateSeqs(cards)]).toEqual([['i1', 2]]);

    // A card re-pushed or synced in full keeps what it already had.
    cards = upsertCard(cards, card('a', 'delivered'));
    expect(cards[0]!.updates.map((u) => u.seq)).toEqual([1, 2]);
    const revised = { ...card('a', 'delivered'), updates: [...cards[0]!.updates, { ...cards[0]!.updates[0]!, id: 'u3', seq: 3 }] };
    cards = applySync(cards, { missing: [], held: [], revised: [revised] }, new Set(), () => false);
    expect(cards[0]!.updates.map((u) => u.seq)).toEqual([1, 2, 3]);
  });

  it('splits prose instructions into steps', () => {
    expect(splitSteps('关闭排污阀。通知中控室；取样\n报告')).toEqual(['关闭排污阀', '通知中控室', '取样', '报告']);
  });
});
