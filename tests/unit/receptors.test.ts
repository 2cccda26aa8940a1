import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, sensitiveReceptors } from '@/db/schema';
import { DomainError } from '@/server/kernel/errors';
import { createReceptor, deleteReceptor, listReceptors, updateReceptor } from '@/server/receptors';
import { RECEPTORS } from '@/server/seed/seed-receptors';
import { createSeededDb } from '../helpers/fixtures';

// 环境敏感目标: seeded for the demo district, read by command, kept by the admin with an audit row per
// change; another jurisdiction's do not exist for the asker, bad input changes nothing.

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, key: error.messageKey, field: error.details.field } : error),
  );
const intake = { kind: 'drinking_water_source', name: '梁滩河北碚段取水口', location: { lat: 29.62, lng: 106.34 }, note: '日取水 1 万吨' };
const snapshot = async () => ({
  receptors: await fixture.db.select().from(sensitiveReceptors),
  audit: (await fixture.db.select().from(auditEvents)).length,
});

describe('listReceptors', () => {
  it('lists the jurisdiction’s receptors to command only', async () => {
    fixture = await createSeededDb();
    const duty = await fixture.ctxFor('duty');
    const receptors = await listReceptors({ ctx: duty });
    expect(receptors).toHaveLength(RECEPTORS.length);
    expect(receptors.find((receptor) => receptor.name === '梁滩河西永段应急备用水源取水口')).toMatchObject({
      kind: 'drinking_water_source',
      location: { lat: 29.608, lng: 106.333 },
    });
    expect(await listReceptors({ ctx: { ...duty, actor: { ...duty.actor, jurisdictionId: randomUUID() } } })).toEqual([]);
    expect(await refusal(listReceptors({ ctx: await fixture.ctxFor('env1') }))).toMatchObject({ code: 'forbidden' });
  });
});

describe('receptor administration', () => {
  it('creates, replaces and deletes with an audit row each', async () => {
    fixture = await createSeededDb();
    const admin = await fixture.ctxFor('admin');
    const created = await createReceptor({ ctx: admin, input: intake });
    expect(created).toMatchObject(intake);
    const updated = await updateReceptor({
      ctx: admin,
      input: { receptorId: created.id, ...intake, name: '  梁滩河北碚段取水口（备用）  ', location: { lat: 29.63, lng: 106.35 } },
    });
    expect(updated).toMatchObject({ name: '梁滩河北碚段取水口（备用）', location: { lat: 29.63, lng: 106.35 } });
    const [row] = await fixture.db.select().from(sensitiveReceptors).where(eq(sensitiveReceptors.id, created.id));
    expect(row).toMatchObject({ lat: 29.63, lng: 106.35, name: '梁滩河北碚段取水口（备用）' });
    expect(await deleteReceptor({ ctx: admin, input: { receptorId: created.id } })).toEqual({ id: created.id });
    expect(await fixture.db.select().from(sensitiveReceptors).where(eq(sensitiveReceptors.id, created.id))).toEqual([]);
    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audit.map((event) => event.action).sort()).toEqual(['receptor.created', 'receptor.deleted', 'receptor.updated']);
    expect(audit.every((event) => event.actorId === admin.actor.id)).toBe(true);
  });

  it('refuses other roles, another jurisdiction and bad input, changing nothing', async () => {
    fixture = await createSeededDb();
    const admin = await fixture.ctxFor('admin');
    const [existing] = await listReceptors({ ctx: admin });
    const before = await snapshot();
    const elsewhere = { ...admin, actor: { ...admin.actor, jurisdictionId: randomUUID() } };
    const cases: [() => Promise<unknown>, object][] = [
      [async () => createReceptor({ ctx: await fixture.ctxFor('duty'), input: intake }), { code: 'forbidden' }],
      [
        () => updateReceptor({ ctx: elsewhere, input: { receptorId: existing!.id, ...intake } }),
        { code: 'not_found', key: 'receptorNotFound' },
      ],
      [() => deleteReceptor({ ctx: elsewhere, input: { receptorId: existing!.id } }), { code: 'not_found', key: 'receptorNotFound' }],
      [() => deleteReceptor({ ctx: admin, input: { receptorId: 'nope' } }), { code: 'not_found', key: 'receptorNotFound' }],
      [
        () => createReceptor({ ctx: admin, input: { ...intake, kind: 'factory' } }),
        { code: 'invalid_input', key: 'selectionInvalid', field: 'kind' },
      ],
      [
        () => createReceptor({ ctx: admin, input: { ...intake, name: ' ' } }),
        { code: 'invalid_input', key: 'fieldRequired', field: 'name' },
      ],
      [
        () => createReceptor({ ctx: admin, input: { ...intake, location: { lat: 91, lng: 106 } } }),
        { code: 'invalid_input', key: 'latitudeRange', field: 'location.lat' },
      ],
      [() => createReceptor({ ctx: admin, input: { ...intake, location: undefined } }), { code: 'invalid_input', key: 'coordinatesPair' }],
      [() => createReceptor({ ctx: admin, input: { ...intake, note: 'x'.repeat(201) } }), { code: 'invalid_input', key: 'fieldTooLong' }],
    ];
    for (const [attempt, expected] of cases) expect(await refusal(attempt())).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
  });
});
