import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { listRoster, setOnDuty } from '@/server/staff';
import { createSeededDb } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const rosterAudit = () => fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'roster.changed'));
const userRow = async (username: string) => (await fixture.db.select().from(users).where(eq(users.username, username)))[0]!;

describe('duty roster', () => {
  it('lists active field staff per department with who is on duty now', async () => {
    fixture = await createSeededDb();
    const roster = await listRoster({ ctx: await fixture.ctxFor('duty') });
    expect(roster.map((d) => d.code).sort()).toEqual(['emergency', 'env', 'police']);
    const env = roster.find((d) => d.code === 'env')!;
    expect(env.people.map((p) => [p.username, p.isOnDuty])).toEqual([
      ['env1', true],
      ['env2', true],
      ['env3', true],
      ['env4', false],
      ['env5', false],
      ['envlead', true],
    ]);
  });

  it.each(['duty', 'admin'])('lets %s put someone on duty, stamping the time and writing one audit row', async (username) => {
    fixture = await createSeededDb();
    const at = new Date('2025-04-18T09:30:00+08:00');
    const ctx = { ...(await fixture.ctxFor(username)), now: () => at };
    const env4 = await userRow('env4');
    const result = await setOnDuty({ ctx, input: { userId: env4.id, isOnDuty: true } });
    expect(result).toMatchObject({ username: 'env4', isOnDuty: true, isChanged: true, dutyChangedAt: at.toISOString() });
    expect(await userRow('env4')).toMatchObject({ isOnDuty: true, dutyChangedAt: at });
    expect(await rosterAudit()).toMatchObject([{ entityId: env4.id, actorId: ctx.actor.id, data: { isOnDuty: true } }]);

    // Asking again for the same state is not a second change.
    const repeat = await setOnDuty({ ctx, input: { userId: env4.id, isOnDuty: true } });
    expect(repeat.isChanged).toBe(false);
    expect(await rosterAudit()).toHaveLength(1);
  });

  it.each(['env1', 'ent1'])('refuses %s: only duty officers and admins change the roster', async (username) => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor(username);
    const env2 = await userRow('env2');
    await expect(setOnDuty({ ctx, input: { userId: env2.id, isOnDuty: false } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listRoster({ ctx })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await userRow('env2')).isOnDuty).toBe(true);
    expect(await rosterAudit()).toHaveLength(0);
  });

  it('refuses people who are not on the roster and bad input, changing nothing', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('duty');
    const duty2 = await userRow('duty2');
    await expect(setOnDuty({ ctx, input: { userId: duty2.id, isOnDuty: true } })).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'notOnRoster',
    });
    await expect(setOnDuty({ ctx, input: { userId: 'env4', isOnDuty: true } })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'userId' },
    });
    await expect(setOnDuty({ ctx, input: { userId: (await userRow('env4')).id, isOnDuty: 'yes' } })).rejects.toMatchObject({
      details: { field: 'isOnDuty' },
    });
    await expect(setOnDuty({ ctx, input: { userId: '00000000-0000-4000-8000-000000000000', isOnDuty: true } })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await userRow('env4')).isOnDuty).toBe(false);
    expect(await rosterAudit()).toHaveLength(0);
  });
});
