import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, departments, jurisdictions } from '@/db/schema';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from '@/server/staff';
import { createSeededDb } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const water = { code: 'water', name: '水利', nameEn: 'Water Resources' };
const departmentAudit = () => fixture.db.select().from(auditEvents).where(like(auditEvents.action, 'department.%'));

describe('department administration', () => {
  it('creates, renames and deletes an unused department, one audit row each', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const created = await createDepartment({ ctx, input: { ...water, code: ' Water ' } });
    expect(created.code).toBe('water');
    await updateDepartment({ ctx, input: { departmentId: created.id, ...water, name: '水利局' } });
    expect((await listDepartments({ ctx })).find((d) => d.id === created.id)).toMatchObject({ name: '水利局', userCount: 0, roleCount: 0 });
    await deleteDepartment({ ctx, input: { departmentId: created.id } });
    expect(await fixture.db.select().from(departments).where(eq(departments.id, created.id))).toHaveLength(0);
    expect((await departmentAudit()).map((row) => row.action).sort()).toEqual([
      'department.created',
      'department.deleted',
      'department.updated',
    ]);
  });

  it('refuses a duplicate code with codeTaken and stores nothing', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    await expect(createDepartment({ ctx, input: { ...water, code: 'env' } })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'codeTaken',
      details: { field: 'code' },
    });
    const police = fixture.ids.departmentIds.get('police')!;
    await expect(updateDepartment({ ctx, input: { departmentId: police, ...water, code: 'env' } })).rejects.toMatchObject({
      messageKey: 'codeTaken',
    });
    expect(await fixture.db.select().from(departments)).toHaveLength(3);
    expect(await departmentAudit()).toHaveLength(0);
  });

  it('refuses to delete a department that staff or plan roles use', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const env = fixture.ids.departmentIds.get('env')!;
    await expect(deleteDepartment({ ctx, input: { departmentId: env } })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'departmentInUse',
    });
    expect(await fixture.db.select().from(departments).where(eq(departments.id, env))).toHaveLength(1);
  });

  it.each([
    ['a bad code', { ...water, code: '水' }, 'code', 'codeFormat'],
    ['an empty name', { ...water, name: '  ' }, 'name', 'fieldRequired'],
    ['a missing English name', { code: 'water', name: '水利' }, 'nameEn', 'fieldRequired'],
  ])('rejects %s naming the field, and stores nothing', async (_name, input, field, messageKey) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    await expect(createDepartment({ ctx, input })).rejects.toMatchObject({ code: 'invalid_input', messageKey, details: { field } });
    expect(await fixture.db.select().from(departments)).toHaveLength(3);
  });

  it.each(['duty', 'env1', 'ent1'])('refuses %s: only admins manage departments', async (username) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor(username);
    await expect(createDepartment({ ctx, input: water })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listDepartments({ ctx })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await fixture.db.select().from(departments)).toHaveLength(3);
  });

  it('treats another jurisdiction’s department as not found', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const otherJurisdiction = randomUUID();
    await fixture.db
      .insert(jurisdictions)
      .values({ id: otherJurisdiction, name: '成都高新区', nameEn: 'Chengdu Hi-Tech Zone', centerLat: 30.58, centerLng: 104.06 });
    const foreign = randomUUID();
    await fixture.db.insert(departments).values({ id: foreign, jurisdictionId: otherJurisdiction, ...water });
    await expect(deleteDepartment({ ctx, input: { departmentId: foreign } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateDepartment({ ctx, input: { departmentId: foreign, ...water } })).rejects.toMatchObject({ code: 'not_found' });
    // The same code is free in this jurisdiction: codes are unique per jurisdiction.
    await expect(createDepartment({ ctx, input: water })).resolves.toMatchObject({ code: 'water' });
  });
});
