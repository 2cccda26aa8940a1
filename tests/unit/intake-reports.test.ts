import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, incidents, integrationTokens, intakeReports, intakeSignatures } from '@/db/schema';
import type { ServerDeps } from '@/server/context';
import { confirmReport, dismissReport, fileReport, listPendingReports } from '@/server/intake';
import { authenticateRequest, createIntegrationToken, listIntegrationTokens, revokeIntegrationToken } from '@/server/integrations';
import { setIntegrationKey } from '@/server/integrations/integration-key';
import { signBody } from '@/server/integrations/token-crypto';
import { DomainError } from '@/server/kernel/errors';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';

// Reports from other systems: the token's secrets, the two ways to prove them (bearer, HMAC with
// a five-minute window and no replays), idempotency, revocation and scopes; and what the command
// room does with a report (confirm with the one press, dismiss with a reason).
beforeAll(() => setIntegrationKey('test-integration-key-0123456789abcdef'));
afterAll(() => setIntegrationKey(undefined));

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());

const NOW = new Date('2026-06-01T08:00:00Z');
const report = (overrides: Record<string, unknown> = {}) => ({
  reporter: { name: '水质自动站', phone: '023-1234', org: '梁滩河监测站' },
  time: '2026-06-01T07:58:00+08:00',
  location: { ...RIVER_POINT, address: '梁滩河合谷段' },
  type: 'water_oil',
  text: '自动站检测到石油类超标，水面可见油膜',
  photoUrls: ['https://station.example/p/1.jpg'],
  ...overrides,
});
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, key: error.messageKey } : error),
  );

async function setup(scope: 'report' | 'trigger' = 'report') {
  fixture = await createSeededDb();
  const admin = await fixture.ctxFor('admin');
  const made = await createIntegrationToken({ ctx: { ...admin, now: () => NOW }, input: { name: '水质自动站', scope } });
  const deps: ServerDeps = { db: fixture.db, emitter: fixture.emitter, now: () => NOW };
  const body = JSON.stringify(report());
  const bearer = (token = made.secret) =>
    authenticateRequest(fixture.db, {
      headers: new Headers({ authorization: `Bearer ${token}` }),
      body: new TextEncoder().encode(body),
      now: NOW,
    });
  const signed = (raw: string, options: { at?: Date; secret?: string; keyId?: string } = {}) => {
    const timestamp = String(Math.floor((options.at ?? NOW).getTime() / 1000));
    const signature = `sha256=${signBody(options.secret ?? made.signingSecret!, timestamp, raw)}`;
    const headers = new Headers({
      'x-ecodispatch-key-id': options.keyId ?? made.keyId,
      'x-ecodispatch-timestamp': timestamp,
      'x-ecodispatch-signature': signature,
    });
    return authenticateRequest(fixture.db, { headers, body: new TextEncoder().encode(raw), now: NOW });
  };
  const reportRows = () => fixture.db.select().from(intakeReports);
  return { admin, made, deps, body, bearer, signed, reportRows };
}

describe('integration tokens', () => {
  it('keeps only a hash of the bearer secret and an encrypted signing secret; lists without secrets', async () => {
    const { made, admin } = await setup();
    expect(made.secret).toMatch(/^edt_[\w-]{43}$/);
    expect(made.signingSecret).toMatch(/^eds_[\w-]{43}$/);
    const [row] = await fixture.db.select().from(integrationTokens);
    expect(JSON.stringify(row)).not.toContain(made.secret);
    expect(JSON.stringify(row)).not.toContain(made.signingSecret!.slice(4));
    expect(row!.signingKeyCipher).toMatch(/^v1\./);
    const listed = await listIntegrationTokens({ ctx: admin });
    expect(listed).toEqual([
      expect.objectContaining({ name: '水质自动站', scope: 'report', lastUsedAt: null, revokedAt: null, canSign: true }),
    ]);
    expect(JSON.stringify(listed)).not.toContain('edt_');
  });

  it('only an admin makes or revokes tokens, and only of their jurisdiction', async () => {
    const { made } = await setup();
    const duty = await fixture.ctxFor('duty');
    expect(await refusal(createIntegrationToken({ ctx: duty, input: { name: 'x', scope: 'report' } }))).toEqual({
      code: 'forbidden',
      key: 'forbidden',
    });
    expect(await refusal(revokeIntegrationToken({ ctx: duty, input: { tokenId: made.keyId } }))).toEqual({
      code: 'forbidden',
      key: 'forbidden',
    });
    expect(await fixture.db.select().from(integrationTokens)).toHaveLength(1);
  });
});

