import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { DESKTOP, PHONE, signedInPage } from './support/sessions';

// axe (WCAG 2.0/2.1 A and AA) on every page, in zh-CN and in English, as each role sees it, plus a
// measured check that the phone page's tap targets are at least 44 px.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LOCALES = ['zh-CN', 'en'] as const;
type Locale = (typeof LOCALES)[number];

type Finding = { page: string; rule: string; impact: string | null | undefined; targets: string[] };

/**
 * axe sees one moment. A map tooltip that is put on the page empty and filled a render later is
 * nameless in between (aria-tooltip-name), so whether axe catches it is luck. This watches every
 * tooltip as it is inserted, before any later task could fill it, and keeps the nameless ones.
 */
function watchTooltipsAsInserted() {
  const seen: string[] = [];
  (window as unknown as { __namelessTooltips: string[] }).__namelessTooltips = seen;
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof HTMLElement && node.getAttribute('role') === 'tooltip' && !node.textContent?.trim())
          seen.push(`${location.pathname} #${node.id}`);
  }).observe(document, { childList: true, subtree: true });
}

async function audit(page: Page, label: string): Promise<Finding[]> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // The audit really ran over the page (an empty or error page would pass few rules).
  expect(results.passes.length, `${label}: rules passed`).toBeGreaterThan(10);
  const nameless = await page.evaluate(() => (window as unknown as { __namelessTooltips: string[] }).__namelessTooltips.splice(0));
  const findings: Finding[] = results.violations.map((violation) => ({
    page: label,
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
  if (nameless.length > 0) findings.push({ page: label, rule: 'tooltip-inserted-nameless', impact: 'serious', targets: nameless });
  return findings;
}

async function pageAs(browser: Browser, username: string | null, options: BrowserContextOptions, locale: Locale): Promise<Page> {
  const page = username ? await signedInPage(browser, username, options) : await (await browser.newContext(options)).newPage();
  expect((await page.request.post('/api/locale', { data: { locale } })).status()).toBe(200);
  await page.context().addInitScript(watchTooltipsAsInserted);
  return page;
}

const expectClean = (findings: Finding[]) => expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);

for (const locale of LOCALES) {
  test.describe(`axe in ${locale}`, () => {
    test('login, dashboard before and after a trigger, the board, the incidents list', async ({ browser }) => {
      const findings: Finding[] = [];
      const anonymous = await pageAs(browser, null, DESKTOP, locale);
      await anonymous.goto('/login');
      findings.push(...(await audit(anonymous, 'login')));
      await anonymous.context().close();

      const officer = await pageAs(browser, 'duty', DESKTOP, locale);
      await officer.goto('/dashboard');
      findings.push(...(await audit(officer, 'dashboard')));
      await officer.getByTestId('trigger-type-water_oil').click();
      findings.push(...(await audit(officer, 'dashboard, plan chosen')));

      const plans = (await (await officer.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
      const created = await officer.request.post('/api/incidents', {
        data: {
          planId: plans.find((plan) => plan.incidentType === 'water_oil')!.id,
          location: { lat: 29.5873, lng: 106.3291 },
          description: '无障碍检查',
          drill: true,
        },
      });
      expect(created.status()).toBe(201);
      const { incident } = (await created.json()) as { incident: { id: string } };
      await officer.goto('/dashboard');
      findings.push(...(await audit(officer, 'dashboard, incident running')));
      await officer.goto(`/incidents/${incident.id}`);
      await expect(officer.getByTestId('suspected-sources')).toBeVisible();
      findings.push(...(await audit(officer, 'incident board')));
      await officer.screenshot({ path: test.info().outputPath(`board-${locale}.png`), fullPage: true });
      expect((await officer.request.post(`/api/incidents/${incident.id}/statutory-reports`, { data: { kind: 'initial' } })).status()).toBe(
        201,
      );
      await officer.goto(`/incidents/${incident.id}/reports`);
      await expect(officer.getByTestId('report-editor')).toBeVisible();
      findings.push(...(await audit(officer, 'incident reports')));
      await officer.goto('/incidents');
      findings.push(...(await audit(officer, 'incidents')));
      await officer.goto(`/incidents/${incident.id}/review`);
      await expect(officer.getByTestId('review-swimlane').locator('canvas')).toBeVisible();
      findings.push(...(await audit(officer, 'review')));
      await officer.goto('/incidents?view=drills');
      findings.push(...(await audit(officer, 'drills with their trend')));
      await officer.goto('/statistics?period=year');
      findings.push(...(await audit(officer, 'statistics')));
      await officer.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '检查结束' } });
      await officer.context().close();
      expectClean(findings);
    });

    test('enterprise pages and admin pages', async ({ browser }) => {
      const findings: Finding[] = [];
      const enterprise = await pageAs(browser, 'ent1', DESKTOP, locale);
      for (const path of ['/enterprise', '/enterprise/card', '/enterprise/checklist']) {
        await enterprise.goto(path);
        findings.push(...(await audit(enterprise, path)));
      }
      await enterprise.context().close();

      const officer = await pageAs(browser, 'duty', DESKTOP, locale);
      const enterprises = (await (await officer.request.get('/api/enterprises')).json()) as { id: string }[];
      for (const path of ['/enterprises', `/enterprises/${enterprises[0]!.id}`, `/enterprises/${enterprises[0]!.id}/map`]) {
        await officer.goto(path);
        findings.push(...(await audit(officer, path.replace(enterprises[0]!.id, ':id'))));
      }
      await officer.context().close();

      const admin = await pageAs(browser, 'admin', DESKTOP, locale);
      const plans = (await (await admin.request.get('/api/plans')).json()) as { id: string }[];
      for (const path of [
        '/admin',
        '/admin/users',
        '/admin/departments',
        '/admin/roster',
        '/admin/channels',
        '/admin/materials',
        '/admin/integrations',
        '/admin/plans',
        `/admin/plans/${plans[0]!.id}`,
      ]) {
        await admin.goto(path);
        findings.push(...(await audit(admin, path.replace(plans[0]!.id, ':id'))));
      }
      await admin.context().close();
      expectClean(findings);
    });

    test('the phone page at 360×740: standby, the alert, the card and the point sheet; tap targets ≥ 44 px', async ({ browser }) => {
      const findings: Finding[] = [];
      const phone = await pageAs(browser, 'env1', PHONE, locale);
      await phone.goto('/field');
      findings.push(...(await audit(phone, 'field, off duty')));
      await phone.getByTestId('start-duty').click();
      await expect(phone.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
      findings.push(...(await audit(phone, 'field, standby')));

      const officer = await pageAs(browser, 'duty', DESKTOP, locale);
      const enterprises = (await (await officer.request.get('/api/enterprises')).json()) as {
        id: string;
        name: string;
        location: { lat: number; lng: number };
      }[];
      const wwtp = enterprises.find((candidate) => candidate.name.includes('西永污水处理厂'))!;
      const plans = (await (await officer.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
      const created = await officer.request.post('/api/incidents', {
        data: {
          planId: plans.find((plan) => plan.incidentType === 'water_oil')!.id,
          location: wwtp.location,
          description: '无障碍检查：污水厂',
          enterpriseId: wwtp.id,
          drill: true,
        },
      });
      expect(created.status()).toBe(201);
      const { incident } = (await created.json()) as { incident: { id: string } };

      await expect(phone.getByTestId('alert-overlay')).toBeVisible();
      findings.push(...(await audit(phone, 'field, alert overlay')));
      await phone.screenshot({ path: test.info().outputPath(`field-alert-${locale}.png`) });
      await phone.getByTestId('alert-ack').click();
      await expect(phone.getByTestId('card-map-version')).toBeVisible();
      findings.push(...(await audit(phone, 'field, card')));
      await phone.screenshot({ path: test.info().outputPath(`field-card-${locale}.png`), fullPage: true });

      // Tap targets, measured: the card's buttons and checklist boxes, the map's zoom buttons.
      const small: string[] = [];
      const targets = phone.locator(
        '[data-testid="role-card"] button:visible, [data-testid="role-card"] input[type="checkbox"]:visible, [data-testid="role-card"] label:has(input[type="checkbox"]):visible, .leaflet-control-zoom a:visible',
      );
      const count = await targets.count();
      expect(count).toBeGreaterThan(0);
      for (let index = 0; index < count; index++) {
        const target = targets.nth(index);
        const box = await target.boundingBox();
        if (!box) continue;
        const isCheckbox = (await target.getAttribute('type')) === 'checkbox';
        // A checkbox is tapped through its label; the label is measured on its own.
        if (isCheckbox) continue;
        if (box.width < 44 || box.height < 44)
          small.push(`${await target.evaluate((node) => node.outerHTML.slice(0, 120))}: ${box.width}×${box.height}`);
      }
      expect(small, small.join('\n')).toEqual([]);

      await phone.locator('[data-testid="card-map-point-row"]').first().click();
      await expect(phone.getByTestId('card-point-details')).toBeVisible();
      findings.push(...(await audit(phone, 'field, point sheet')));
      await phone.screenshot({ path: test.info().outputPath(`field-point-${locale}.png`) });

      await officer.request.post(`/api/incidents/${incident.id}/lift`, { data: { reason: '检查结束' } });
      await officer.context().close();
      await phone.context().close();
      expectClean(findings);
    });
  });
}
