import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, planRoleMembers, sessions, users } from '@/db/schema';
import { createSession } from '@/server/kernel/auth/session';
import { verifyPassword } from '@/server/kernel/auth/password';
import { createUser, listUsers, updateUser } from '@/server/staff';
import { createSeededDb } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const userAudit = () => fixture.db.select().from(auditEvents).where(like(auditEvents.action, 'user.%'));
const userRow = async (username: string) => (await fixture.db.select().from(users).where(eq(users.username, username)))[0]!;
const fieldStaff = (departmentId: string) => ({
  username: 'env6',
  displayName: '钱七',
  phone: '13808300106',
  role: 'field_staff',
  departmentId,
  password: 'river-2024',
});
/** The update body the form sends: the whole editable record. */
const editable = async (username: string) => {
  const user = await userRow(username);
  const { id, displayName, phone, role, departmentId, enterpriseId, isActive } = user;
  return { userId: id, displayName, phone, role, departmentId, enterpriseId, isActive };
};

describe('user administration', () => {
  it('grants 签发权 to command accounts only, keeps it when an edit leaves it out, and audits the change', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const officer = await createUser({
      ctx,
      input: {
        username: 'deputy',
        displayName: '副局长',
        phone: '',
        role: 'duty_officer',
        departmentId: null,
        password: 'river-2024',
        canSignOff: true,
      },
    });
    expect(officer.canSignOff).toBe(true);
    const field = await createUser({ ctx, input: { ...fieldStaff(fixture.ids.departmentIds.get('env')!), canSignOff: true } });
    expect(field.canSignOff).toBe(false);
    expect((await updateUser({ ctx, input: await editable('deputy') })).canSignOff).toBe(true);
    expect((await updateUser({ ctx, input: { ...(await editable('deputy')), canSignOff: false } })).canSignOff).toBe(false);
    const [audit] = (await userAudit()).filter(
      (row) => row.action === 'user.updated' && (row.data as { changed: string[] }).changed.includes('canSignOff'),
    );
    expect(audit?.data).toMatchObject({ before: { canSignOff: true }, after: { canSignOff: false } });
    expect((await userRow('leader')).canSignOff).toBe(true);
  });

  it('creates a field user with a hashed password and an audit row; never returns the hash', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const created = await createUser({ ctx, input: { ...fieldStaff(fixture.ids.departmentIds.get('env')!), username: 'Env6' } });
    expect(created).toMatchObject({ username: 'env6', role: 'field_staff', isActive: true, isOnDuty: false });
    expect(created).not.toHaveProperty('passwordHash');
    expect(await verifyPassword('river-2024', (await userRow('env6')).passwordHash)).toBe(true);
    expect(await userAudit()).toMatchObject([{ action: 'user.created', entityId: created.id }]);
    const directory = await listUsers({ ctx });
    expect(directory.users.map((u) => u.username)).toContain('env6');
    expect(directory.departments).toHaveLength(3);
  });

  it.each([
    ['a taken username', { username: 'env1' }, 'conflict', 'usernameTaken', 'username'],
    ['a short password', { password: 'short' }, 'invalid_input', 'passwordTooShort', 'password'],
    ['field staff without a department', { departmentId: null }, 'invalid_input', 'departmentRequired', 'departmentId'],
    ['an enterprise account without an enterprise', { role: 'enterprise' }, 'invalid_input', 'enterpriseRequired', 'enterpriseId'],
    ['a bad phone number', { phone: 'call me' }, 'invalid_input', 'phoneFormat', 'phone'],
    ['an unknown department', { departmentId: '00000000-0000-4000-8000-000000000000' }, 'not_found', 'departmentNotFound', 'departmentId'],
  ])('refuses %s and stores nothing', async (_name, change, code, messageKey, field) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const before = await fixture.db.select().from(users);
    const input = { ...fieldStaff(fixture.ids.departmentIds.get('env')!), ...change };
    await expect(createUser({ ctx, input })).rejects.toMatchObject({ code, messageKey, details: { field } });
    expect(await fixture.db.select().from(users)).toHaveLength(before.length);
    expect(await userAudit()).toHaveLength(0);
  });

  it.each(['duty', 'env1', 'ent1'])('refuses %s: only admins manage users', async (username) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor(username);
    await expect(createUser({ ctx, input: fieldStaff(fixture.ids.departmentIds.get('env')!) })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(updateUser({ ctx, input: { ...(await editable('env2')), isActive: false } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listUsers({ ctx })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await userRow('env2')).isActive).toBe(true);
  });

  it('deactivates a user instead of deleting: signs them out and takes them off duty', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const env1 = await userRow('env1');
    await createSession(fixture.db, env1.id, 12);
    const updated = await updateUser({ ctx, input: { ...(await editable('env1')), isActive: false } });
    expect(updated).toMatchObject({ isActive: false, isOnDuty: false });
    expect(await fixture.db.select().from(sessions).where(eq(sessions.userId, env1.id))).toHaveLength(0);
    const [audit] = await userAudit();
    expect(audit).toMatchObject({
      action: 'user.updated',
      entityId: env1.id,
      data: { changed: ['isActive', 'isOnDuty'], sessionsEnded: 1 },
    });
  });

  it('resets a password only when one is given', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const oldHash = (await userRow('police2')).passwordHash;
    await updateUser({ ctx, input: { ...(await editable('police2')), displayName: '吴磊（队长）', password: '' } });
    expect((await userRow('police2')).passwordHash).toBe(oldHash);
    await updateUser({ ctx, input: { ...(await editable('police2')), password: 'new-password-1' } });
    expect(await verifyPassword('new-password-1', (await userRow('police2')).passwordHash)).toBe(true);
    await expect(updateUser({ ctx, input: { ...(await editable('police2')), password: 'short' } })).rejects.toMatchObject({
      messageKey: 'passwordTooShort',
    });
  });

  it('drops plan pre-assignments that no longer fit after a department change', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    const env1 = await userRow('env1');
    expect(await fixture.db.select().from(planRoleMembers).where(eq(planRoleMembers.userId, env1.id))).not.toHaveLength(0);
    await updateUser({ ctx, input: { ...(await editable('env1')), departmentId: fixture.ids.departmentIds.get('police')! } });
    expect(await fixture.db.select().from(planRoleMembers).where(eq(planRoleMembers.userId, env1.id))).toHaveLength(0);
  });

  it.each([
    ['disable', { isActive: false }, 'isActive'],
    ['demote', { role: 'duty_officer' }, 'role'],
  ])('refuses to let an admin %s themselves', async (_name, change, field) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('admin');
    await expect(updateUser({ ctx, input: { ...(await editable('admin')), ...change } })).rejects.toMatchObject({
      messageKey: 'cannotDisableSelf',
      details: { field },
    });
    expect(await userRow('admin')).toMatchObject({ isActive: true, role: 'admin' });
    expect(await userAudit()).toHaveLength(0);
  });
});
