import { STATUS_TIMESTAMP, type AssignmentStatus } from '../contracts/assignment-lifecycle';
import {
  REVIEW_STEPS,
  type GroupReview,
  type PersonReview,
  type ReachedVia,
  type ReviewStep,
  type ScoreCard,
  type SwimlaneLane,
} from '../contracts/review';
import type { ReviewAssignment, ReviewFacts } from './review-input';
import { scoreDrill } from './score-drill';
import { secondsBetween, timeStats } from './time-stats';

export type ReviewNumbers = {
  people: PersonReview[];
  byRole: GroupReview[];
  byDepartment: GroupReview[];
  scoreCard: ScoreCard | null;
  swimlane: SwimlaneLane[];
};

/** PURE: the review's numbers from fixed facts (the loader reads them; tests give them). */
export function buildReview(facts: ReviewFacts): ReviewNumbers {
  const people = facts.assignments.map((card) => reviewPerson(card, facts));
  const counted = facts.assignments.filter((card) => card.status !== 'stood_down');
  return {
    people,
    byRole: groupBy(counted, facts, (card) => [card.planRoleId, card.role]),
    byDepartment: groupBy(counted, facts, (card) => [card.departmentId, card.department]),
    scoreCard: facts.isDrill ? scoreDrill(facts) : null,
    swimlane: facts.assignments.map((card) => ({
      assignmentId: card.id,
      label: `${card.userName} · ${card.role}`,
      segments: segmentsOf(card, facts),
    })),
  };
}

const at = (card: ReviewAssignment, status: AssignmentStatus): Date | null =>
  (card as unknown as Record<string, Date | null>)[STATUS_TIMESTAMP[status]] ?? null;

function reviewPerson(card: ReviewAssignment, facts: ReviewFacts): PersonReview {
  const sinceSent = {} as Record<ReviewStep, number | null>;
  const stepSeconds = {} as Record<ReviewStep, number | null>;
  const times = {} as PersonReview['times'];
  let previous = card.sentAt;
  for (const step of REVIEW_STEPS) {
    const reached = at(card, step);
    times[step] = reached?.toISOString() ?? null;
    sinceSent[step] = secondsBetween(card.sentAt, reached);
    stepSeconds[step] = reached ? secondsBetween(previous, reached) : null;
    if (reached) previous = reached;
  }
  times.stood_down = card.stoodDownAt?.toISOString() ?? null;

  const escalations = facts.escalations
    .filter((event) => event.assignmentId === card.id)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((event) => ({
      step: event.step,
      level: event.level,
      at: event.at.toISOString(),
      afterSeconds: secondsBetween(card.sentAt, event.at)!,
      notifiedName: event.notifiedName,
      channels: event.channels,
      skipped: event.skipped,
    }));
  const channels = [...new Set(facts.notifications.filter((n) => n.assignmentId === card.id && n.status === 'sent').map((n) => n.channel))];
  return {
    assignmentId: card.id,
    userName: card.userName,
    role: card.role,
    departmentId: card.departmentId,
    department: card.department,
    status: card.status,
    isBackup: card.backupForId !== null,
    sentAt: card.sentAt.toISOString(),
    times,
    sinceSent,
    stepSeconds,
    reachedVia: reachedVia(card),
    officerReachedBy: reachedVia(card) === 'officer' ? card.acknowledgedVia : null,
    channels,
    escalations,
    isAfterEscalation: card.acknowledgedAt !== null && escalations.some((event) => new Date(event.at) < card.acknowledgedAt!),
    isStoodDown: card.status === 'stood_down',
    stoodDownReason: card.stoodDownReason,
  };
}

function reachedVia(card: ReviewAssignment): ReachedVia {
  if (!card.acknowledgedAt) return 'none';
  // An SMS reply is recorded as the assignee's own (acknowledged_by_id = the assignee).
  if (card.acknowledgedVia && card.acknowledgedById && card.acknowledgedById !== card.userId) return 'officer';
  if (card.acknowledgedVia === 'sms') return 'sms';
  return 'app';
}

function groupBy(cards: ReviewAssignment[], facts: ReviewFacts, keyOf: (card: ReviewAssignment) => [string, string]): GroupReview[] {
  const groups = new Map<string, { name: string; cards: ReviewAssignment[] }>();
  for (const card of cards) {
    const [key, name] = keyOf(card);
    const group = groups.get(key) ?? { name, cards: [] };
    group.cards.push(card);
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, { name, cards: members }]) => {
    const acknowledged = timeStats(members.flatMap((card) => nonNull(secondsBetween(card.sentAt, card.acknowledgedAt))));
    const onScene = timeStats(members.flatMap((card) => nonNull(secondsBetween(facts.pressedAt, card.onSceneAt))));
    const everyoneAcked = acknowledged.count === members.length;
    return {
      key,
      name,
      people: members.length,
      acknowledged,
      onScene,
      isAcknowledgedOnTarget:
        acknowledged.worstSeconds === null ? null : everyoneAcked && acknowledged.worstSeconds <= facts.targets.everyoneAcknowledgedSeconds,
      isOnSceneOnTarget: onScene.worstSeconds === null ? null : onScene.worstSeconds <= facts.targets.allRolesOnSceneSeconds,
    };
  });
}

const nonNull = (value: number | null): number[] => (value === null ? [] : [value]);

/** Who was in which state when: one bar per state reached, to the next state (or the end). */
function segmentsOf(card: ReviewAssignment, facts: ReviewFacts) {
  const steps: { state: AssignmentStatus; at: Date }[] = [{ state: 'sent', at: card.sentAt }];
  for (const state of [...REVIEW_STEPS, 'stood_down'] as const) {
    const reached = at(card, state);
    if (reached) steps.push({ state, at: reached });
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  const minutes = (date: Date) => Math.max(0, (date.getTime() - facts.pressedAt.getTime()) / 60_000);
  return steps.flatMap((step, index) => {
    const next = steps[index + 1]?.at ?? facts.endAt;
    const from = minutes(step.at);
    const to = Math.max(from, minutes(next));
    return to > from ? [{ state: step.state, fromMinutes: from, toMinutes: to }] : [];
  });
}
