import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { auditEvents, checklistDrafts, enterpriseContacts, enterpriseMaterials, riskPoints } from '@/db/schema';
import { completeChecklist, getChecklist, saveChecklistStep } from '@/server/checklist';
import { DomainError } from '@/server/kernel/errors';
import { createSeededDb } from '../helpers/fixtures';

// Seeded site plans are written under UPLOAD_DIR: keep them out of the repository.
process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), 'ecodispatch-checklist-'));

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());
afterAll(() => rmSync(process.env.UPLOAD_DIR!, { recursive: true, force: true }));

const storage = {
  storages: [
    {
      code: 'T-1',
      name: '切削液储罐',
      kind: 'storage_tank',
      substances: [{ name: '切削液', maxQuantity: 6, unit: 't' }],
      disposalSteps: ['关闭出液阀'],
    },
    { code: 'T-9', name: '新建酸洗液储罐', kind: 'storage_tank', substances: [{ name: '稀盐酸', maxQuantity: 2, unit: 't' }] },
  ],
};
const outfalls = {
  points: [
    {
      code: 'V-1',
      name: '雨污切换阀（改）',
      kind: 'valve',
      disposalSteps: ['关闭阀门 V-1', '切换至应急池'],
      responsibleName: '杨主管',
      responsiblePhone: '13608301021',
    },
    { code: 'DO-9', name: '新建污水排口', kind: 'discharge_outfall', disposalSteps: ['关闭 V-2 后检查断流'] },
  ],
};
const contacts = { contacts: [{ name: '钱经理', role: '应急总指挥', phone: '13608301002' }] };
const materials = { materials: [{ kind: '吸油毡', quantity: '100 张', location: '仓库' }] };

async function expectError(promise: Promise<unknown>, code: string, messageKey?: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (messageKey) expect((error as DomainError).messageKey).toBe(messageKey);
  return error as DomainError;
}

async function fillAll(ctx: Awaited<ReturnType<typeof fixture.ctxFor>>, enterpriseId: string) {
  for (const [step, data] of [storage, outfalls, contacts, materials].entries()) {
    await saveChecklistStep({ ctx, input: { enterpriseId, step, data } });
  }
}

