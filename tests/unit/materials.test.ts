import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, materialReservations, materialShortfalls, materialStock, planRoleMaterials, planRoles } from '@/db/schema';
import { liftIncident, triggerIncident } from '@/server/dispatch';
import { getAdminPlan, updatePlan } from '@/server/plans';
import {
  advanceReservation,
  createDepot,
  createMaterialItem,
  listIncidentMaterials,
  listInventory,
  setRoleMaterials,
  setStock,
  settleMaterials,
} from '@/server/materials';
import { DomainError } from '@/server/kernel/errors';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

// 应急物资: the trigger reserves the nearest stock in its own transaction, never more than the
// shelves hold (also when incidents race), the board and the card see where to collect what, the
// reservation advances reserved → collected → deployed, and after the lift what was not consumed
// goes back. Bad input is refused with a localized key and changes nothing.
let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, key: error.messageKey, details: error.details } : error),
  );

const riverInput = (planId: string) => ({ planId, location: RIVER_POINT, description: '梁滩河水面油污', drill: true });
const NEAR = '高新区应急物资储备库（含谷）';
const FAR = '西永街道应急物资点';

async function setup() {
  fixture = await createSeededDb();
  const { itemIds, depotIds } = fixture.ids.materials;
  const stockOf = async (depot: string, item: string) => {
    const [row] = await fixture.db
      .select({ quantity: materialStock.quantity })
      .from(materialStock)
      .where(and(eq(materialStock.depotId, depotIds.get(depot)!), eq(materialStock.itemId, itemIds.get(item)!)));
    return row?.quantity ?? 0;
  };
  const trigger = async () =>
    triggerIncident({ ctx: await fixture.ctxFor('duty'), input: riverInput(fixture.ids.planIds.get('water_oil')!) });
  return { itemIds, depotIds, stockOf, trigger };
}

const snapshot = async () => ({
  stock: await fixture.db.select().from(materialStock),
  reservations: await fixture.db.select().from(materialReservations),
  roleMaterials: await fixture.db.select().from(planRoleMaterials),
  audits: (await fixture.db.select({ id: auditEvents.id }).from(auditEvents)).length,
});

describe('materials at the trigger', () => {
  it('reserves the nearest stock, splitting the boom over two depots, in the trigger’s transaction', async () => {
    const { stockOf, trigger } = await setup();
    const result = await trigger();
    expect(result.materialShortfalls).toEqual([]);

    const { reservations } = await listIncidentMaterials({ ctx: await fixture.ctxFor('duty'), input: { incidentId: result.incident.id } });
    const summary = reservations
      .map((row) => `${row.roleName} ${row.itemName} ${row.quantity}${row.unit} @${row.depot.name} ${row.status}`)
      .sort();
    expect(summary).toEqual(
      [
        `拦截吸附组 吸油毡 100kg @${NEAR} reserved`,
        `拦截吸附组 围油栏 200m @${NEAR} reserved`,
        `拦截吸附组 围油栏 100m @${FAR} reserved`,
        `拦截吸附组 挖掘机 1unit @${FAR} reserved`,
        `拦截吸附组 沙袋 200bag @${NEAR} reserved`,
      ].sort(),
    );
    expect(await stockOf(NEAR, '围油栏')).toBe(0);
    expect(await stockOf(FAR, '围油栏')).toBe(300);
    expect(await stockOf(NEAR, '吸油毡')).toBe(50);
    expect(await stockOf(FAR, '挖掘机')).toBe(0);
    const audits = await fixture.db.select().from(auditEvents).where(eq(auditEvents.incidentId, result.incident.id));
    expect(audits.filter((row) => row.action === 'material.reserved')).toHaveLength(5);
  });

  it('warns a material shortfall like a people shortfall, reserving what there is', async () => {
    const { trigger } = await setup();
    await trigger();
    const second = await trigger(); // the only excavator and 200 m of boom are gone
    expect(second.materialShortfalls).toEqual([
      expect.objectContaining({ roleName: '拦截吸附组', itemName: '挖掘机', unit: 'unit', required: 1, reserved: 0 }),
    ]);
    const third = await trigger(); // no boom left after the second took the last 300 m (felt still suffices)
    expect(third.materialShortfalls.map((row) => `${row.itemName} ${row.reserved}/${row.required}`).sort()).toEqual(
      ['围油栏 0/300', '挖掘机 0/1'].sort(),
    );
    const rows = await fixture.db.select().from(materialShortfalls).where(eq(materialShortfalls.incidentId, third.incident.id));
    expect(rows).toHaveLength(2);
    const audits = await fixture.db.select().from(auditEvents).where(eq(auditEvents.incidentId, third.incident.id));
    expect(audits.filter((row) => row.action === 'material.shortfall')).toHaveLength(2);
  });

  it('never overbooks when ten incidents are triggered at once for the last stock', async () => {
    const { stockOf, trigger, itemIds } = await setup();
    const results = await Promise.all(Array.from({ length: 10 }, () => trigger()));
    const reservations = await fixture.db.select().from(materialReservations);
    const reservedOf = (item: string) =>
      reservations.filter((row) => row.itemId === itemIds.get(item)).reduce((sum, row) => sum + row.quantity, 0);
    // Shelves: boom 600 m, felt 350 kg, sandbags 900, one excavator.
    expect(reservedOf('围油栏')).toBe(600);
    expect(reservedOf('吸油毡')).toBe(350);
    expect(reservedOf('沙袋')).toBe(900);
    expect(reservedOf('挖掘机')).toBe(1);
    for (const [depot, item] of [
      [NEAR, '围油栏'],
      [FAR, '围油栏'],
      [NEAR, '吸油毡'],
      [FAR, '吸油毡'],
      [FAR, '挖掘机'],
    ] as const) {
      expect(await stockOf(depot, item)).toBe(0);
    }
    // What each incident got plus what it misses is what it asked for.
    for (const result of results) {
      const mine = reservations.filter((row) => row.incidentId === result.incident.id);
      for (const [item, asked] of Object.entries({ 挖掘机: 1, 沙袋: 200, 围油栏: 300, 吸油毡: 100 })) {
        const got = mine.filter((row) => row.itemId === itemIds.get(item)).reduce((sum, row) => sum + row.quantity, 0);
        const missing = result.materialShortfalls.find((row) => row.itemName === item);
        expect(got + (missing ? missing.required - missing.reserved : 0)).toBe(asked);
      }
    }
  });
});

