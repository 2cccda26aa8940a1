import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { triggerIncident } from '@/server/dispatch';
import {
  approveMapVersion,
  getMapDraft,
  getPublishedMap,
  listMapVersions,
  moveRiskPoint,
  publishMap,
  saveRiskPoint,
  uploadSitePlan,
} from '@/server/one-map';
import { createSeededDb } from '../helpers/fixtures';
import { makeImage } from '../helpers/images';

// The access table of the one-map, as a matrix of role × enterprise × action.

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
let wwtp: string;
let autoparts: string;
let pointId: string;

beforeEach(async () => {
  process.env.UPLOAD_DIR = `/tmp/ecodispatch-test-uploads-${process.pid}`;
  fixture = await createSeededDb();
  wwtp = fixture.ids.enterpriseIds.get('wwtp')!;
  autoparts = fixture.ids.enterpriseIds.get('autoparts')!;
  for (const [username, enterpriseId] of [
    ['ent1', wwtp],
    ['ent2', autoparts],
  ] as const) {
    const ctx = await fixture.ctxFor(username);
    await uploadSitePlan({ ctx, input: { enterpriseId }, bytes: await makeImage('png') });
    const point = await saveRiskPoint({
      ctx,
      input: { enterpriseId, kind: 'valve', code: 'V-3', name: '排污阀', x: 100, y: 120, disposalSteps: ['关闭排污阀 V-3'] },
    });
    if (username === 'ent1') pointId = point.id;
    await publishMap({ ctx, input: { enterpriseId } });
  }
  // env1 holds an open assignment in an incident at the wastewater plant; env3 does not.
  await triggerIncident({
    ctx: await fixture.ctxFor('duty'),
    input: {
      planId: fixture.ids.planIds.get('water_oil')!,
      location: { lat: 29.59, lng: 106.33 },
      description: '排污口油污',
      enterpriseId: wwtp,
    },
  });
});
afterEach(() => fixture.close());

type Outcome = 'ok' | 'forbidden' | 'not_found';
const actions = {
  readPublished: (ctx: never, enterpriseId: string) => getPublishedMap({ ctx, input: { enterpriseId } }),
  readDraft: (ctx: never, enterpriseId: string) => getMapDraft({ ctx, input: { enterpriseId } }),
  versions: (ctx: never, enterpriseId: string) => listMapVersions({ ctx, input: { enterpriseId } }),
  edit: (ctx: never, enterpriseId: string) =>
    saveRiskPoint({ ctx, input: { enterpriseId, kind: 'manhole', code: `M-${Math.random()}`.slice(0, 10), name: '窨井', x: 10, y: 10 } }),
  approve: (ctx: never, enterpriseId: string) => approveMapVersion({ ctx, input: { enterpriseId, version: 1 } }),
} as const;

const matrix: [string, 'wwtp' | 'autoparts', keyof typeof actions, Outcome][] = [
  ['ent1', 'wwtp', 'readPublished', 'ok'],
  ['ent1', 'wwtp', 'readDraft', 'ok'],
  ['ent1', 'wwtp', 'versions', 'ok'],
  ['ent1', 'wwtp', 'edit', 'ok'],
  ['ent1', 'wwtp', 'approve', 'forbidden'],
  ['ent1', 'autoparts', 'readPublished', 'not_found'],
  ['ent1', 'autoparts', 'readDraft', 'not_found'],
  ['ent1', 'autoparts', 'versions', 'not_found'],
  ['ent1', 'autoparts', 'edit', 'not_found'],
  ['ent2', 'wwtp', 'readPublished', 'not_found'],
  ['ent2', 'wwtp', 'edit', 'not_found'],
  ['env1', 'wwtp', 'readPublished', 'ok'],
  ['env1', 'wwtp', 'readDraft', 'forbidden'],
  ['env1', 'wwtp', 'versions', 'forbidden'],
  ['env1', 'wwtp', 'edit', 'forbidden'],
  ['env1', 'autoparts', 'readPublished', 'forbidden'],
  ['env3', 'wwtp', 'readPublished', 'forbidden'],
  ['duty', 'wwtp', 'readPublished', 'ok'],
  ['duty', 'autoparts', 'readPublished', 'ok'],
  ['duty', 'autoparts', 'versions', 'ok'],
  ['duty', 'wwtp', 'edit', 'forbidden'],
  ['duty', 'wwtp', 'approve', 'ok'],
  ['admin', 'autoparts', 'approve', 'ok'],
  ['admin', 'autoparts', 'readDraft', 'forbidden'],
];

