import { describe, expect, it } from 'vitest';
import { planReach } from '@/components/dispatch/role-reach';
import type { PlanRoleView, PresenceView } from '@/server/contracts/views';

const person = (userId: string, departmentId: string, isOnDuty = true, isSupervisor = false): PresenceView => ({
  userId,
  username: userId,
  displayName: userId,
  departmentId,
  department: departmentId,
  isOnDuty,
  isSupervisor,
  isOnline: false,
  lastSeenAt: null,
});
const role = (id: string, departmentId: string, memberIds: string[], requiredCount = 1): PlanRoleView => ({
  id,
  departmentId,
  department: departmentId,
  departmentEn: departmentId,
  ackTimeoutSeconds: 60,
  escalationSteps: ['realert', 'backup', 'supervisor', 'duty_officer'],
  name: id,
  instructions: '',
  materials: [],
  target: { label: '', lat: null, lng: null },
  requiredCount,
  memberIds,
  requiresPhoto: false,
});

describe('planReach (the trigger panel before the press)', () => {
  const people = [person('env1', 'env'), person('env2', 'env'), person('env3', 'env'), person('env4', 'env', false), person('pol1', 'pol')];
  const roles = [role('trace', 'env', ['env1']), role('valve', 'env', ['env4', 'env2']), role('cordon', 'pol', ['pol1'])];

  it('shows who the press would page (the server staffing rule) and counts only those with a phone online', () => {
    const online = new Set(['env1', 'env3']);
    const rows = planReach(roles, people, (id) => ({ isOnline: online.has(id), lastSeenAt: null }));
    const [trace, valve, cordon] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];

    expect(trace.candidates.filter((c) => c.isPaged).map((c) => c.person.userId)).toEqual(['env1']);
    expect(trace.reachable).toBe(1);
    // env4 is pre-assigned but off duty: shown, not paged; env2 is paged although offline.
    expect(valve.candidates.map((c) => [c.person.userId, c.isPaged])).toEqual([
      ['env2', true],
      ['env4', false],
      ['env3', false],
    ]);
    expect(valve.reachable).toBe(0);
    expect(valve.standbyOnline).toBe(1);
    // Someone paged for another role is no stand-in here.
    expect(valve.candidates.some((c) => c.person.userId === 'env1')).toBe(false);
    expect(cordon).toMatchObject({ paged: 1, reachable: 0, standbyOnline: 0 });
  });

  it('reports a role nobody on duty can fill as paging nobody', () => {
    const rows = planReach([role('cordon', 'pol', [])], [person('pol1', 'pol', false)], () => undefined);
    expect(rows[0]).toMatchObject({ paged: 0, reachable: 0 });
  });

  it('neither pages nor lists a department supervisor as a stand-in, unless the plan names them', () => {
    const staff = [person('env1', 'env'), person('envlead', 'env', true, true)];
    const [open] = planReach([role('trace', 'env', [], 2)], staff, () => undefined);
    expect(open!.candidates.map((c) => c.person.userId)).toEqual(['env1']);
    expect(open!.paged).toBe(1);
    const [named] = planReach([role('trace', 'env', ['envlead'])], staff, () => undefined);
    expect(named!.candidates.filter((c) => c.isPaged).map((c) => c.person.userId)).toEqual(['envlead']);
  });
});
