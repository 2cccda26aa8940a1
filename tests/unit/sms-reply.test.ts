import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assignments, auditEvents, users } from '@/db/schema';
import { acknowledgeBySmsReply, normalizePhone } from '@/server/dispatch/acknowledge-by-sms-reply';
import { guardRequest } from '@/server/http/request-guard';
import { setChannelEnv } from '@/server/notify/channel-config';
import { isSignedInbound } from '@/server/notify/verify-inbound-signature';
import { DomainError } from '@/server/kernel/errors';
import { cardReplyCode } from '@/server/notify/card-link';
import { createEscalationFixture } from '../helpers/escalation-fixture';
import { useChannels } from '../helpers/notify-setup';

// 收到 by SMS reply (issue 15, item 4): the gateway posts a reply it received; a reply from an
// assignee's number acknowledges the card its code names, or their only open card, like the
// officer's recorded 收到 (the choice itself: sms-reply-card.test.ts).
const SECRET = 'test-secret';
beforeAll(() => {
  useChannels({ SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_SECRET: SECRET });
});
afterAll(() => setChannelEnv(undefined));

let fixture: Awaited<ReturnType<typeof createEscalationFixture>>;
afterEach(() => fixture?.close());

const sign = (body: string, at: Date, secret = SECRET) => {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return new Headers({
    'x-ecodispatch-timestamp': timestamp,
    'x-ecodispatch-signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  });
};

describe('the inbound signature', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const body = JSON.stringify({ from: '13808300101', text: '收到' });
  it('accepts the gateway’s HMAC over timestamp and body, within five minutes', () => {
    expect(isSignedInbound(sign(body, now), body, SECRET, now)).toBe(true);
    expect(isSignedInbound(sign(body, new Date(now.getTime() - 4 * 60_000)), body, SECRET, now)).toBe(true);
  });
  it('refuses another secret, a changed body, a stale timestamp, no headers, and anything when no secret is configured', () => {
    expect(isSignedInbound(sign(body, now, 'wrong'), body, SECRET, now)).toBe(false);
    expect(isSignedInbound(sign(body, now), body.replace('收到', '不'), SECRET, now)).toBe(false);
    expect(isSignedInbound(sign(body, new Date(now.getTime() - 6 * 60_000)), body, SECRET, now)).toBe(false);
    expect(isSignedInbound(new Headers(), body, SECRET, now)).toBe(false);
    expect(isSignedInbound(sign(body, now, ''), body, '', now)).toBe(false);
  });
});

describe('收到 by SMS reply', () => {
  it('acknowledges the sender’s only open card with via=sms, stops escalation, audits and tells the board', async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { incident, original } = await fixture.trigger();
    await fixture.at(60); // step 1 ran: queued SMS/voice for env1
    const [env1] = await fixture.db
      .select()
      .from(users)
      .where(eq(users.id, fixture.user('env1')));
    fixture.emitter.sent.length = 0;

    const result = await acknowledgeBySmsReply({ deps: fixture.deps, input: { from: `+86 ${env1!.phone}`, text: '收到', id: 'gw-1' } });

    expect(result).toEqual({ outcome: 'acknowledged', assignmentId: original.id });
    const row = await fixture.assignmentRow(original.id);
    expect(row).toMatchObject({ status: 'acknowledged', acknowledgedVia: 'sms', acknowledgedById: env1!.id, nextEscalationAt: null });
    expect(await fixture.pendingFor([original.id])).toEqual([]);
    const [audit] = await fixture.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, original.id), eq(auditEvents.action, 'assignment.acknowledged')));
    expect(audit).toMatchObject({ actorId: env1!.id, incidentId: incident.id, data: { repliedBy: 'sms' } });
    const updates = fixture.emitter.sent.filter((sent) => sent.kind === 'assignmentUpdated');
    expect(
      updates.some(
        (sent) => (sent.payload as { assignment: { id: string; acknowledgedVia: string } }).assignment.acknowledgedVia === 'sms',
      ),
    ).toBe(true);
    // Later steps never run.
    expect(await fixture.at(120)).toEqual([]);

    // A second reply: nothing left open, answered and ignored, nothing changed.
    const again = await acknowledgeBySmsReply({ deps: fixture.deps, input: { from: env1!.phone, text: '收到' } });
    expect(again).toEqual({ outcome: 'ignored', reason: 'no_open_card' });
  });

  it('with cards open in two incidents, a bare 收到 changes nothing; the reply code of the second acknowledges that one', async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const first = (await fixture.trigger()).original;
    const second = (await fixture.trigger()).original;
    const [env1] = await fixture.db
      .select()
      .from(users)
      .where(eq(users.id, fixture.user('env1')));
    const audits = (await fixture.db.select().from(auditEvents)).length;

    const bare = await acknowledgeBySmsReply({ deps: fixture.deps, input: { from: env1!.phone, text: '收到' } });
    expect(bare).toEqual({ outcome: 'ignored', reason: 'ambiguous_reply' });
    expect((await fixture.db.select().from(auditEvents)).length).toBe(audits);

    const named = await acknowledgeBySmsReply({
      deps: fixture.deps,
      input: { from: env1!.phone, text: `${cardReplyCode(second.id)} 收到` },
    });
    expect(named).toEqual({ outcome: 'acknowledged', assignmentId: second.id });
    expect(await fixture.assignmentRow(second.id)).toMatchObject({ status: 'acknowledged', acknowledgedVia: 'sms' });
    expect((await fixture.assignmentRow(first.id)).status).not.toBe('acknowledged');

    // The second's code again: that card is no longer open, and the first is not taken in its place.
    const again = await acknowledgeBySmsReply({ deps: fixture.deps, input: { from: env1!.phone, text: cardReplyCode(second.id) } });
    expect(again).toEqual({ outcome: 'ignored', reason: 'code_not_open' });
    expect((await fixture.assignmentRow(first.id)).status).not.toBe('acknowledged');
    // Now only the first is open: a bare reply is its 收到.
    expect(await acknowledgeBySmsReply({ deps: fixture.deps, input: { from: env1!.phone, text: '好' } })).toEqual({
      outcome: 'acknowledged',
      assignmentId: first.id,
    });
  });

  it('an unknown number changes nothing; a malformed body is a localized validation error', async () => {
    fixture = await createEscalationFixture({ seconds: 60 });
    const { original } = await fixture.trigger();
    const before = await fixture.db.select().from(auditEvents);
    expect(await acknowledgeBySmsReply({ deps: fixture.deps, input: { from: '13900000000', text: '收到' } })).toEqual({
      outcome: 'ignored',
      reason: 'unknown_number',
    });
    const refused = await acknowledgeBySmsReply({ deps: fixture.deps, input: { text: '收到' } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('invalid_input');
    expect((await fixture.assignmentRow(original.id)).status).not.toBe('acknowledged');
    expect(await fixture.db.select().from(auditEvents)).toHaveLength(before.length);
    expect((await fixture.db.select().from(assignments).where(eq(assignments.acknowledgedVia, 'sms'))).length).toBe(0);
  });

  it('normalizes the operator’s number formats', () => {
    expect(normalizePhone('+86 138-0830-0101')).toBe('13808300101');
    expect(normalizePhone('008613808300101')).toBe('13808300101');
    expect(normalizePhone('13808300101')).toBe('13808300101');
  });
});

describe('the origin exemption is exactly the inbound path', () => {
  let server: Server;
  let port = 0;
  const reached: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (guardRequest(req, res, { isDev: false, isHttps: false, tileUrl: '', allowedOrigins: [] })) return;
      reached.push(req.url ?? '');
      req.resume();
      req.on('end', () => res.end('handled'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const post = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path, headers: { 'content-type': 'application/json', 'content-length': '2' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });

  it('lets the gateway’s POST without Origin through to its route (which then needs the signature), and nothing else', async () => {
    expect(await post('/api/sms/inbound')).toBe(200);
    expect(await post('/api/sms/inbound?x=1')).toBe(200);
    expect(await post('/api/sms/inbound/other')).toBe(403);
    expect(await post('/api/sms')).toBe(403);
    expect(await post('/api/assignments/x/acknowledgement')).toBe(403);
    expect(reached).toEqual(['/api/sms/inbound', '/api/sms/inbound?x=1']);
  });
});