describe('one-map access matrix', () => {
  it.each(matrix)('%s × %s × %s → %s', async (username, enterpriseKey, action, expected) => {
    const ctx = (await fixture.ctxFor(username)) as never;
    const enterpriseId = enterpriseKey === 'wwtp' ? wwtp : autoparts;
    const outcome = await actions[action](ctx, enterpriseId).then(
      () => 'ok',
      (error: { code?: string }) => error.code ?? 'thrown',
    );
    expect(outcome).toBe(expected);
  });

  it('loses field access when the alarm is lifted', async () => {
    const env1 = await fixture.ctxFor('env1');
    await expect(getPublishedMap({ ctx: env1, input: { enterpriseId: wwtp } })).resolves.toMatchObject({ version: 1 });
    const { liftIncident, listIncidents } = await import('@/server/dispatch');
    const duty = await fixture.ctxFor('duty');
    const [incident] = await listIncidents({ ctx: duty });
    await liftIncident({ ctx: duty, input: { incidentId: incident!.id, reason: '演练结束' } });
    await expect(getPublishedMap({ ctx: env1, input: { enterpriseId: wwtp } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('publishing', () => {
  it('records what changed, keeps the old version readable, and refuses an empty publish', async () => {
    const ent1 = await fixture.ctxFor('ent1');
    await moveRiskPoint({ ctx: ent1, input: { enterpriseId: wwtp, pointId, x: 300, y: 200 } });
    await expect((await getPublishedMap({ ctx: ent1, input: { enterpriseId: wwtp } })).riskPoints[0]).toMatchObject({ x: 100, y: 120 });
    const result = await publishMap({ ctx: ent1, input: { enterpriseId: wwtp } });
    expect(result).toMatchObject({ version: 2, changes: ['pointMoved:V-3'] });
    expect((await getPublishedMap({ ctx: ent1, input: { enterpriseId: wwtp } })).riskPoints[0]).toMatchObject({ x: 300, y: 200 });
    await expect(publishMap({ ctx: ent1, input: { enterpriseId: wwtp } })).rejects.toMatchObject({ code: 'conflict' });
    const history = await listMapVersions({ ctx: ent1, input: { enterpriseId: wwtp } });
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    const pushes = fixture.emitter.sent.filter((s) => s.kind === 'mapPublished');
    expect(pushes.at(-1)!.to).toContain(fixture.ids.userIds.get('env1'));
    expect(pushes.at(-1)!.to).not.toContain(fixture.ids.userIds.get('ent2'));
  });

  it('flags a map stale when no review happened for 12 months', async () => {
    const duty = await fixture.ctxFor('duty');
    const later = { ...duty, now: () => new Date(Date.now() + 366 * 24 * 3_600_000) };
    expect((await getPublishedMap({ ctx: duty, input: { enterpriseId: wwtp } })).isStale).toBe(false);
    expect((await getPublishedMap({ ctx: later, input: { enterpriseId: wwtp } })).isStale).toBe(true);
    await approveMapVersion({ ctx: later, input: { enterpriseId: wwtp, version: 1 } });
    expect((await getPublishedMap({ ctx: later, input: { enterpriseId: wwtp } })).isStale).toBe(false);
  });

  it('gives every risk point lat/lng once two control points are set', async () => {
    const ent1 = await fixture.ctxFor('ent1');
    const { setGeoreference } = await import('@/server/one-map');
    await setGeoreference({
      ctx: ent1,
      input: {
        enterpriseId: wwtp,
        points: [
          { x: 0, y: 0, lat: 29.592, lng: 106.326 },
          { x: 800, y: 600, lat: 29.59, lng: 106.328 },
        ],
      },
    });
    await publishMap({ ctx: ent1, input: { enterpriseId: wwtp } });
    const point = (await getPublishedMap({ ctx: ent1, input: { enterpriseId: wwtp } })).riskPoints[0]!;
    expect(point.lat).toBeGreaterThan(29.59);
    expect(point.lng).toBeGreaterThan(106.326);
  });
});
