import { describe, expect, it } from 'vitest';
import type { AssignmentView, TimelineEntry } from '@/server/contracts/dispatch';
import { backupsOf, escalationStates, normalizeSteps } from '@/server/contracts/escalation';

const view = (id: string, overrides: Partial<AssignmentView> = {}): AssignmentView => ({
  id,
  incidentId: 'i',
  userId: `u-${id}`,
  username: id,
  userName: id,
  phone: '',
  department: '生态环境',
  departmentId: 'env',
  role: '溯源排查组',
  status: 'sent',
  sentAt: '2025-04-18T01:30:00.000Z',
  deliveredAt: null,
  acknowledgedAt: null,
  enRouteAt: null,
  onSceneAt: null,
  doneAt: null,
  stoodDownAt: null,
  acknowledgedVia: null,
  closedAt: null,
  stoodDownReason: null,
  pushAttempts: 1,
  ...overrides,
});

const step = (n: number, name: string, data: Record<string, unknown> = {}): TimelineEntry => ({
  id: `e${n}`,
  action: `escalation.${name}`,
  actorName: null,
  at: `2025-04-18T01:3${n}:00.000Z`,
  data: { assignmentId: 'a', step: name, level: n, of: 4, ...data },
});

describe('escalation state on the board (read from the timeline)', () => {
  const timeline = [
    step(1, 'realert'),
    step(2, 'backup', { backupAssignmentId: 'b', notifiedName: '张伟' }),
    step(3, 'supervisor', { skipped: 'supervisorOffDuty' }),
  ];

  it('shows the level reached, the last step, why it reached nobody, and the backup', () => {
    const state = escalationStates(timeline, [view('a'), view('b')]).get('a')!;
    expect(state).toMatchObject({
      level: 3,
      of: 4,
      lastStep: 'supervisor',
      lastSkipped: 'supervisorOffDuty',
      backupAssignmentId: 'b',
      isStopped: false,
      isCovered: false,
    });
    expect(backupsOf(escalationStates(timeline, [view('a'), view('b')]))).toEqual(new Map([['b', 'a']]));
  });

  it("stops on the assignee's acknowledgement; is covered when the backup acknowledges; stops when closed", () => {
    const acked = '2025-04-18T01:40:00.000Z';
    expect(escalationStates(timeline, [view('a', { acknowledgedAt: acked }), view('b')]).get('a')).toMatchObject({
      isStopped: true,
      isCovered: false,
    });
    expect(escalationStates(timeline, [view('a'), view('b', { acknowledgedAt: acked })]).get('a')).toMatchObject({
      isStopped: true,
      isCovered: true,
    });
    expect(escalationStates(timeline, [view('a', { closedAt: acked }), view('b')]).get('a')).toMatchObject({ isStopped: true });
  });

  it('ignores other entries and unknown steps; keeps policy order for chosen steps', () => {
    const other: TimelineEntry = { id: 'x', action: 'assignment.sent', actorName: null, at: '2025-04-18T01:30:00.000Z', data: {} };
    expect(escalationStates([other, step(1, 'page_everyone')], [view('a')]).size).toBe(0);
    expect(normalizeSteps(['duty_officer', 'nonsense', 'realert', 'realert'])).toEqual(['realert', 'duty_officer']);
  });
});
