import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { failOnCspViolations } from './support/csp';
import { DEMO_PASSWORD, DESKTOP, PHONE, signedInPage } from './support/sessions';

// What another page can and cannot make a signed-in browser do, and the pages working under the CSP.

/** A site of the attacker's, on another port of the same host: same-site, so SameSite=Lax lets cookies through. */
async function startAttackerSite(pages: Record<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const html = pages[req.url ?? ''];
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A form whose text/plain body is valid JSON: `name=value` with the `=` hidden inside a string. */
function autoSubmittingForm(action: string, body: Record<string, unknown>): string {
  const json = JSON.stringify({ ...body, padding: '' });
  const cut = json.lastIndexOf('""');
  const name = `${json.slice(0, cut + 1)}`;
  const value = json.slice(cut + 1);
  const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  return `<form method="POST" action="${action}" enctype="text/plain"><input type="hidden" name='${attribute(name)}' value='${attribute(value)}'></form>
<script>document.forms[0].submit()</script>`;
}

/** A browser context of the victim's: signed in, but without the test-wide Origin header, so the browser's own headers go out. */
async function victimContext(browser: Browser, baseURL: string, username?: string) {
  const context = await browser.newContext({ ...DESKTOP, extraHTTPHeaders: {} });
  if (username) {
    const login = await context.request.post('/api/auth/login', {
      data: { username, password: DEMO_PASSWORD },
      headers: { origin: baseURL },
    });
    expect(login.status()).toBe(200);
  }
  return context;
}

async function incidentCount(api: APIRequestContext): Promise<number> {
  const response = await api.get('/api/incidents');
  expect(response.status()).toBe(200);
  return ((await response.json()) as unknown[]).length;
}

test('a page on another port cannot start an incident, sign a browser in, or frame the dashboard', async ({
  browser,
  baseURL,
  request,
}) => {
  const own = baseURL!;
  expect((await request.post('/api/auth/login', { data: { username: 'duty', password: DEMO_PASSWORD } })).status()).toBe(200);
  const plans = (await (await request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const planId = plans.find((plan) => plan.incidentType === 'water_oil')!.id;
  const before = await incidentCount(request);

  const attacker = await startAttackerSite({
    '/trigger': autoSubmittingForm(`${own}/api/incidents`, {
      planId,
      location: { lat: 29.5873, lng: 106.3291 },
      description: '伪造的一键启动',
      drill: false,
    }),
    '/login': autoSubmittingForm(`${own}/api/auth/login`, { username: 'ent1', password: DEMO_PASSWORD }),
    '/fetch': `<script>fetch('${own}/api/incidents', { method: 'POST', mode: 'no-cors', credentials: 'include',
      headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ planId: '${planId}', location: { lat: 29.58, lng: 106.32 }, drill: false }) })
      .then(() => { document.title = 'sent'; }, () => { document.title = 'sent'; });</script>`,
    '/frame': `<iframe id="victim" src="${own}/dashboard" width="1200" height="800"></iframe>`,
  });
  try {
    const duty = await victimContext(browser, own, 'duty');
    const page = await duty.newPage();

    // The forged form reaches the server, which refuses it: 403, localized, nothing created.
    const formReply = page.waitForResponse(`${own}/api/incidents`);
    await page.goto(`${attacker.url}/trigger`);
    const refused = await formReply;
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'forbidden' });

    const fetchReply = page.waitForResponse(`${own}/api/incidents`);
    await page.goto(`${attacker.url}/fetch`);
    expect((await fetchReply).status()).toBe(403);
    expect(await incidentCount(request)).toBe(before);

    // Login CSRF: the forged sign-in is refused, so the browser holds no session afterwards.
    const stranger = await victimContext(browser, own);
    const strangerPage = await stranger.newPage();
    const loginReply = strangerPage.waitForResponse(`${own}/api/auth/login`);
    await strangerPage.goto(`${attacker.url}/login`);
    expect((await loginReply).status()).toBe(403);
    expect((await stranger.cookies(own)).map((cookie) => cookie.name)).not.toContain('ed_session');

    // Framing: the dashboard refuses to render inside another site's page (frame-ancestors 'none').
    await page.goto(`${attacker.url}/frame`);
    await page.waitForTimeout(1_000);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame).toBeDefined();
    await expect(frame!.locator('[data-testid="trigger-button"]')).toHaveCount(0);
    await stranger.close();
    await duty.close();
  } finally {
    attacker.server.close();
  }
});

test('the pages people use work under the Content-Security-Policy, with no violation logged', async ({ browser, request }) => {
  expect((await request.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).status()).toBe(200);
  const plans = (await (await request.get('/api/admin/plans')).json()) as { id: string }[];
  const enterprises = (await (await request.get('/api/enterprises')).json()) as { id: string; name: string }[];
  const plant = enterprises.find((enterprise) => enterprise.name.includes('西永污水处理厂'))!.id;

  const visits: [string, typeof DESKTOP, string[]][] = [
    ['duty', DESKTOP, ['/dashboard', '/incidents', '/enterprises', `/enterprises/${plant}`, `/enterprises/${plant}/map`]],
    [
      'admin',
      DESKTOP,
      ['/admin', '/admin/channels', '/admin/departments', '/admin/users', '/admin/roster', '/admin/plans', `/admin/plans/${plans[0]!.id}`],
    ],
    ['ent1', DESKTOP, ['/enterprise', '/enterprise/card', '/enterprise/checklist']],
    ['env1', PHONE, ['/field']],
  ];
  for (const [username, size, paths] of visits) {
    const page = await signedInPage(browser, username, size);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-security-policy'], path).toContain("'nonce-");
      await page.waitForLoadState('networkidle');
      // Hydrated: React attached its handlers (a page whose scripts were refused would stay inert).
      await expect(page.locator('body')).not.toBeEmpty();
    }
    await page.context().close();
  }
  const anonymous = await browser.newContext(DESKTOP);
  failOnCspViolations(anonymous);
  const login = await anonymous.newPage();
  await login.goto('/login');
  await login.getByLabel('用户名').fill('duty');
  await login.getByLabel('密码').fill(DEMO_PASSWORD);
  await login.getByTestId('login-submit').click();
  await login.waitForURL(/\/dashboard$/);
  await anonymous.close();
});
