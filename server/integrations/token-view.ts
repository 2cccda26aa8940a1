import type { IntegrationToken } from '../../db/schema';
import type { IntegrationTokenView } from '../contracts/intake';

export const toTokenView = (row: IntegrationToken): IntegrationTokenView => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  canSign: row.signingKeyCipher !== null,
});
