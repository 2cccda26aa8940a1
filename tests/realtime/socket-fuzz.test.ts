import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { AckResult } from '@/server/contracts/events';
import { FUZZ_RUNS, payloadArbitrary } from '../helpers/fuzz-arbitraries';
import { startRealtimeServer, type TestSocket } from '../helpers/realtime-server';

/*
 * Property, per client event: whatever payload a socket sends, the server answers with the one ack
 * shape ({ok:true,data} or {ok:false,error:{code,message}} with a Chinese message), stays up, and a
 * refusal changes nothing (every table's row count as before). FUZZ_RUNS payloads per event, sent
 * by the assignee of a live card, so valid-looking payloads reach the verbs. The per-person event
 * budget is raised for this server only (SOCKET_EVENT_BUDGET), or most payloads would meet the throttle.
 */
let server: Awaited<ReturnType<typeof startRealtimeServer>>;
let phone: TestSocket;
let assignmentId: string;

beforeAll(async () => {
  server = await startRealtimeServer({ SOCKET_EVENT_BUDGET: '1000000' });
  phone = await server.connectAs('env1');
  const { assignments } = await server.triggerPlan('water_oil');
  assignmentId = assignments.find((assignment) => assignment.username === 'env1')!.id;
});
afterAll(() => server.stop());

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.all(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
  )) as {
    name: string;
  }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = ((await db.get(sql.raw(`select count(*) as n from "${name}"`))) as { n: number }).n;
  return counts;
}

const TEMPLATES: Record<string, () => Record<string, unknown>> = {
  'assignment:delivered': () => ({ assignmentId }),
  'assignment:ack': () => ({ assignmentId, occurredAt: new Date().toISOString() }),
  'assignment:status': () => ({ assignmentId, status: 'en_route', occurredAt: new Date().toISOString() }),
  'assignments:sync': () => ({ held: [assignmentId] }),
};

describe('socket events under fuzzing', () => {
  for (const [event, template] of Object.entries(TEMPLATES)) {
    it(`${event}: ${FUZZ_RUNS} generated payloads`, { timeout: 60_000 + FUZZ_RUNS * 50 }, async () => {
      await fc.assert(
        fc.asyncProperty(payloadArbitrary(template()), async (payload) => {
          const before = await rowCounts(server.db);
          const reply = await (phone.timeout(5_000).emitWithAck as (e: string, p: unknown) => Promise<AckResult<unknown>>)(event, payload);
          if (reply.ok) return;
          expect(reply.error.code).toEqual(expect.any(String));
          expect(reply.error.code).not.toBe('internal');
          expect(reply.error.message).toMatch(/[\u4e00-\u9fff]/);
          expect(await rowCounts(server.db)).toEqual(before);
        }),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
      expect(phone.connected).toBe(true);
    });
  }
});
