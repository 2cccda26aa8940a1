import { describe, expect, it } from 'vitest';
import { DEFAULT_DRILL_TARGETS } from '@/server/contracts/drill-targets';
import { buildReview } from '@/server/review/build-review';
import type { ReviewAssignment, ReviewFacts } from '@/server/review/review-input';
import { scoreDrill } from '@/server/review/score-drill';
import { timeStats } from '@/server/review/time-stats';

// The review's numbers from fixed timestamps: per-person durations, per-role medians and worst,
// and the drill's score at its edges (exactly on target is met, one second over is missed).

const PRESS = new Date('2026-03-10T02:00:00.000Z'); // 10:00 in Asia/Shanghai
const at = (seconds: number) => new Date(PRESS.getTime() + seconds * 1000);

function card(id: string, overrides: Partial<ReviewAssignment> = {}): ReviewAssignment {
  return {
    id,
    userId: `u-${id}`,
    userName: `人员${id}`,
    role: '采样监测',
    planRoleId: 'role-sample',
    departmentId: 'dept-env',
    department: '生态环境',
    status: 'sent',
    sentAt: PRESS,
    deliveredAt: null,
    acknowledgedAt: null,
    enRouteAt: null,
    onSceneAt: null,
    doneAt: null,
    stoodDownAt: null,
    stoodDownReason: null,
    acknowledgedVia: null,
    acknowledgedById: null,
    backupForId: null,
    ...overrides,
  };
}

function facts(assignments: ReviewAssignment[], overrides: Partial<ReviewFacts> = {}): ReviewFacts {
  return {
    isDrill: true,
    isActive: false,
    pressedAt: PRESS,
    discoveredAt: PRESS,
    endAt: at(3600),
    now: at(7200),
    targets: DEFAULT_DRILL_TARGETS,
    assignments,
    escalations: [],
    notifications: [],
    initialReportSignedAt: null,
    ...overrides,
  };
}

const done = (id: string, ack: number, onScene: number, overrides: Partial<ReviewAssignment> = {}) =>
  card(id, {
    status: 'done',
    deliveredAt: at(2),
    acknowledgedAt: at(ack),
    enRouteAt: at(ack + 30),
    onSceneAt: at(onScene),
    doneAt: at(onScene + 600),
    ...overrides,
  });

describe('buildReview: per person', () => {
  it('times each step from sent and from the step before, and says how the person was reached', () => {
    const review = buildReview(
      facts([
        done('a', 45, 900),
        done('b', 200, 1500, { acknowledgedVia: 'phone_call', acknowledgedById: 'duty-officer' }),
        done('c', 90, 1200, { acknowledgedVia: 'sms', acknowledgedById: 'u-c' }),
      ]),
    );
    const [a, b, c] = review.people;
    expect(a!.sinceSent).toEqual({ delivered: 2, acknowledged: 45, en_route: 75, on_scene: 900, done: 1500 });
    expect(a!.stepSeconds).toEqual({ delivered: 2, acknowledged: 43, en_route: 30, on_scene: 825, done: 600 });
    expect(a!.reachedVia).toBe('app');
    expect(b).toMatchObject({ reachedVia: 'officer', officerReachedBy: 'phone_call' });
    expect(c).toMatchObject({ reachedVia: 'sms', officerReachedBy: null });
  });

  it('lists the escalation steps that fired before the 收到, and marks a stood-down person', () => {
    const late = done('a', 130, 900);
    const withdrawn = card('s', { status: 'stood_down', deliveredAt: at(3), stoodDownAt: at(300), stoodDownReason: '人员已足' });
    const review = buildReview(
      facts([late, withdrawn], {
        escalations: [
          { assignmentId: 'a', step: 'realert', level: 1, at: at(60), notifiedName: '人员a', channels: ['sms'], skipped: null },
          { assignmentId: 'a', step: 'backup', level: 2, at: at(120), notifiedName: null, channels: [], skipped: 'noBackupOnDuty' },
        ],
        notifications: [
          { assignmentId: 'a', channel: 'sms', status: 'sent' },
          { assignmentId: 'a', channel: 'voice', status: 'failed' },
        ],
      }),
    );
    const [person, stoodDown] = review.people;
    expect(person!.escalations.map((e) => [e.step, e.afterSeconds, e.skipped])).toEqual([
      ['realert', 60, null],
      ['backup', 120, 'noBackupOnDuty'],
    ]);
    expect(person!.isAfterEscalation).toBe(true);
    expect(person!.channels).toEqual(['sms']);
    expect(stoodDown).toMatchObject({ isStoodDown: true, stoodDownReason: '人员已足', reachedVia: 'none' });
    // The stood-down person is left out of the group numbers.
    expect(review.byRole[0]!.people).toBe(1);
    // The swimlane: sent 0–0.05 min, delivered to 5 min, then stood down to the end (60 min).
    expect(review.swimlane[1]!.segments).toEqual([
      { state: 'sent', fromMinutes: 0, toMinutes: 0.05 },
      { state: 'delivered', fromMinutes: 0.05, toMinutes: 5 },
      { state: 'stood_down', fromMinutes: 5, toMinutes: 60 },
    ]);
  });
});

