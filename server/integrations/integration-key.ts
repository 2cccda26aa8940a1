import { getEnv } from '../kernel/config/env';

// The server key that encrypts HMAC signing secrets at rest (INTEGRATION_KEY_SECRET). Empty means
// tokens are bearer-only. Tests set it here; on globalThis so Next's bundle and the server share it.
const globalForKey = globalThis as unknown as { ecodispatchIntegrationKey?: string };

export function setIntegrationKey(secret: string | undefined): void {
  globalForKey.ecodispatchIntegrationKey = secret;
}

export function integrationKey(): string {
  return globalForKey.ecodispatchIntegrationKey ?? getEnv().INTEGRATION_KEY_SECRET;
}