describe('authenticating a report', () => {
  it('accepts the bearer token and a correct signature', async () => {
    const { made, bearer, signed, body } = await setup();
    expect((await bearer()).token.id).toBe(made.keyId);
    const caller = await signed(body);
    expect(caller.token.id).toBe(made.keyId);
    expect(caller.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('refuses a wrong token, a wrong signature, another body, a stale or future timestamp with 401', async () => {
    const { bearer, signed, body, made } = await setup();
    expect(await refusal(bearer('edt_not-a-token'))).toEqual({ code: 'unauthenticated', key: 'integrationTokenInvalid' });
    expect(await refusal(signed(body, { secret: 'eds_wrong' }))).toEqual({ code: 'unauthenticated', key: 'signatureInvalid' });
    expect(await refusal(signed(body, { keyId: '00000000-0000-4000-8000-000000000000' }))).toEqual({
      code: 'unauthenticated',
      key: 'signatureInvalid',
    });
    // Signed over one body, sent with another.
    const tampered = authenticateRequest(fixture.db, {
      headers: new Headers({
        'x-ecodispatch-key-id': made.keyId,
        'x-ecodispatch-timestamp': String(NOW.getTime() / 1000),
        'x-ecodispatch-signature': `sha256=${signBody(made.signingSecret!, String(NOW.getTime() / 1000), body)}`,
      }),
      body: new TextEncoder().encode(body.replace('石油类', '氨氮')),
      now: NOW,
    });
    expect(await refusal(tampered)).toEqual({ code: 'unauthenticated', key: 'signatureInvalid' });
    // The window: 5 minutes either way.
    expect((await signed(body, { at: new Date(NOW.getTime() - 299_000) })).token.id).toBe(made.keyId);
    expect(await refusal(signed(body, { at: new Date(NOW.getTime() - 301_000) }))).toEqual({
      code: 'unauthenticated',
      key: 'signatureStale',
    });
    expect(await refusal(signed(body, { at: new Date(NOW.getTime() + 301_000) }))).toEqual({
      code: 'unauthenticated',
      key: 'signatureStale',
    });
    const none = authenticateRequest(fixture.db, { headers: new Headers(), body: new Uint8Array(), now: NOW });
    expect(await refusal(none)).toEqual({ code: 'unauthenticated', key: 'integrationCredentialMissing' });
  });

  it('refuses a signing secret that the server key cannot open (another INTEGRATION_KEY_SECRET)', async () => {
    const { signed, body } = await setup();
    setIntegrationKey('another-integration-key-0123456789abcdef');
    try {
      expect(await refusal(signed(body))).toEqual({ code: 'unauthenticated', key: 'signatureInvalid' });
    } finally {
      setIntegrationKey('test-integration-key-0123456789abcdef');
    }
  });

  it('refuses a replayed signed request, storing nothing the second time', async () => {
    const { deps, signed, body, reportRows } = await setup();
    const caller = await signed(body);
    await fileReport({ deps, caller, input: JSON.parse(body) });
    const again = await signed(body);
    expect(await refusal(fileReport({ deps, caller: again, input: JSON.parse(body) }))).toEqual({
      code: 'unauthenticated',
      key: 'signatureReplayed',
    });
    expect(await reportRows()).toHaveLength(1);
    expect(await fixture.db.select().from(intakeSignatures)).toHaveLength(1);
  });

  it('refuses a revoked token, bearer and signed alike', async () => {
    const { admin, made, bearer, signed, body } = await setup();
    const revoked = await revokeIntegrationToken({ ctx: admin, input: { tokenId: made.keyId } });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await refusal(bearer())).toEqual({ code: 'unauthenticated', key: 'integrationTokenRevoked' });
    expect(await refusal(signed(body))).toEqual({ code: 'unauthenticated', key: 'integrationTokenRevoked' });
    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.entityId, made.keyId));
    expect(audit.map((row) => row.action).sort()).toEqual(['integration_token.created', 'integration_token.revoked']);
  });
});

