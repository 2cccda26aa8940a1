import type { ScoreCard, ScoreLine, ScoreTarget } from '../contracts/review';
import type { ReviewFacts } from './review-input';
import { secondsBetween } from './time-stats';

/**
 * A drill's score card: each of the plan's targets met or missed, with the number. Exactly on
 * target is met; a moment over is missed. A target not reached yet is 'pending' while the drill
 * runs and its time allows, 'missed' once the time is gone or the drill was lifted without it.
 */
export function scoreDrill(facts: ReviewFacts): ScoreCard {
  const people = facts.assignments.filter((card) => card.status !== 'stood_down');
  const lines: ScoreLine[] = [
    line(facts, 'everyoneAcknowledged', facts.targets.everyoneAcknowledgedSeconds, facts.pressedAt, everyoneAcknowledged(people)),
    line(facts, 'firstOnScene', facts.targets.firstOnSceneSeconds, facts.pressedAt, firstOnScene(people, facts.pressedAt)),
    line(facts, 'allRolesOnScene', facts.targets.allRolesOnSceneSeconds, facts.pressedAt, allRolesOnScene(people, facts.pressedAt)),
    line(
      facts,
      'initialReportSigned',
      facts.targets.initialReportSignedSeconds,
      facts.discoveredAt,
      secondsBetween(facts.discoveredAt, facts.initialReportSignedAt),
    ),
  ];
  const count = (outcome: ScoreLine['outcome']) => lines.filter((entry) => entry.outcome === outcome).length;
  return { lines, met: count('met'), missed: count('missed'), pending: count('pending') };
}

function line(facts: ReviewFacts, target: ScoreTarget, targetSeconds: number, from: Date, actual: number | null): ScoreLine {
  if (actual !== null) return { target, targetSeconds, actualSeconds: actual, outcome: actual <= targetSeconds ? 'met' : 'missed' };
  const elapsed = (facts.now.getTime() - from.getTime()) / 1000;
  const outcome = facts.isActive && elapsed <= targetSeconds ? 'pending' : 'missed';
  return { target, targetSeconds, actualSeconds: null, outcome };
}

type Card = ReviewFacts['assignments'][number];

/** The slowest 收到 (from each card's sent); null while anyone has not acknowledged. */
function everyoneAcknowledged(people: Card[]): number | null {
  if (people.length === 0 || people.some((card) => !card.acknowledgedAt)) return null;
  return Math.max(...people.map((card) => secondsBetween(card.sentAt, card.acknowledgedAt)!));
}

function firstOnScene(people: Card[], pressedAt: Date): number | null {
  const times = people.flatMap((card) => (card.onSceneAt ? [secondsBetween(pressedAt, card.onSceneAt)!] : []));
  return times.length > 0 ? Math.min(...times) : null;
}

/** When the last role had its first person on scene; null while a role has nobody there. */
function allRolesOnScene(people: Card[], pressedAt: Date): number | null {
  const firstByRole = new Map<string, number | null>();
  for (const card of people) {
    const at = card.onSceneAt ? secondsBetween(pressedAt, card.onSceneAt)! : null;
    const seen = firstByRole.get(card.planRoleId);
    if (seen === undefined || seen === null || (at !== null && at < seen)) firstByRole.set(card.planRoleId, at ?? seen ?? null);
  }
  if (firstByRole.size === 0) return null;
  const firsts = [...firstByRole.values()];
  if (firsts.some((value) => value === null)) return null;
  return Math.max(...(firsts as number[]));
}
