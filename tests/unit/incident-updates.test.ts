import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { assignments, auditEvents, incidentEnterprises, incidentUpdates, incidents } from '@/db/schema';
import { getIncident, liftIncident, postIncidentUpdate, recordUpdatesReceived, triggerIncident } from '@/server/dispatch';
import { syncAssignments } from '@/server/dispatch/sync-assignments';
import { claimDueUpdatePushes } from '@/server/dispatch/delivery/claim-due-update-pushes';
import { loadRoleCards } from '@/server/dispatch/views';
import type { IncidentUpdatePostedMessage } from '@/server/contracts/events';
import { DomainError } from '@/server/kernel/errors';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

// 情况通报: the facts as they develop. Each update is saved with its audit row, moves/retypes/links
// the incident as it says, and reaches every open card with a card's guarantees (push, receipt,
// redelivery, sync); bad input changes nothing.

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, key: error.messageKey } : error),
  );

async function triggered() {
  fixture = await createSeededDb();
  const duty = await fixture.ctxFor('duty');
  const result = await triggerIncident({
    ctx: duty,
    input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河发现油污', drill: true },
  });
  const wwtp = fixture.ids.enterpriseIds.get('wwtp')!;
  return { duty, incident: result.incident, wwtp, assignees: result.assignments.map((row) => row.userId).sort() };
}

const snapshot = async () => ({
  incidents: await fixture.db.select().from(incidents),
  updates: await fixture.db.select().from(incidentUpdates),
  links: await fixture.db.select().from(incidentEnterprises),
  audit: (await fixture.db.select().from(auditEvents)).length,
});

describe('postIncidentUpdate', () => {
  it('saves the update and its audit row, links the plant, moves the incident and pushes it to every open card', async () => {
    const { duty, incident, wwtp, assignees } = await triggered();
    const moved = { lat: RIVER_POINT.lat + 0.002, lng: RIVER_POINT.lng - 0.001 };

    const view = await postIncidentUpdate({
      ctx: duty,
      input: { incidentId: incident.id, text: '溯源：污染来自污水管网旁窨井，疑似非法倾倒', location: moved, link: [wwtp] },
    });

    expect(view).toMatchObject({ seq: 1, location: moved, incidentType: null, unlinked: [] });
    expect(view.linked.map((enterprise) => enterprise.id)).toEqual([wwtp]);
    const [row] = await fixture.db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row).toMatchObject({ updateSeq: 1, lat: moved.lat, lng: moved.lng });

    const pushed = fixture.emitter.sent.filter((sent) => sent.kind === 'incidentUpdatePosted');
    expect(pushed).toHaveLength(1);
    expect([...(pushed[0]!.to as string[])].sort()).toEqual(assignees);
    const message = pushed[0]!.payload as IncidentUpdatePostedMessage;
    expect(message.messageId).toBe(`update:${incident.id}:1`);
    expect(message.incident.enterprises.map((enterprise) => enterprise.id)).toEqual([wwtp]);
    expect(message.incident).toMatchObject(moved);

    // The cards, the board and the timeline read the same.
    const cards = await loadRoleCards(fixture.db, { incidentId: incident.id });
    for (const card of cards) {
      expect(card.updates.map((update) => update.text)).toEqual([view.text]);
      expect(card.incident.enterprises.map((enterprise) => enterprise.id)).toEqual([wwtp]);
    }
    const detail = await getIncident({ ctx: duty, input: { incidentId: incident.id } });
    expect(detail.updates).toEqual([view]);
    expect(detail.enterprises.map((enterprise) => enterprise.id)).toEqual([wwtp]);
    const entry = detail.timeline.find((item) => item.action === 'incident.updated');
    expect(entry?.data).toMatchObject({ seq: 1, text: view.text, linked: [view.linked[0]!.name], recipients: assignees.length });
  });

  it('numbers concurrent updates 1, 2, 3 and unlinks what was linked', async () => {
    const { duty, incident, wwtp } = await triggered();
    const views = await Promise.all(
      ['一', '二', '三'].map((text) => postIncidentUpdate({ ctx: duty, input: { incidentId: incident.id, text: `第${text}次通报` } })),
    );
    expect(views.map((view) => view.seq).sort()).toEqual([1, 2, 3]);
    await postIncidentUpdate({ ctx: duty, input: { incidentId: incident.id, text: '关联污水厂', link: [wwtp] } });
    const unlinked = await postIncidentUpdate({ ctx: duty, input: { incidentId: incident.id, text: '排除污水厂', unlink: [wwtp] } });
    expect(unlinked.unlinked.map((enterprise) => enterprise.id)).toEqual([wwtp]);
    expect(await fixture.db.select().from(incidentEnterprises)).toEqual([]);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const { duty, incident, wwtp } = await triggered();
    const before = await snapshot();
    const other = '00000000-0000-4000-8000-000000000000';
    const cases: [unknown, { code: string; key: string }][] = [
      [{ text: '' }, { code: 'invalid_input', key: expect.any(String) as unknown as string }],
      [
        { text: '好', link: [] },
        { code: 'invalid_input', key: expect.any(String) as unknown as string },
      ],
      [
        { text: '改类型', incidentType: 'volcano' },
        { code: 'invalid_input', key: 'unknownIncidentType' },
      ],
      [
        { text: '关联不存在的企业', link: [other] },
        { code: 'invalid_input', key: 'unknownEnterprise' },
      ],
      [
        { text: '取消未关联的企业', unlink: [wwtp] },
        { code: 'invalid_input', key: 'enterpriseNotLinked' },
      ],
      [
        { text: '移到海外', location: { lat: 200, lng: 0 } },
        { code: 'invalid_input', key: expect.any(String) as unknown as string },
      ],
    ];
    for (const [body, expected] of cases) {
      expect(await refusal(postIncidentUpdate({ ctx: duty, input: { incidentId: incident.id, ...(body as object) } }))).toEqual(expected);
    }
    const field = await fixture.ctxFor('env1');
    expect(await refusal(postIncidentUpdate({ ctx: field, input: { incidentId: incident.id, text: '现场人员不能发通报' } }))).toMatchObject(
      {
        code: 'forbidden',
      },
    );
    expect(await snapshot()).toEqual(before);

    await liftIncident({ ctx: duty, input: { incidentId: incident.id, reason: '演练结束' } });
    const lifted = await snapshot();
    expect(await refusal(postIncidentUpdate({ ctx: duty, input: { incidentId: incident.id, text: '解除后的通报' } }))).toEqual({
      code: 'conflict',
      key: 'incidentAlreadyLifted',
    });
    expect(await snapshot()).toEqual(lifted);
  });
});