describe('filing a report', () => {
  it('becomes a pending incident with the plan pre-selected, pushed to the command room, audited as the token', async () => {
    const { deps, bearer, made } = await setup();
    const { report: filed, isReplay } = await fileReport({ deps, caller: await bearer(), input: report() });
    expect(isReplay).toBe(false);
    expect(filed).toMatchObject({
      status: 'pending',
      source: '水质自动站',
      incidentType: 'water_oil',
      suggestedPlanId: fixture.ids.planIds.get('water_oil'),
      photoUrls: ['https://station.example/p/1.jpg'],
      reporter: { name: '水质自动站', phone: '023-1234', org: '梁滩河监测站' },
    });
    const pushed = fixture.emitter.sent.filter((sent) => sent.kind === 'reportUpdated');
    expect(pushed).toEqual([
      { kind: 'reportUpdated', to: fixture.ids.jurisdictionId, payload: { messageId: `report:${filed.id}:pending`, report: filed } },
    ]);
    const [audit] = await fixture.db.select().from(auditEvents).where(eq(auditEvents.entityId, filed.id));
    expect(audit).toMatchObject({ action: 'report.filed', actorId: `integration:${made.keyId}` });
    const [token] = await fixture.db.select().from(integrationTokens);
    expect(token!.lastUsedAt).toEqual(NOW);
    expect(await listPendingReports({ ctx: await fixture.ctxFor('duty') })).toEqual([filed]);
  });

  it('leaves the plan open for a free-text type', async () => {
    const { deps, bearer } = await setup();
    const { report: filed } = await fileReport({ deps, caller: await bearer(), input: report({ type: '河面有死鱼' }) });
    expect(filed.suggestedPlanId).toBeNull();
  });

  it('returns the first report for a repeat with the same key and body; 409 for another body', async () => {
    const { deps, bearer, reportRows } = await setup();
    const first = await fileReport({ deps, caller: await bearer(), input: report(), idempotencyKey: 'station-42-0001' });
    const repeat = await fileReport({ deps, caller: await bearer(), input: report(), idempotencyKey: 'station-42-0001' });
    expect(repeat).toEqual({ ...first, isReplay: true });
    expect(
      await refusal(fileReport({ deps, caller: await bearer(), input: report({ text: '另一份内容' }), idempotencyKey: 'station-42-0001' })),
    ).toEqual({ code: 'conflict', key: 'reportKeyReused' });
    expect(await reportRows()).toHaveLength(1);
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'reportUpdated')).toHaveLength(1);
  });

  it('refuses a malformed body with the field named, storing nothing', async () => {
    const { deps, bearer, reportRows } = await setup();
    for (const [input, field] of [
      [report({ location: { lat: 91, lng: 106 } }), 'location.lat'],
      [report({ photoUrls: ['file:///etc/passwd'] }), 'photoUrls.0'],
      [report({ reporter: undefined }), 'reporter'],
      [report({ time: 'yesterday' }), 'time'],
    ] as const) {
      const error = await fileReport({ deps, caller: await bearer(), input }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'invalid_input', messageKey: 'invalidField', details: { field } });
    }
    expect(await reportRows()).toEqual([]);
    expect(fixture.emitter.sent).toEqual([]);
  });

  it('a report-scoped token asking to trigger is refused with 403, storing nothing', async () => {
    const { deps, bearer, reportRows } = await setup('report');
    expect(await refusal(fileReport({ deps, caller: await bearer(), input: report({ trigger: true }) }))).toEqual({
      code: 'forbidden',
      key: 'integrationScopeForbidsTrigger',
    });
    expect(await reportRows()).toEqual([]);
    expect(await fixture.db.select().from(incidents)).toEqual([]);
  });

  it('a trigger-scoped token with trigger: true starts the plan at once, the report naming the incident', async () => {
    const { deps, bearer, made } = await setup('trigger');
    const filed = await fileReport({ deps, caller: await bearer(), input: report({ trigger: true }) });
    expect(filed.incidentId).not.toBeNull();
    expect(filed.report).toMatchObject({ status: 'confirmed', incidentId: filed.incidentId });
    const [incident] = await fixture.db.select().from(incidents);
    expect(incident).toMatchObject({ id: filed.incidentId, planId: fixture.ids.planIds.get('water_oil'), lat: RIVER_POINT.lat });
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'assignmentNew').length).toBeGreaterThan(0);
    const audit = await fixture.db.select().from(auditEvents).where(eq(auditEvents.action, 'report.confirmed'));
    expect(audit).toMatchObject([{ actorId: `integration:${made.keyId}`, incidentId: filed.incidentId, data: { by: 'token' } }]);
    // Asking to trigger a type no plan has is refused, storing nothing.
    const error = await fileReport({ deps, caller: await bearer(), input: report({ trigger: true, type: '河面有死鱼' }) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'invalid_input', messageKey: 'reportNeedsPlan', details: { field: 'type' } });
    expect(await fixture.db.select().from(intakeReports)).toHaveLength(1);
  });
});