describe('checklist filing', () => {
  it('refuses an invalid step with the field named, and stores nothing', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('ent2');
    const enterpriseId = fixture.ids.enterpriseIds.get('autoparts')!;
    const bad = { storages: [{ ...storage.storages[0], substances: [{ name: '切削液', maxQuantity: -1, unit: 't' }] }] };
    const error = await expectError(
      saveChecklistStep({ ctx, input: { enterpriseId, step: 0, data: bad } }),
      'invalid_input',
      'checklistQuantity',
    );
    expect(error.details.field).toBe('storages.0.substances.0.maxQuantity');

    const noSteps = { points: [{ code: 'V-1', name: '阀', kind: 'valve', disposalSteps: [] }] };
    const stepsError = await expectError(
      saveChecklistStep({ ctx, input: { enterpriseId, step: 1, data: noSteps } }),
      'invalid_input',
      'checklistStepsRequired',
    );
    expect(stepsError.details.field).toBe('points.0.disposalSteps');

    const duplicate = { points: [outfalls.points[0], { ...outfalls.points[1], code: 'V-1' }] };
    await expectError(
      saveChecklistStep({ ctx, input: { enterpriseId, step: 1, data: duplicate } }),
      'invalid_input',
      'checklistDuplicateCode',
    );
    await expectError(
      saveChecklistStep({ ctx, input: { enterpriseId, step: 2, data: { contacts: [{ name: '钱', role: '总指挥', phone: 'abc' }] } } }),
      'invalid_input',
      'phoneFormat',
    );
    await expectError(
      saveChecklistStep({ ctx, input: { enterpriseId, step: 3, data: { materials: [] } } }),
      'invalid_input',
      'checklistAtLeastOne',
    );

    expect(await fixture.db.select().from(checklistDrafts)).toEqual([]);
    expect(await fixture.db.select().from(auditEvents).where(like(auditEvents.action, 'map.checklist%'))).toEqual([]);
  });

  it('rejects a storage code reused for an outfall in a later step', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('ent2');
    const enterpriseId = fixture.ids.enterpriseIds.get('autoparts')!;
    await saveChecklistStep({ ctx, input: { enterpriseId, step: 0, data: storage } });
    const clash = { points: [{ ...outfalls.points[1], code: 'T-9' }] };
    const error = await expectError(
      saveChecklistStep({ ctx, input: { enterpriseId, step: 1, data: clash } }),
      'invalid_input',
      'checklistDuplicateCode',
    );
    expect(error.details.field).toBe('points.0.code');
    const view = await getChecklist({ ctx, input: { enterpriseId } });
    expect(view.data.outfalls).toBeUndefined();
  });

  it('saves half-done and resumes at the furthest step reached', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('ent2');
    const enterpriseId = fixture.ids.enterpriseIds.get('autoparts')!;
    const fresh = await getChecklist({ ctx, input: { enterpriseId } });
    expect(fresh).toMatchObject({ step: 0, isSaved: false, completedAt: null });

    await saveChecklistStep({ ctx, input: { enterpriseId, step: 0, data: storage } });
    await saveChecklistStep({ ctx, input: { enterpriseId, step: 1, data: outfalls } });
    await saveChecklistStep({ ctx, input: { enterpriseId, step: 0, data: storage } });

    const resumed = await getChecklist({ ctx, input: { enterpriseId } });
    expect(resumed.step).toBe(2);
    expect(resumed.isSaved).toBe(true);
    expect(resumed.data.storage?.storages.map((item) => item.code)).toEqual(['T-1', 'T-9']);
    expect(resumed.data.outfalls?.points[0]?.disposalSteps).toEqual(['关闭阀门 V-1', '切换至应急池']);
    await expectError(completeChecklist({ ctx, input: { enterpriseId } }), 'invalid_input', 'checklistIncomplete');
  });

  it('pre-fills a first checklist from the map draft', async () => {
    fixture = await createSeededDb({ withOneMaps: true });
    const ctx = await fixture.ctxFor('ent1');
    const view = await getChecklist({ ctx, input: { enterpriseId: fixture.ids.enterpriseIds.get('wwtp')! } });
    expect(view.isSaved).toBe(false);
    expect(view.hasPlan).toBe(true);
    expect(view.data.storage?.storages.map((item) => item.code)).toEqual(['HW-1', 'T-1', 'T-2']);
    expect(view.data.outfalls?.points.map((item) => item.code)).toContain('V-3');
    expect(view.data.contacts?.contacts).toHaveLength(3);

    // Saving one step keeps the pre-fill of the steps not yet saved.
    await saveChecklistStep({ ctx, input: { enterpriseId: view.enterpriseId, step: 0, data: view.data.storage } });
    const resumed = await getChecklist({ ctx, input: { enterpriseId: view.enterpriseId } });
    expect(resumed).toMatchObject({ step: 1, isSaved: true });
    expect(resumed.data.contacts?.contacts).toHaveLength(3);
  });

  it('completes into the map draft: merges points by code, keeps positions, places new ones on the plan', async () => {
    fixture = await createSeededDb({ withOneMaps: true });
    const ctx = await fixture.ctxFor('ent2');
    const enterpriseId = fixture.ids.enterpriseIds.get('autoparts')!;
    const pointsOf = () => fixture.db.select().from(riskPoints).where(eq(riskPoints.enterpriseId, enterpriseId));
    const before = await pointsOf();
    const oldT1 = before.find((point) => point.code === 'T-1')!;

    await fillAll(ctx, enterpriseId);
    const result = await completeChecklist({ ctx, input: { enterpriseId } });
    expect(result.added.sort()).toEqual(['DO-9', 'T-9']);
    expect(result.updated.sort()).toEqual(['T-1', 'V-1']);

    const after = await pointsOf();
    expect(after).toHaveLength(before.length + 2);
    const t1 = after.find((point) => point.code === 'T-1')!;
    expect({ x: t1.x, y: t1.y }).toEqual({ x: oldT1.x, y: oldT1.y });
    expect(t1.substances).toEqual([{ name: '切削液', maxQuantity: 6, unit: 't' }]);
    const v1 = after.find((point) => point.code === 'V-1')!;
    expect(v1.name).toBe('雨污切换阀（改）');
    // Points the checklist does not mention stay on the map.
    expect(after.some((point) => point.code === 'HW-1')).toBe(true);

    const added = after.filter((point) => result.added.includes(point.code));
    for (const point of added) {
      expect(point.x).toBeGreaterThan(0);
      expect(point.x).toBeLessThan(1600);
      expect(point.y).toBeGreaterThan(0);
      expect(point.y).toBeLessThan(1100);
      for (const other of before) expect(Math.hypot(other.x - point.x, other.y - point.y)).toBeGreaterThan(20);
    }
    expect(Math.hypot(added[0]!.x - added[1]!.x, added[0]!.y - added[1]!.y)).toBeGreaterThan(20);

    expect(await fixture.db.select().from(enterpriseContacts).where(eq(enterpriseContacts.enterpriseId, enterpriseId))).toMatchObject([
      contacts.contacts[0]!,
    ]);
    expect(await fixture.db.select().from(enterpriseMaterials).where(eq(enterpriseMaterials.enterpriseId, enterpriseId))).toMatchObject([
      materials.materials[0]!,
    ]);
    const view = await getChecklist({ ctx, input: { enterpriseId } });
    expect(view.completedAt).toBe(result.completedAt);
    const audit = await fixture.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, enterpriseId), eq(auditEvents.action, 'map.checklist_completed')));
    expect(audit).toHaveLength(1);
  });

  it('places new points around the plan centre before any plan is uploaded', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('ent2');
    const enterpriseId = fixture.ids.enterpriseIds.get('autoparts')!;
    await fillAll(ctx, enterpriseId);
    const result = await completeChecklist({ ctx, input: { enterpriseId } });
    expect(result.added).toHaveLength(4);
    const points = await fixture.db.select().from(riskPoints).where(eq(riskPoints.enterpriseId, enterpriseId));
    for (const point of points) {
      expect(Math.abs(point.x - 800)).toBeLessThan(100);
      expect(Math.abs(point.y - 550)).toBeLessThan(100);
    }
  });

  it('is for the enterprise itself only', async () => {
    fixture = await createSeededDb();
    const otherEnterprise = fixture.ids.enterpriseIds.get('wwtp')!;
    const own = fixture.ids.enterpriseIds.get('autoparts')!;
    const ent2 = await fixture.ctxFor('ent2');
    await expectError(getChecklist({ ctx: ent2, input: { enterpriseId: otherEnterprise } }), 'not_found');
    await expectError(saveChecklistStep({ ctx: ent2, input: { enterpriseId: otherEnterprise, step: 0, data: storage } }), 'not_found');
    await expectError(completeChecklist({ ctx: ent2, input: { enterpriseId: otherEnterprise } }), 'not_found');
    for (const username of ['env1', 'duty']) {
      const ctx = await fixture.ctxFor(username);
      await expectError(getChecklist({ ctx, input: { enterpriseId: own } }), 'forbidden');
      await expectError(saveChecklistStep({ ctx, input: { enterpriseId: own, step: 0, data: storage } }), 'forbidden');
      await expectError(completeChecklist({ ctx, input: { enterpriseId: own } }), 'forbidden');
    }
    expect(await fixture.db.select().from(checklistDrafts)).toEqual([]);
  });
});
