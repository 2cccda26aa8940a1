import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { assignments, auditEvents, departments, planRoles } from '@/db/schema';
import { getAdminPlan, updatePlan } from '@/server/plans';
import { listDepartments, updateDepartment } from '@/server/staff';
import { triggerIncident } from '@/server/dispatch';
import type { PlanView } from '@/server/contracts/views';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const user = (name: string) => fixture.ids.userIds.get(name)!;
const department = (code: string) => fixture.ids.departmentIds.get(code)!;

const toInput = (plan: PlanView) => ({
  planId: plan.id,
  name: plan.name,
  incidentType: plan.incidentType,
  description: plan.description,
  roles: plan.roles.map((role) => ({
    id: role.id,
    departmentId: role.departmentId,
    name: role.name,
    instructions: role.instructions,
    materials: role.materials,
    targetLabel: role.target.label,
    targetLat: role.target.lat,
    targetLng: role.target.lng,
    requiredCount: role.requiredCount,
    memberIds: role.memberIds,
    ackTimeoutSeconds: role.ackTimeoutSeconds as unknown,
    escalationSteps: role.escalationSteps as unknown,
  })),
});

async function riverPlan() {
  const ctx = await fixture.ctxFor('admin');
  return { ctx, plan: await getAdminPlan({ ctx, input: { planId: fixture.ids.planIds.get('water_oil')! } }) };
}

describe('escalation policy per plan role', () => {
  it('shows the documented defaults: 60 s and all four steps', async () => {
    fixture = await createSeededDb();
    const { plan } = await riverPlan();
    for (const role of plan.roles) {
      expect(role).toMatchObject({ ackTimeoutSeconds: 60, escalationSteps: ['realert', 'backup', 'supervisor', 'duty_officer'] });
    }
  });

  it('saves T and the chosen steps in policy order, and a new incident snapshots them', async () => {
    fixture = await createSeededDb();
    const { ctx, plan } = await riverPlan();
    const input = toInput(plan);
    input.roles[0]!.ackTimeoutSeconds = 30;
    input.roles[0]!.escalationSteps = ['duty_officer', 'realert'];
    const saved = await updatePlan({ ctx, input });
    expect(saved.roles[0]).toMatchObject({ ackTimeoutSeconds: 30, escalationSteps: ['realert', 'duty_officer'] });

    const at = new Date('2025-04-18T09:30:00+08:00');
    const duty = { ...(await fixture.ctxFor('duty')), now: () => at };
    const result = await triggerIncident({ ctx: duty, input: { planId: plan.id, location: RIVER_POINT, description: '河面油污' } });
    const [row] = await fixture.db
      .select()
      .from(assignments)
      .where(eq(assignments.id, result.assignments.find((a) => a.role === plan.roles[0]!.name)!.id));
    expect(row).toMatchObject({ ackTimeoutSeconds: 30, escalationSteps: ['realert', 'duty_officer'], escalationStep: 0 });
    expect(row!.nextEscalationAt!.getTime()).toBe(at.getTime() + 30_000);
  });

  it.each([
    ['too short a wait', { ackTimeoutSeconds: 5 }, 'ackTimeoutSeconds', 'ackTimeoutRange'],
    ['too long a wait', { ackTimeoutSeconds: 3_601 }, 'ackTimeoutSeconds', 'ackTimeoutRange'],
    ['a fractional wait', { ackTimeoutSeconds: 30.5 }, 'ackTimeoutSeconds', 'ackTimeoutRange'],
    ['a wait as text', { ackTimeoutSeconds: '60' }, 'ackTimeoutSeconds', 'ackTimeoutRange'],
    ['an unknown step', { escalationSteps: ['page_everyone'] }, 'escalationSteps.0', 'escalationStepsInvalid'],
    ['a repeated step', { escalationSteps: ['realert', 'realert'] }, 'escalationSteps', 'escalationStepsInvalid'],
    ['steps that are not a list', { escalationSteps: 'realert' }, 'escalationSteps', 'escalationStepsInvalid'],
  ])('refuses %s with a localized field error and changes nothing', async (_label, change, field, messageKey) => {
    fixture = await createSeededDb();
    const { ctx, plan } = await riverPlan();
    const input = toInput(plan);
    Object.assign(input.roles[0]!, change);
    await expect(updatePlan({ ctx, input })).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey,
      details: { field: `roles.0.${field}` },
    });
    const [role] = await fixture.db.select().from(planRoles).where(eq(planRoles.id, plan.roles[0]!.id));
    expect(role).toMatchObject({ ackTimeoutSeconds: 60, escalationSteps: ['realert', 'backup', 'supervisor', 'duty_officer'] });
    expect(await fixture.db.select().from(auditEvents).where(like(auditEvents.action, 'plan.%'))).toHaveLength(0);
  });
});

describe('department supervisor', () => {
  const envInput = { code: 'env', name: '生态环境', nameEn: 'Ecology & Environment' };

  it('lists the supervisor and who could be one (the active field staff of that department only)', async () => {
    fixture = await createSeededDb();
    const env = (await listDepartments({ ctx: await fixture.ctxFor('admin') })).find((d) => d.code === 'env')!;
    expect(env.supervisorId).toBe(user('envlead'));
    expect(env.staff.map((person) => person.id).sort()).toEqual(['env1', 'env2', 'env3', 'env4', 'env5', 'envlead'].map(user).sort());
  });

  it('sets, keeps when left out, and clears the supervisor, each with an audit row', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const departmentId = department('env');
    const supervisor = async () => (await fixture.db.select().from(departments).where(eq(departments.id, departmentId)))[0]!.supervisorId;

    await updateDepartment({ ctx, input: { departmentId, ...envInput, supervisorId: user('env3') } });
    expect(await supervisor()).toBe(user('env3'));
    await updateDepartment({ ctx, input: { departmentId, ...envInput, name: '生态环境局' } });
    expect(await supervisor()).toBe(user('env3'));
    await updateDepartment({ ctx, input: { departmentId, ...envInput, supervisorId: null } });
    expect(await supervisor()).toBeNull();
    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'department.updated'));
    expect(audit.map((row) => (row.data as { after: { supervisorId: string | null } }).after.supervisorId)).toEqual([
      user('env3'),
      user('env3'),
      null,
    ]);
  });

  it.each([
    ['someone of another department', () => user('police2'), 'supervisorNotInDepartment'],
    ['a duty officer', () => user('duty'), 'supervisorNotInDepartment'],
    ['an unknown id', () => '6b7c8a52-3f0e-4f8e-9a51-0a8e2b9f1c11', 'supervisorNotInDepartment'],
    ['not an id', () => 'envlead', 'selectionInvalid'],
  ])('refuses %s as supervisor and changes nothing', async (_label, supervisorId, messageKey) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    await expect(
      updateDepartment({ ctx, input: { departmentId: department('env'), ...envInput, supervisorId: supervisorId() } }),
    ).rejects.toMatchObject({ code: 'invalid_input', messageKey, details: { field: 'supervisorId' } });
    const [row] = await fixture.db
      .select()
      .from(departments)
      .where(eq(departments.id, department('env')));
    expect(row!.supervisorId).toBe(user('envlead'));
  });
});