describe('the duty officer decides', () => {
  it('confirms with the one press: an incident with cards, the report confirmed and pushed', async () => {
    const { deps, bearer } = await setup();
    const { report: filed } = await fileReport({ deps, caller: await bearer(), input: report() });
    const duty = await fixture.ctxFor('duty');
    const result = await confirmReport({ ctx: duty, input: { reportId: filed.id, planId: filed.suggestedPlanId } });
    expect(result.report).toMatchObject({ status: 'confirmed', incidentId: result.incident.id });
    expect(result.assignments.length).toBeGreaterThan(0);
    expect(result.incident.description).toBe(filed.text);
    const [row] = await fixture.db.select().from(intakeReports);
    expect(row).toMatchObject({ status: 'confirmed', incidentId: result.incident.id, decidedBy: duty.actor.id });
    expect(
      fixture.emitter.sent.filter((sent) => sent.kind === 'reportUpdated').map((sent) => (sent.payload as { messageId: string }).messageId),
    ).toEqual([`report:${filed.id}:pending`, `report:${filed.id}:confirmed`]);
    // A second press (another officer) starts nothing more.
    expect(
      await refusal(confirmReport({ ctx: await fixture.ctxFor('duty2'), input: { reportId: filed.id, planId: filed.suggestedPlanId } })),
    ).toEqual({
      code: 'conflict',
      key: 'reportAlreadyDecided',
    });
    expect(await fixture.db.select().from(incidents)).toHaveLength(1);
    expect(await listPendingReports({ ctx: duty })).toEqual([]);
  });

  it('dismisses with a reason; without one nothing changes; field staff may do neither', async () => {
    const { deps, bearer } = await setup();
    const { report: filed } = await fileReport({ deps, caller: await bearer(), input: report() });
    const duty = await fixture.ctxFor('duty');
    const error = await dismissReport({ ctx: duty, input: { reportId: filed.id, reason: ' ' } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_input', details: { field: 'reason' } });
    const field = await fixture.ctxFor('env1');
    expect(await refusal(dismissReport({ ctx: field, input: { reportId: filed.id, reason: '误报' } }))).toEqual({
      code: 'forbidden',
      key: 'forbidden',
    });
    expect(await refusal(confirmReport({ ctx: field, input: { reportId: filed.id, planId: filed.suggestedPlanId } }))).toEqual({
      code: 'forbidden',
      key: 'forbidden',
    });
    expect((await fixture.db.select().from(intakeReports))[0]!.status).toBe('pending');

    const dismissed = await dismissReport({ ctx: duty, input: { reportId: filed.id, reason: '自动站设备故障，误报' } });
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: '自动站设备故障，误报' });
    expect(await refusal(confirmReport({ ctx: duty, input: { reportId: filed.id, planId: filed.suggestedPlanId } }))).toEqual({
      code: 'conflict',
      key: 'reportAlreadyDecided',
    });
    expect(await fixture.db.select().from(incidents)).toEqual([]);
  });
});
