import { randomUUID } from 'node:crypto';
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { openE2eDatabase } from './database-snapshot';
import { DEMO_PASSWORD } from './sessions';

// The people of the authorization matrix and the fuzzer, each with a signed-in API context.
export const ROLES = [
  'anonymous',
  'field_assigned',
  'field_unassigned',
  'enterprise_own',
  'enterprise_other',
  'duty',
  'admin',
  'other_jurisdiction',
  // A duty officer with 签发权 (the seeded leader): the only one who may sign off a statutory report.
  'signer',
] as const;
export type Role = (typeof ROLES)[number];

export const USERNAMES: Record<Exclude<Role, 'anonymous'>, string> = {
  field_assigned: 'env1',
  field_unassigned: 'env3',
  enterprise_own: 'ent1',
  enterprise_other: 'ent2',
  duty: 'duty',
  admin: 'admin',
  other_jurisdiction: 'cdduty',
  signer: 'leader',
};

/**
 * A second jurisdiction (成都高新区, of the joint 成渝 drill) with a duty officer, written straight
 * into the e2e database: no API creates jurisdictions. Its password is the demo one.
 */
export function ensureSecondJurisdiction(): void {
  const db = openE2eDatabase(true);
  try {
    const exists = db.prepare('select 1 from users where username = ?').get('cdduty');
    if (exists) return;
    const { password_hash: hash } = db.prepare('select password_hash from users where username = ?').get('duty') as {
      password_hash: string;
    };
    const jurisdictionId = randomUUID();
    const now = Date.now();
    db.prepare('insert into jurisdictions (id, name, name_en, center_lat, center_lng, zoom, created_at) values (?, ?, ?, ?, ?, ?, ?)').run(
      jurisdictionId,
      '成都高新区',
      'Chengdu Hi-tech Zone',
      30.58,
      104.06,
      12,
      now,
    );
    db.prepare(
      'insert into users (id, jurisdiction_id, username, password_hash, display_name, role, is_active, created_at) values (?, ?, ?, ?, ?, ?, 1, ?)',
    ).run(randomUUID(), jurisdictionId, 'cdduty', hash, '成都值班员', 'duty_officer', now);
  } finally {
    db.close();
  }
}

export async function signIn(baseURL: string, role: Role): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  if (role === 'anonymous') return context;
  const response = await context.post('/api/auth/login', { data: { username: USERNAMES[role], password: DEMO_PASSWORD } });
  expect(response.status(), `sign in as ${USERNAMES[role]}`).toBe(200);
  return context;
}
