import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_STATUSES as SCHEMA_STATUSES } from '@/db/schema';
import {
  ALLOWED_FROM,
  ASSIGNMENT_STATUSES,
  isAtOrBeyond,
  NEXT_STEPS,
  PERSON_STEPS,
  STATUS_TIMESTAMP,
  statusRank,
  UNACKNOWLEDGED_STATUSES,
} from '@/server/contracts/assignment-lifecycle';
import { nextActions, STEP_ACTION } from '@/components/field/field-cards';
import { ACTION_STATUS } from '@/components/field/action-outbox';

// The one lifecycle: what the phone offers, what the server allows and what the database stores agree.
describe('the assignment lifecycle', () => {
  it('is the list the database column takes', () => {
    expect(SCHEMA_STATUSES).toBe(ASSIGNMENT_STATUSES);
  });

  it('offers on the phone only steps the server accepts from that status, all forward', () => {
    for (const status of ASSIGNMENT_STATUSES) {
      for (const step of NEXT_STEPS[status]) {
        expect(ALLOWED_FROM[step] as readonly string[], `${status} → ${step}`).toContain(status);
        expect(statusRank(step)).toBeGreaterThan(statusRank(status));
      }
    }
  });

  it('never moves backwards, and 收到 ends the unacknowledged states', () => {
    expect(isAtOrBeyond('on_scene', 'acknowledged')).toBe(true);
    expect(isAtOrBeyond('delivered', 'acknowledged')).toBe(false);
    expect(UNACKNOWLEDGED_STATUSES.every((status) => statusRank(status) < statusRank('acknowledged'))).toBe(true);
    expect(new Set(Object.values(STATUS_TIMESTAMP)).size).toBe(ASSIGNMENT_STATUSES.length);
  });

  it('names each phone button after its step and back', () => {
    expect(nextActions('delivered')).toEqual(['ack']);
    expect(nextActions('acknowledged')).toEqual(['en_route', 'on_scene']);
    expect(nextActions('done')).toEqual([]);
    for (const step of PERSON_STEPS) expect(ACTION_STATUS[STEP_ACTION[step]]).toBe(step);
  });
});
