import { readFileSync } from 'node:fs';
import path from 'node:path';
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
import { assignments } from '@/db/schema';

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

  it('has a column for the time of every status, named after the status', () => {
    for (const status of ASSIGNMENT_STATUSES) expect(assignments[STATUS_TIMESTAMP[status]].name).toBe(`${status}_at`);
  });

  // Catalog keys are looked up at run time: a status or step missing from a catalog would show its key on a screen.
  it.each(['zh-CN', 'en'])('has %s words for every status and every button the phone offers', (locale) => {
    const catalog = (name: string) =>
      JSON.parse(readFileSync(path.join(import.meta.dirname, '../../messages', locale, `${name}.json`), 'utf8'));
    const common = catalog('common');
    const field = catalog('field');
    for (const status of ASSIGNMENT_STATUSES) expect(common.assignmentStatus?.[status], `common.assignmentStatus.${status}`).toBeTruthy();
    for (const status of ASSIGNMENT_STATUSES) {
      nextActions(status).forEach((action, index) => {
        const key = index === 0 ? action : `${action}Skip`;
        expect(field.actions?.[key], `field.actions.${key}`).toBeTruthy();
      });
    }
  });
});