describe('buildReview: per role and department', () => {
  it('gives the median (mean of the middle two) and the worst, against the targets', () => {
    const review = buildReview(
      facts([
        done('a', 40, 600),
        done('b', 100, 900),
        done('c', 60, 1200),
        done('d', 181, 3000),
        done('p', 30, 400, { role: '警戒', planRoleId: 'role-police', departmentId: 'dept-police', department: '公安' }),
      ]),
    );
    const sample = review.byRole.find((group) => group.key === 'role-sample')!;
    expect(sample.acknowledged).toEqual({ count: 4, medianSeconds: 80, worstSeconds: 181 });
    expect(sample.onScene).toEqual({ count: 4, medianSeconds: 1050, worstSeconds: 3000 });
    expect(sample.isAcknowledgedOnTarget).toBe(false); // 181 s > 180 s
    expect(sample.isOnSceneOnTarget).toBe(false); // 3000 s > 2700 s
    const police = review.byDepartment.find((group) => group.key === 'dept-police')!;
    expect(police).toMatchObject({ name: '公安', people: 1, isAcknowledgedOnTarget: true, isOnSceneOnTarget: true });
    expect(police.acknowledged).toEqual({ count: 1, medianSeconds: 30, worstSeconds: 30 });
  });

  it('has no numbers for an empty list', () => {
    expect(timeStats([])).toEqual({ count: 0, medianSeconds: null, worstSeconds: null });
    expect(timeStats([5, 1, 3])).toEqual({ count: 3, medianSeconds: 3, worstSeconds: 5 });
  });
});

describe('scoreDrill: the edges', () => {
  const {
    everyoneAcknowledgedSeconds: ack,
    firstOnSceneSeconds: first,
    allRolesOnSceneSeconds: all,
    initialReportSignedSeconds: report,
  } = DEFAULT_DRILL_TARGETS;
  const police = { role: '警戒', planRoleId: 'role-police', departmentId: 'dept-police', department: '公安' };

  it('counts exactly on target as met', () => {
    const score = scoreDrill(facts([done('a', ack, first), done('p', 10, all, police)], { initialReportSignedAt: at(report) }));
    expect(score.lines.map((line) => [line.target, line.actualSeconds, line.outcome])).toEqual([
      ['everyoneAcknowledged', ack, 'met'],
      ['firstOnScene', first, 'met'],
      ['allRolesOnScene', all, 'met'],
      ['initialReportSigned', report, 'met'],
    ]);
    expect(score).toMatchObject({ met: 4, missed: 0, pending: 0 });
  });

  it('counts one second over as missed', () => {
    const score = scoreDrill(
      facts([done('a', ack + 1, first + 1), done('p', 10, all + 1, police)], { initialReportSignedAt: at(report + 1) }),
    );
    expect(score.lines.map((line) => [line.actualSeconds, line.outcome])).toEqual([
      [ack + 1, 'missed'],
      [first + 1, 'missed'],
      [all + 1, 'missed'],
      [report + 1, 'missed'],
    ]);
    expect(score.missed).toBe(4);
  });

  it('runs the 初报 clock from discovery, not from the press', () => {
    const discoveredAt = at(-600);
    const score = scoreDrill(facts([done('a', 10, 60)], { discoveredAt, initialReportSignedAt: at(report - 600) }));
    expect(score.lines[3]).toMatchObject({ actualSeconds: report, outcome: 'met' });
  });

  it('is pending while the drill runs and time remains, missed once lifted without it', () => {
    const waiting = [card('a', { status: 'delivered', deliveredAt: at(2) }), card('p', { ...police })];
    const running = scoreDrill(facts(waiting, { isActive: true, now: at(ack) }));
    expect(running.lines.map((line) => line.outcome)).toEqual(['pending', 'pending', 'pending', 'pending']);
    const overdue = scoreDrill(facts(waiting, { isActive: true, now: at(ack + 1) }));
    expect(overdue.lines[0]!.outcome).toBe('missed');
    expect(overdue.lines[1]!.outcome).toBe('pending');
    const lifted = scoreDrill(facts(waiting, { isActive: false, now: at(60) }));
    expect(lifted.lines.every((line) => line.outcome === 'missed' && line.actualSeconds === null)).toBe(true);
  });

  it('needs every role on scene: a role with nobody there leaves the target unreached', () => {
    const score = scoreDrill(facts([done('a', 10, 300), card('p', { ...police, status: 'acknowledged', acknowledgedAt: at(20) })]));
    expect(score.lines[2]).toMatchObject({ actualSeconds: null, outcome: 'missed' });
    expect(score.lines[1]).toMatchObject({ actualSeconds: 300, outcome: 'met' });
  });
});
