import { randomUUID } from 'node:crypto';
import { asc, eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, jurisdictions, planRoleMembers, planRoles, plans } from '@/db/schema';
import { createPlan, getAdminPlan, listAdminPlans, setPlanActive, updatePlan } from '@/server/plans';
import type { PlanView } from '@/server/contracts/views';
import { createSeededDb } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const planAudit = () => fixture.db.select().from(auditEvents).where(like(auditEvents.action, 'plan.%'));
const user = (name: string) => fixture.ids.userIds.get(name)!;
const department = (code: string) => fixture.ids.departmentIds.get(code)!;

type RoleBody = {
  id?: string;
  departmentId: string;
  name: string;
  instructions: string;
  materials: string[];
  targetLabel: string;
  targetLat: number | null;
  targetLng: number | null;
  requiredCount: number;
  memberIds: string[];
};

/** The editor's body for an existing plan: every role, in order, as the form holds it. */
const toInput = (plan: PlanView) => ({
  planId: plan.id,
  name: plan.name,
  incidentType: plan.incidentType,
  description: plan.description,
  roles: plan.roles.map((role): RoleBody => ({
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
  })),
});

const newRole: RoleBody = {
  departmentId: '',
  name: '水质监测组',
  instructions: '在取水口上游 1 公里布设监测点。',
  materials: ['水质快速检测箱', '', '采样瓶 4 个'],
  targetLabel: '取水口上游 1 公里',
  targetLat: 29.6,
  targetLng: 106.31,
  requiredCount: 2,
  memberIds: [],
};