describe('materials during and after the incident', () => {
  it('advances reserved → collected → deployed by the role’s assignee or the officer, then settles at the lift', async () => {
    const { stockOf, trigger } = await setup();
    const result = await trigger();
    const incidentId = result.incident.id;
    const duty = await fixture.ctxFor('duty');
    const assignee = result.assignments.find((row) => row.role === '拦截吸附组')!;
    const other = result.assignments.find((row) => row.role !== '拦截吸附组')!;
    const users = new Map([...fixture.ids.userIds].map(([name, id]) => [id, name]));
    const assigneeCtx = await fixture.ctxFor(users.get(assignee.userId)!);

    // The card: only the own role's reservations, with the depot to collect from.
    const card = await listIncidentMaterials({ ctx: assigneeCtx, input: { incidentId } });
    expect(card.reservations).toHaveLength(5);
    expect(card.reservations[0]!.depot).toMatchObject({ custodianPhone: expect.any(String), lat: expect.any(Number) });
    const otherCard = await listIncidentMaterials({ ctx: await fixture.ctxFor(users.get(other.userId)!), input: { incidentId } });
    expect(otherCard.reservations).toEqual([]);

    const boom = card.reservations.find((row) => row.itemName === '围油栏' && row.quantity === 200)!;
    expect(
      await refusal(advanceReservation({ ctx: await fixture.ctxFor(users.get(other.userId)!), input: { reservationId: boom.id } })),
    ).toMatchObject({
      code: 'forbidden',
    });
    expect((await advanceReservation({ ctx: assigneeCtx, input: { reservationId: boom.id } })).status).toBe('collected');
    expect((await advanceReservation({ ctx: duty, input: { reservationId: boom.id } })).status).toBe('deployed');
    expect(await refusal(advanceReservation({ ctx: duty, input: { reservationId: boom.id } }))).toMatchObject({
      key: 'reservationAlreadyDeployed',
    });
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'incidentUpdated').length).toBeGreaterThanOrEqual(3);
    // The role's phones hear each step (the others' do not): the card's panel is live.
    const holders = result.assignments.filter((row) => row.role === '拦截吸附组').map((row) => row.userId);
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'materialsUpdated')).toEqual(
      (['collected', 'deployed'] as const).map((status) => ({
        kind: 'materialsUpdated',
        to: holders,
        payload: { messageId: `material:${boom.id}:${status}`, incidentId, reservationId: boom.id, status },
      })),
    );
    expect(holders).not.toContain(other.userId);
    const steps = await fixture.db.select().from(auditEvents).where(eq(auditEvents.entityId, boom.id));
    expect(steps.map((row) => row.action)).toEqual(
      expect.arrayContaining(['material.reserved', 'material.collected', 'material.deployed']),
    );

    // Before the lift nothing can be settled.
    expect(await refusal(settleMaterials({ ctx: duty, input: { incidentId, consumed: [] } }))).toMatchObject({
      key: 'materialsSettleBeforeLift',
    });
    await liftIncident({ ctx: duty, input: { incidentId, reason: '油污已清除' } });
    expect(await refusal(advanceReservation({ ctx: duty, input: { reservationId: boom.id } }))).toMatchObject({ code: 'conflict' });

    // Consuming more than reserved, or an unknown reservation: refused, nothing changes.
    const before = await snapshot();
    expect(
      await refusal(settleMaterials({ ctx: duty, input: { incidentId, consumed: [{ reservationId: boom.id, quantity: 201 }] } })),
    ).toMatchObject({
      key: 'consumedMoreThanReserved',
    });
    expect(
      await refusal(settleMaterials({ ctx: duty, input: { incidentId, consumed: [{ reservationId: crypto.randomUUID(), quantity: 1 }] } })),
    ).toMatchObject({ key: 'reservationNotFound' });
    expect(
      await refusal(settleMaterials({ ctx: duty, input: { incidentId, consumed: [{ reservationId: boom.id, quantity: -1 }] } })),
    ).toMatchObject({
      code: 'invalid_input',
    });
    expect(await refusal(settleMaterials({ ctx: assigneeCtx, input: { incidentId, consumed: [] } }))).toMatchObject({ code: 'forbidden' });
    expect(await snapshot()).toEqual(before);

    const felt = card.reservations.find((row) => row.itemName === '吸油毡')!;
    const settled = await settleMaterials({
      ctx: duty,
      input: {
        incidentId,
        consumed: [
          { reservationId: boom.id, quantity: 50 },
          { reservationId: felt.id, quantity: 100 },
        ],
      },
    });
    expect(settled.every((row) => row.status === 'settled')).toBe(true);
    expect(settled.find((row) => row.id === boom.id)).toMatchObject({ consumed: 50 });
    expect(await stockOf(NEAR, '围油栏')).toBe(150); // 200 back minus 50 consumed
    expect(await stockOf(FAR, '围油栏')).toBe(400);
    expect(await stockOf(NEAR, '吸油毡')).toBe(50);
    expect(await stockOf(NEAR, '沙袋')).toBe(600);
    expect(await stockOf(FAR, '挖掘机')).toBe(1);
    const audits = await fixture.db.select().from(auditEvents).where(eq(auditEvents.incidentId, incidentId));
    expect(audits.filter((row) => row.action === 'material.settled')).toHaveLength(5);
    expect(await refusal(settleMaterials({ ctx: duty, input: { incidentId, consumed: [] } }))).toMatchObject({
      key: 'materialsAlreadySettled',
    });
  });
});

