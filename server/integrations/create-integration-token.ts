import { randomUUID } from 'node:crypto';
import { integrationTokens } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { createTokenInput } from '../contracts/intake';
import { requireRole } from '../kernel/auth/actor';
import { recordAudit } from '../kernel/audit/record-audit';
import { parseInput } from '../kernel/validation';
import { integrationKey } from './integration-key';
import { encryptSigningSecret, hashSecret, newBearerSecret, newSigningSecret } from './token-crypto';
import { toTokenView } from './token-view';

/**
 * An admin makes a token for another system. The answer is the only time its secrets are shown:
 * the bearer token (kept as a hash) and, when the server has INTEGRATION_KEY_SECRET, the HMAC
 * signing secret (kept encrypted under it).
 */
export async function createIntegrationToken({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  requireRole(ctx.actor, 'admin');
  const { name, scope } = parseInput(createTokenInput, input);
  const id = randomUUID();
  const token = newBearerSecret();
  const serverKey = integrationKey();
  const signingSecret = serverKey ? newSigningSecret() : null;
  const now = ctx.now();
  const row = await withTransaction(ctx.db, async (tx) => {
    const [written] = await tx
      .insert(integrationTokens)
      .values({
        id,
        jurisdictionId: ctx.actor.jurisdictionId,
        name,
        scope,
        tokenHash: hashSecret(token),
        signingKeyCipher: signingSecret ? encryptSigningSecret(signingSecret, id, serverKey) : null,
        createdBy: ctx.actor.id,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, {
      jurisdictionId: ctx.actor.jurisdictionId,
      actorId: ctx.actor.id,
      action: 'integration_token.created',
      entityType: 'integration_token',
      entityId: id,
      data: { name, scope },
      at: now,
    });
    return written!;
  });
  return { token: toTokenView(row), secret: token, keyId: id, signingSecret };
}