describe('delivery of 情况通报', () => {
  it('is pushed again until the phone confirms it, and synced in full to a phone that was away', async () => {
    const { duty, incident } = await triggered();
    const env1 = await fixture.ctxFor('env1');
    const env1Id = fixture.ids.userIds.get('env1')!;
    const [card] = await fixture.db.select().from(assignments).where(eq(assignments.userId, env1Id));
    await postIncidentUpdate({ ctx: duty, input: { incidentId: incident.id, text: '下游截流坝开始施工' } });
    await postIncidentUpdate({ ctx: duty, input: { incidentId: incident.id, text: '围油栏已布设' } });

    // Offline: the redelivery worker leaves it; the sync on reconnect sends the card again, in full.
    const later = new Date(Date.now() + 60_000);
    expect(await claimDueUpdatePushes(fixture.db, { now: later, onlineUserIds: [], limit: 50 })).toEqual([]);
    const reply = await syncAssignments({ ctx: env1, input: { held: [card!.id] } });
    expect(reply.revised.map((revised) => revised.updates.map((update) => update.seq))).toEqual([[1, 2]]);

    // Online but silent: claimed once per due time, from what it has not confirmed.
    const claimed = await claimDueUpdatePushes(fixture.db, { now: later, onlineUserIds: [env1Id], limit: 50 });
    expect(claimed).toEqual([{ assignmentId: card!.id, userId: env1Id, incidentId: incident.id, seenSeq: 0 }]);
    expect(await claimDueUpdatePushes(fixture.db, { now: later, onlineUserIds: [env1Id], limit: 50 })).toEqual([]);

    // A partial receipt keeps the redelivery; the full one ends it, and a repeat or a lower one changes nothing.
    await recordUpdatesReceived({ ctx: env1, input: { incidentId: incident.id, seq: 1 } });
    let [row] = await fixture.db.select().from(assignments).where(eq(assignments.id, card!.id));
    expect(row).toMatchObject({ updatesSeenSeq: 1 });
    expect(row!.nextUpdatePushAt).not.toBeNull();
    await recordUpdatesReceived({ ctx: env1, input: { incidentId: incident.id, seq: 2 } });
    await recordUpdatesReceived({ ctx: env1, input: { incidentId: incident.id, seq: 1 } });
    [row] = await fixture.db.select().from(assignments).where(eq(assignments.id, card!.id));
    expect(row).toMatchObject({ updatesSeenSeq: 2, nextUpdatePushAt: null });
    expect((await syncAssignments({ ctx: env1, input: { held: [card!.id] } })).revised).toEqual([]);
    expect(await claimDueUpdatePushes(fixture.db, { now: new Date(Date.now() + 600_000), onlineUserIds: [env1Id], limit: 50 })).toEqual([]);

    // Only a phone holding an open card of the incident may confirm; anyone else is refused.
    for (const username of ['duty', 'env3']) {
      expect(
        await refusal(recordUpdatesReceived({ ctx: await fixture.ctxFor(username), input: { incidentId: incident.id, seq: 2 } })),
      ).toEqual({
        code: 'forbidden',
        key: 'notYourAssignment',
      });
    }
    // A receipt for an update that does not exist is refused.
    expect(await refusal(recordUpdatesReceived({ ctx: env1, input: { incidentId: incident.id, seq: 3 } }))).toEqual({
      code: 'invalid_input',
      key: 'unknownUpdate',
    });
  });
});