describe('materials administration', () => {
  it('adds items, depots and stock, and sets what a role requires', async () => {
    const { itemIds } = await setup();
    const admin = await fixture.ctxFor('admin');
    const item = await createMaterialItem({ ctx: admin, input: { name: '吸附棉', unit: 'kg' } });
    const depot = await createDepot({
      ctx: admin,
      input: { name: '曾家镇物资点', location: { lat: 29.61, lng: 106.29 }, custodianName: '李明', custodianPhone: '13800230199' },
    });
    await setStock({ ctx: admin, input: { depotId: depot.id, itemId: item.id, quantity: 80 } });
    await setStock({ ctx: admin, input: { depotId: depot.id, itemId: item.id, quantity: 60 } });
    const inventory = await listInventory({ ctx: admin });
    expect(inventory.stock).toContainEqual({ depotId: depot.id, itemId: item.id, quantity: 60 });
    expect(inventory.items.map((row) => row.name)).toContain('吸附棉');

    const [role] = await fixture.db.select().from(planRoles).where(eq(planRoles.name, '溯源排查组'));
    await setRoleMaterials({ ctx: admin, input: { planRoleId: role!.id, materials: [{ itemId: item.id, quantity: 60 }] } });
    expect(await fixture.db.select().from(planRoleMaterials).where(eq(planRoleMaterials.planRoleId, role!.id))).toEqual([
      { planRoleId: role!.id, itemId: item.id, quantity: 60 },
    ]);
    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'material.stock_set'));
    expect(audit.map((row) => row.data)).toContainEqual(expect.objectContaining({ from: 80, to: 60 }));
    void itemIds;
  });

  it('keeps a role’s requirements when the plan is saved again in the editor', async () => {
    const { trigger } = await setup();
    const admin = await fixture.ctxFor('admin');
    const plan = await getAdminPlan({ ctx: admin, input: { planId: fixture.ids.planIds.get('water_oil')! } });
    await updatePlan({
      ctx: admin,
      input: {
        planId: plan.id,
        name: plan.name,
        incidentType: plan.incidentType,
        description: plan.description,
        roles: plan.roles.map(({ id, departmentId, name, instructions, materials, target, requiredCount, memberIds }) => ({
          id,
          departmentId,
          name,
          instructions,
          materials,
          targetLabel: target.label,
          targetLat: target.lat,
          targetLng: target.lng,
          requiredCount,
          memberIds,
        })),
      },
    });
    const result = await trigger();
    expect(result.materialShortfalls).toEqual([]);
    expect(
      await fixture.db.select().from(materialReservations).where(eq(materialReservations.incidentId, result.incident.id)),
    ).toHaveLength(5);
  });

  it('refuses bad input with a localized key and stores nothing', async () => {
    const { itemIds, depotIds } = await setup();
    const admin = await fixture.ctxFor('admin');
    const [role] = await fixture.db.select().from(planRoles).where(eq(planRoles.name, '溯源排查组'));
    const felt = itemIds.get('吸油毡')!;
    const depot = depotIds.get(NEAR)!;
    const before = await snapshot();
    const duty = await fixture.ctxFor('duty');
    const cases: [() => Promise<unknown>, Record<string, unknown>][] = [
      // More than all depots hold (350 kg of felt).
      [
        () => setRoleMaterials({ ctx: admin, input: { planRoleId: role!.id, materials: [{ itemId: felt, quantity: 351 }] } }),
        { key: 'materialMoreThanHeld' },
      ],
      [
        () => setRoleMaterials({ ctx: admin, input: { planRoleId: role!.id, materials: [{ itemId: felt, quantity: 0 }] } }),
        { code: 'invalid_input' },
      ],
      [
        () => setRoleMaterials({ ctx: admin, input: { planRoleId: role!.id, materials: [{ itemId: felt, quantity: -5 }] } }),
        { code: 'invalid_input' },
      ],
      [
        () => setRoleMaterials({ ctx: admin, input: { planRoleId: role!.id, materials: [{ itemId: crypto.randomUUID(), quantity: 1 }] } }),
        { key: 'unknownMaterialItem' },
      ],
      [() => setStock({ ctx: admin, input: { depotId: depot, itemId: felt, quantity: -1 } }), { code: 'invalid_input' }],
      [() => setStock({ ctx: admin, input: { depotId: crypto.randomUUID(), itemId: felt, quantity: 5 } }), { key: 'unknownDepot' }],
      [() => setStock({ ctx: admin, input: { depotId: depot, itemId: crypto.randomUUID(), quantity: 5 } }), { key: 'unknownMaterialItem' }],
      [
        () =>
          setStock({
            ctx: { ...admin, actor: { ...admin.actor, jurisdictionId: 'another-jurisdiction' } },
            input: { depotId: depot, itemId: felt, quantity: 5 },
          }),
        { key: 'unknownDepot' },
      ],
      [() => setStock({ ctx: duty, input: { depotId: depot, itemId: felt, quantity: 5 } }), { code: 'forbidden' }],
      [() => createMaterialItem({ ctx: admin, input: { name: '吸油毡', unit: 'kg' } }), { key: 'materialItemExists' }],
      [() => createMaterialItem({ ctx: admin, input: { name: '石灰', unit: 'tonne' } }), { code: 'invalid_input' }],
      [
        () =>
          createDepot({
            ctx: admin,
            input: { name: NEAR, location: { lat: 29.6, lng: 106.3 }, custodianName: '甲', custodianPhone: '13800000000' },
          }),
        { key: 'depotExists' },
      ],
      [
        () =>
          createDepot({
            ctx: admin,
            input: { name: '新库', location: { lat: 99, lng: 106.3 }, custodianName: '甲', custodianPhone: '13800000000' },
          }),
        { code: 'invalid_input' },
      ],
    ];
    for (const [run, expected] of cases) expect(await refusal(run())).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
  });
});