describe('response plan administration', () => {
  it('creates a plan with roles, pre-assigned members in priority order, and materials as lines', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const plan = await createPlan({
      ctx,
      input: {
        name: '饮用水源地污染应急预案',
        incidentType: 'drinking_water',
        roles: [{ ...newRole, departmentId: department('env'), memberIds: [user('env3'), user('env1')] }],
      },
    });
    expect(plan).toMatchObject({
      isActive: true,
      roles: [{ name: '水质监测组', materials: ['水质快速检测箱', '采样瓶 4 个'], memberIds: [user('env3'), user('env1')] }],
    });
    const [row] = await fixture.db.select().from(planRoles).where(eq(planRoles.planId, plan.id));
    expect(row!.materials).toBe('水质快速检测箱\n采样瓶 4 个');
    expect(await planAudit()).toMatchObject([{ action: 'plan.created', entityId: plan.id }]);
  });

  it('replaces the role list in one go: reorders, drops, adds, keeps ids of kept roles', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const before = await getAdminPlan({ ctx, input: { planId: fixture.ids.planIds.get('water_oil')! } });
    const input = toInput(before);
    const [first, second, , fourth] = input.roles;
    input.roles = [
      fourth!,
      { ...first!, memberIds: [user('env3'), user('env1')], requiredCount: 2 },
      second!,
      { ...newRole, departmentId: department('env') },
    ];
    const after = await updatePlan({ ctx, input });

    expect(after.roles.map((role) => role.name)).toEqual(['拦截吸附组', '溯源排查组', '污水厂排污阀处置组', '水质监测组']);
    expect(after.roles.slice(0, 3).map((role) => role.id)).toEqual([fourth!.id, first!.id, second!.id]);
    expect(after.roles[1]).toMatchObject({ requiredCount: 2, memberIds: [user('env3'), user('env1')] });
    const members = await fixture.db
      .select()
      .from(planRoleMembers)
      .where(eq(planRoleMembers.planRoleId, first!.id!))
      .orderBy(asc(planRoleMembers.priority));
    expect(members.map((m) => [m.userId, m.priority])).toEqual([
      [user('env3'), 0],
      [user('env1'), 1],
    ]);
    expect(await fixture.db.select().from(planRoles).where(eq(planRoles.planId, before.id))).toHaveLength(4);
    expect(await planAudit()).toMatchObject([{ action: 'plan.updated', data: { roleCount: 4, removedRoles: 1 } }]);
  });

  it.each([
    [
      'a member of another department',
      (roles: ReturnType<typeof toInput>['roles']) => {
        roles[0]!.memberIds = [user('police2')];
      },
      'invalid_input',
      'memberNotInDepartment',
      'roles.0.memberIds',
    ],
    [
      'a required count of 0',
      (roles: ReturnType<typeof toInput>['roles']) => {
        roles[1]!.requiredCount = 0;
      },
      'invalid_input',
      'requiredCountRange',
      'roles.1.requiredCount',
    ],
    [
      'a required count of 21',
      (roles: ReturnType<typeof toInput>['roles']) => {
        roles[1]!.requiredCount = 21;
      },
      'invalid_input',
      'requiredCountRange',
      'roles.1.requiredCount',
    ],
    [
      'only a latitude',
      (roles: ReturnType<typeof toInput>['roles']) => {
        roles[2]!.targetLat = 29.58;
        roles[2]!.targetLng = null;
      },
      'invalid_input',
      'coordinatesPair',
      'roles.2.targetLat',
    ],
    [
      'an empty role name',
      (roles: ReturnType<typeof toInput>['roles']) => {
        roles[3]!.name = ' ';
      },
      'invalid_input',
      'fieldRequired',
      'roles.3.name',
    ],
    [
      'an unknown department',
      (roles: ReturnType<typeof toInput>['roles']) => {
        roles[0]!.departmentId = randomUUID();
        roles[0]!.memberIds = [];
      },
      'not_found',
      'departmentNotFound',
      'roles.0.departmentId',
    ],
    [
      'no roles at all',
      (roles: ReturnType<typeof toInput>['roles']) => {
        roles.length = 0;
      },
      'invalid_input',
      'planRolesRequired',
      'roles',
    ],
  ])('refuses %s and leaves the plan as it was', async (_name, change, code, messageKey, field) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const before = await getAdminPlan({ ctx, input: { planId: fixture.ids.planIds.get('water_oil')! } });
    const input = toInput(before);
    change(input.roles);
    await expect(updatePlan({ ctx, input: { ...input, name: '改过的名字' } })).rejects.toMatchObject({
      code,
      messageKey,
      details: { field },
    });
    expect(await getAdminPlan({ ctx, input: { planId: before.id } })).toEqual(before);
    expect(await planAudit()).toHaveLength(0);
  });

  it('deactivates and reactivates a plan, with an audit row each, and lists inactive plans for admins', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const planId = fixture.ids.planIds.get('air_pollution')!;
    expect(await setPlanActive({ ctx, input: { planId, isActive: false } })).toMatchObject({ isActive: false });
    expect((await listAdminPlans({ ctx })).find((plan) => plan.id === planId)).toMatchObject({ isActive: false });
    await setPlanActive({ ctx, input: { planId, isActive: true } });
    expect((await planAudit()).map((row) => row.action)).toEqual(['plan.deactivated', 'plan.activated']);
  });

  it.each(['duty', 'env1', 'ent1'])('refuses %s: only admins edit plans', async (username) => {
    fixture = await createSeededDb();
    const admin = await fixture.ctxFor('admin');
    const before = await getAdminPlan({ ctx: admin, input: { planId: fixture.ids.planIds.get('water_oil')! } });
    const ctx = await fixture.ctxFor(username);
    await expect(updatePlan({ ctx, input: { ...toInput(before), name: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setPlanActive({ ctx, input: { planId: before.id, isActive: false } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createPlan({ ctx, input: { ...toInput(before), planId: undefined } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await fixture.db.select().from(plans)).toHaveLength(3);
  });

  it('treats another jurisdiction’s plan as not found', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const otherJurisdiction = randomUUID();
    await fixture.db
      .insert(jurisdictions)
      .values({ id: otherJurisdiction, name: '成都高新区', nameEn: 'Chengdu Hi-Tech Zone', centerLat: 30.58, centerLng: 104.06 });
    const foreign = randomUUID();
    await fixture.db.insert(plans).values({ id: foreign, jurisdictionId: otherJurisdiction, name: '成都预案', incidentType: 'water_oil' });
    await expect(setPlanActive({ ctx, input: { planId: foreign, isActive: false } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getAdminPlan({ ctx, input: { planId: foreign } })).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await fixture.db.select().from(plans).where(eq(plans.id, foreign));
    expect(row!.isActive).toBe(true);
  });
});

describe('drill targets (plans.targets)', () => {
  it('are saved with the plan, audited, kept when absent, and refused out of range without a change', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const planId = fixture.ids.planIds.get('water_oil')!;
    const before = await getAdminPlan({ ctx, input: { planId } });
    expect(before.targets).toEqual({
      everyoneAcknowledgedSeconds: 180,
      firstOnSceneSeconds: 1200,
      allRolesOnSceneSeconds: 2700,
      initialReportSignedSeconds: 3600,
    });
    const targets = {
      everyoneAcknowledgedSeconds: 120,
      firstOnSceneSeconds: 900,
      allRolesOnSceneSeconds: 1800,
      initialReportSignedSeconds: 3600,
    };

    const after = await updatePlan({ ctx, input: { ...toInput(before), targets } });
    expect(after.targets).toEqual(targets);
    const [audit] = (await planAudit()).filter((row) => row.action === 'plan.updated');
    expect(audit!.data).toMatchObject({ targets, previousTargets: before.targets });
    // The editor of an older client sends no targets: they stay.
    expect((await updatePlan({ ctx, input: toInput(before) })).targets).toEqual(targets);

    for (const bad of [{ ...targets, firstOnSceneSeconds: 0 }, { ...targets, firstOnSceneSeconds: 90 }, { ...targets, extra: 1 }, 'soon']) {
      await expect(updatePlan({ ctx, input: { ...toInput(before), targets: bad } })).rejects.toMatchObject({ code: 'invalid_input' });
    }
    const [row] = await fixture.db.select().from(plans).where(eq(plans.id, planId));
    expect(row!.targets).toEqual(targets);
  });
});
