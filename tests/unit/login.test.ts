import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { login } from '@/server/kernel/auth/login';
import { deleteSession, findSessionActor } from '@/server/kernel/auth/session';
import { parseEnv } from '@/server/kernel/config/env';
import { createSeededDb } from '../helpers/fixtures';

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

describe('login and sessions', () => {
  it('opens a session for the right password and finds the actor by its token', async () => {
    fixture = await createSeededDb();
    const session = await login({ db: fixture.db, input: { username: 'env1', password: 'ecodispatch' }, ttlHours: 1 });
    const actor = await findSessionActor(fixture.db, session.token);
    expect(actor).toMatchObject({ username: 'env1', role: 'field_staff' });
    await deleteSession(fixture.db, session.token);
    expect(await findSessionActor(fixture.db, session.token)).toBeNull();
  });

  it('gives the same error for a wrong password and an unknown user', async () => {
    fixture = await createSeededDb();
    // One after the other: a second login started before the first is awaited can reject with no handler yet
    // attached, which Vitest reports as an unhandled rejection (it did, on PostgreSQL in CI).
    await expect(login({ db: fixture.db, input: { username: 'env1', password: 'nope' }, ttlHours: 1 })).rejects.toMatchObject({
      code: 'unauthenticated',
      messageKey: 'invalidCredentials',
    });
    await expect(login({ db: fixture.db, input: { username: 'ghost', password: 'nope' }, ttlHours: 1 })).rejects.toMatchObject({
      code: 'unauthenticated',
      messageKey: 'invalidCredentials',
    });
  });

  it('expires sessions and ignores disabled users', async () => {
    fixture = await createSeededDb();
    const session = await login({ db: fixture.db, input: { username: 'duty', password: 'ecodispatch' }, ttlHours: 1 });
    expect(await findSessionActor(fixture.db, session.token, new Date(Date.now() + 2 * 3_600_000))).toBeNull();
    await fixture.db.update(users).set({ isActive: false }).where(eq(users.username, 'duty'));
    expect(await findSessionActor(fixture.db, session.token)).toBeNull();
  });
});

describe('environment validation', () => {
  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL/);
    expect(() => parseEnv({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });

  it('takes a SQLite file or a PostgreSQL URL, and an optional Redis URL', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://eco:secret@db:5432/ecodispatch' }).DATABASE_URL).toBe(
      'postgres://eco:secret@db:5432/ecodispatch',
    );
    expect(parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(parseEnv({}).REDIS_URL).toBe('');
  });

  it('has working defaults', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATABASE_URL: 'file:./data/ecodispatch.db', SEED_DEMO: true });
  });
});
