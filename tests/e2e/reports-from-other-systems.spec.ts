import { createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, pressAndHold, signedInPage } from './support/sessions';

// Reports from other systems: an admin makes a token on the admin page (its secrets shown once);
// a machine posts reports with it, with no browser, no Origin and no session (plain fetch); each
// appears live on the duty officer's desk, is confirmed with the press-and-hold (an incident with
// role cards) or dismissed with a reason. Bad credentials are refused with a localized 401.

const report = (text: string) => ({
  reporter: { name: '梁滩河水质自动站', phone: '023-65800000', org: '区生态环境监测站' },
  time: new Date().toISOString(),
  location: { lat: 29.5873, lng: 106.3291, address: '梁滩河合谷段' },
  type: 'water_oil',
  text,
  photoUrls: ['https://station.example/p/1.jpg'],
});

async function makeToken(admin: Page, name: string) {
  await admin.goto('/admin/integrations');
  await admin.getByTestId('token-name').fill(name);
  await admin.getByTestId('token-create').click();
  const secrets = admin.getByTestId('token-secrets');
  await expect(secrets).toContainText('只显示这一次');
  const secret = (await admin.getByTestId('token-secret').textContent())!;
  const keyId = (await admin.getByTestId('token-key-id').textContent())!;
  const signing = admin.getByTestId('token-signing-secret');
  const signingSecret = (await signing.count()) ? (await signing.textContent())! : null;
  await expect(admin.getByTestId('token-row').filter({ hasText: name })).toContainText('仅上报');
  return { secret, keyId, signingSecret };
}

test('a machine’s report appears live on the desk and is confirmed with one press, or dismissed with a reason', async ({
  browser,
  baseURL,
}) => {
  const admin = await signedInPage(browser, 'admin', DESKTOP);
  const officer = await signedInPage(browser, 'duty', DESKTOP);
  const token = await makeToken(admin, `监测站-${Date.now() % 1e6}`);
  expect(token.secret).toMatch(/^edt_/);

  await officer.goto('/dashboard');
  await expect(officer.getByTestId('pending-reports')).toHaveCount(0);

  // A machine: Node's fetch sends no Origin and no cookie.
  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${baseURL}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  const bad = await post(report('错误令牌'), { authorization: 'Bearer edt_wrong' });
  expect(bad.status).toBe(401);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('集成令牌无效。');
  const noCredential = await post(report('无凭据'), {});
  expect(noCredential.status).toBe(403);

  const filed = await post(report('自动站：石油类超标，水面可见油膜'), {
    authorization: `Bearer ${token.secret}`,
    'idempotency-key': `e2e-${Date.now()}`,
  });
  expect(filed.status).toBe(201);
  const card = officer.getByTestId('pending-report').filter({ hasText: '自动站：石油类超标' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('梁滩河水质自动站');
  // The plan is pre-selected from the type.
  await expect(card.getByTestId('pending-report-plan')).not.toHaveValue('');
  await card.locator('input[type="checkbox"]').check();
  await pressAndHold(officer, 'pending-report-confirm');
  await officer.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  await expect(officer.getByTestId('assignment-row').first()).toBeVisible();
  expect(await officer.getByTestId('assignment-row').count()).toBeGreaterThan(1);
  const incidentId = officer.url().split('/').pop()!;

  // The second report is signed (HMAC) when the server can sign, else bearer; it is dismissed with a reason.
  await officer.goto('/dashboard');
  const body = JSON.stringify(report('自动站：疑似误报，浊度跳变'));
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = token.signingSecret
    ? {
        'x-ecodispatch-key-id': token.keyId,
        'x-ecodispatch-timestamp': timestamp,
        'x-ecodispatch-signature': `sha256=${createHmac('sha256', token.signingSecret).update(`${timestamp}.${body}`).digest('hex')}`,
      }
    : { authorization: `Bearer ${token.secret}` };
  const signed = await fetch(`${baseURL}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  expect(signed.status).toBe(201);
  const second = officer.getByTestId('pending-report').filter({ hasText: '疑似误报' });
  await expect(second).toBeVisible();
  await second.getByTestId('pending-report-dismiss').click();
  await expect(second.getByTestId('pending-report-dismiss-confirm')).toBeDisabled();
  await second.getByTestId('pending-report-reason').fill('设备故障，误报');
  await second.getByTestId('pending-report-dismiss-confirm').click();
  await expect(second).toHaveCount(0);
  const pending = (await (await officer.request.get('/api/reports')).json()) as { reports: { text: string }[] };
  expect(pending.reports.map((entry) => entry.text)).not.toContain('自动站：疑似误报，浊度跳变');

  // Revoked on the admin page: the machine gets a 401 that says so.
  admin.once('dialog', (dialog) => void dialog.accept());
  await admin.getByTestId('token-row').first().getByTestId('token-revoke').click();
  await expect(admin.getByTestId('token-row').first()).toContainText('已吊销');
  const revoked = await post(report('吊销后'), { authorization: `Bearer ${token.secret}` });
  expect(revoked.status).toBe(401);
  expect(((await revoked.json()) as { error: { message: string } }).error.message).toBe('该集成令牌已被吊销。');

  await officer.request.post(`/api/incidents/${incidentId}/lift`, { data: { reason: '演练结束' } });
  await officer.context().close();
  await admin.context().close();
});
