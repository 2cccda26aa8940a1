import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { planRoleMembers, planRoles, users } from '@/db/schema';
import { pickBackup, type BackupCandidate } from '@/server/dispatch/escalation/pick-backup';
import type { RoleCard } from '@/server/contracts/dispatch';
import { loadRoleCards } from '@/server/dispatch/views';
import { staffRoles } from '@/server/contracts/staffing';
import { createEscalationFixture } from '../helpers/escalation-fixture';

const person = (id: string, overrides: Partial<BackupCandidate> = {}): BackupCandidate => ({
  id,
  departmentId: 'env',
  isActive: true,
  isOnDuty: true,
  ...overrides,
});

describe('pickBackup (pure)', () => {
  const base = { departmentId: 'env', onIncident: new Set(['wang']), supervisorIds: new Set(['lead']) };

  it('takes the next pre-assigned person in priority order who is free, on duty and active', () => {
    const staff = [
      person('a-first'),
      person('wang'),
      person('zhao', { isOnDuty: false }),
      person('sun', { isActive: false }),
      person('li'),
      person('zhou'),
    ];
    expect(pickBackup({ ...base, staff, preferredUserIds: ['wang', 'zhao', 'sun', 'li', 'zhou'] })).toBe('li');
  });

  it('falls back to anyone free of the department in roster order, never the supervisor or another department', () => {
    const staff = [
      person('lead'),
      person('police', { departmentId: 'police' }),
      person('wang'),
      person('x-off', { isOnDuty: false }),
      person('zz'),
    ];
    expect(pickBackup({ ...base, staff, preferredUserIds: ['wang'] })).toBe('zz');
  });

  it('lets a supervisor the plan names be the backup, but finds nobody when nobody is free', () => {
    expect(pickBackup({ ...base, staff: [person('lead'), person('wang')], preferredUserIds: ['wang', 'lead'] })).toBe('lead');
    expect(pickBackup({ ...base, staff: [person('lead'), person('wang')], preferredUserIds: ['wang'] })).toBeNull();
    expect(pickBackup({ ...base, staff: [], preferredUserIds: [] })).toBeNull();
  });
});

describe('page backup step (database)', () => {
  let fixture: Awaited<ReturnType<typeof createEscalationFixture>>;
  afterEach(() => fixture?.close());

  async function addEnvUser(username: string, isOnDuty: boolean) {
    const [template] = await fixture.db.select().from(users).where(eq(users.username, 'env1'));
    const id = randomUUID();
    await fixture.db.insert(users).values({ ...template!, id, username, displayName: username, isOnDuty });
    return id;
  }

  async function preAssign(usernames: string[]) {
    const [role] = await fixture.db.select().from(planRoles).where(eq(planRoles.name, '溯源排查组'));
    await fixture.db.delete(planRoleMembers).where(eq(planRoleMembers.planRoleId, role!.id));
    await fixture.db
      .insert(planRoleMembers)
      .values(usernames.map((name, priority) => ({ planRoleId: role!.id, userId: fixture.user(name), priority })));
  }

  it('pages the next on-duty pre-assigned person before anyone else of the department', async () => {
    fixture = await createEscalationFixture({ steps: ['backup'] });
    const env6 = await addEnvUser('env6', true);
    fixture.ids.userIds.set('env6', env6);
    // env4 is off duty, env2 already holds a card in this incident; env3 (free) is not pre-assigned.
    await preAssign(['env1', 'env4', 'env2', 'env6']);
    const { incident, original } = await fixture.trigger();
    await fixture.at(60);
    const [step] = await fixture.steps(incident.id);
    expect(step!.data).toMatchObject({ notifiedUserId: env6, notifiedName: 'env6' });
    expect((await fixture.backupsOf(original.id)).map((row) => row.userId)).toEqual([env6]);
    // The backup's card, as pushed, says whom it stands in for; the original card does not.
    const pushed = fixture.emitter.sent.filter((sent) => sent.kind === 'assignmentNew').map((sent) => sent.payload as RoleCard);
    expect(pushed.find((card) => card.assigneeId === env6)?.standsInFor).toBe('王建国');
    const [originalCard] = await loadRoleCards(fixture.db, { assignmentIds: [original.id] });
    expect(originalCard!.standsInFor).toBeNull();
  });

  it('never pages the off-duty, the disabled, those already on the incident, or the supervisor: nobody is left', async () => {
    fixture = await createEscalationFixture({ steps: ['backup'] });
    await fixture.db
      .update(users)
      .set({ isActive: false })
      .where(eq(users.id, fixture.user('env3')));
    await addEnvUser('env7', false);
    const { incident, original } = await fixture.trigger();
    await fixture.at(60);
    const [step] = await fixture.steps(incident.id);
    expect(step).toMatchObject({ action: 'escalation.backup', data: { skipped: 'noBackupOnDuty', notifiedUserId: null } });
    expect(await fixture.backupsOf(original.id)).toEqual([]);
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'assignmentNew')).toEqual([]);
    const envlead = (
      await fixture.db
        .select()
        .from(users)
        .where(inArray(users.username, ['envlead']))
    )[0]!;
    expect(envlead.isOnDuty).toBe(true);
  });
});

describe('department supervisors and one-tap staffing', () => {
  it('leaves a reserved person (the supervisor) out of the fill-in pass but not out of their own named role', () => {
    const roles = [
      { id: 'own', departmentId: 'env', requiredCount: 1, preferredUserIds: ['lead'] },
      { id: 'open', departmentId: 'env', requiredCount: 1, preferredUserIds: [] },
    ];
    const withLeadNamed = staffRoles(roles, [{ id: 'lead', departmentId: 'env', isReserved: true }]);
    expect(withLeadNamed.picks).toEqual([{ roleId: 'own', userId: 'lead' }]);
    const unnamed = staffRoles([roles[1]!], [{ id: 'lead', departmentId: 'env', isReserved: true }]);
    expect(unnamed).toEqual({ picks: [], gaps: [{ roleId: 'open', required: 1, assigned: 0 }] });
  });

  it('reports a shortfall rather than send the on-duty supervisor when the pre-assigned person is off duty', async () => {
    const fixture = await createEscalationFixture();
    try {
      await fixture.db
        .update(users)
        .set({ isOnDuty: false })
        .where(inArray(users.username, ['env2', 'env3']));
      const { assignments, shortfalls } = await fixture.trigger();
      expect(assignments.map((assignment) => assignment.username)).not.toContain('envlead');
      expect(shortfalls).toMatchObject([{ roleName: '污水厂排污阀处置组', required: 1, assigned: 0 }]);
    } finally {
      fixture.close();
    }
  });
});
