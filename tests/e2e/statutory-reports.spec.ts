import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll } from './support/phone-layout';
import { DESKTOP, PHONE, pressAndHold, signedInPage } from './support/sessions';

// The statutory 初报 after a drill: the duty officer triggers and lifts it (with a 情况通报 and a
// severity set on the board on the way), drafts the 初报 and finds the timeline's facts in it, adds a
// monitoring value and saves a version; the leader, in a browser of their own, signs it off; the
// version is then frozen and the board's 初报 clock says it was met; its PDF downloads with the facts,
// the monitoring value and the signatory; the drill's score card shows targets met and missed.

test('a drill to the lift, the 初报 prefilled from the timeline, a monitoring value saved, signed off by the leader, frozen, its PDF, the score card', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const officer = await signedInPage(browser, 'duty', DESKTOP);

  // 一键启动 of a drill, with no level yet: the 初报 clock runs at the strictest deadline.
  await officer.goto('/dashboard');
  await officer.getByTestId('trigger-type-water_oil').click();
  await officer.getByTestId('dispatch-map').click({ position: { x: 300, y: 220 } });
  await expect(officer.getByTestId('trigger-lat')).not.toHaveValue('');
  await officer.getByTestId('trigger-drill').check();
  await pressAndHold(officer, 'trigger-button');
  await officer.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  const incidentId = officer.url().split('/').at(-1)!;
  const clock = officer.getByTestId('initial-report-clock');
  await expect(clock).toHaveAttribute('data-state', 'running');
  await expect(officer.getByTestId('incident-severity')).toHaveAttribute('data-severity', '');

  // A 情况通报, then the level set on the board with its reason: both go on the timeline.
  const update = await officer.request.post(`/api/incidents/${incidentId}/updates`, { data: { text: '溯源：3 号窨井发现黑色油污' } });
  expect(update.status()).toBe(201);
  await officer.getByTestId('severity-button').click();
  await officer.getByTestId('severity-level').selectOption('IV');
  await officer.getByTestId('severity-reason').fill('油污局限于梁滩河合谷段，无人员伤亡');
  await officer.getByTestId('severity-confirm').click();
  await expect(officer.getByTestId('incident-severity')).toHaveAttribute('data-severity', 'IV');
  await expect(officer.locator('[data-action="incident.severity_changed"]')).toContainText('油污局限于梁滩河合谷段');

  await officer.getByTestId('lift-button').click();
  await officer.getByTestId('lift-reason').fill('油污已拦截回收，演练结束');
  await officer.getByTestId('lift-confirm').click();
  await expect(officer.getByTestId('incident-status')).toHaveAttribute('data-status', 'lifted');

  // The reports page from the board; the 初报 draft carries what the timeline holds.
  await officer.getByTestId('reports-link').click();
  await officer.waitForURL(new RegExp(`/incidents/${incidentId}/reports$`));
  await officer.getByTestId('create-initial').click();
  const editor = officer.getByTestId('report-editor');
  await expect(editor).toHaveAttribute('data-version', '1');
  await expect(officer.getByTestId('report-actionsTaken')).toHaveValue(/情况通报：溯源：3 号窨井发现黑色油污/);
  await expect(officer.getByTestId('report-actionsTaken')).toHaveValue(/油污局限于梁滩河合谷段/);
  await expect(officer.getByTestId('report-actionsTaken')).toHaveValue(/解除警报：油污已拦截回收，演练结束/);
  await expect(officer.getByTestId('report-severity')).toHaveValue('IV');
  await expect(officer.getByTestId('report-source')).toHaveValue(/陈值班/);
  await expect(officer.getByTestId('report-forcesAndMaterials')).not.toHaveValue('');
  // Not a 处理结果报告: its own sections are not offered.
  await expect(officer.getByTestId('final-sections')).toHaveCount(0);
  // The duty officer has no 签发权.
  await expect(officer.getByTestId('report-sign-off')).toBeDisabled();

  // A monitoring value that is not a number is refused with a clear message; then a real one is saved.
  await officer.getByTestId('monitoring-add').click();
  const row = officer.getByTestId('monitoring-row').first();
  await row.getByTestId('monitoring-pollutant').fill('石油类');
  await row.getByTestId('monitoring-value').fill('约0.3');
  await row.getByTestId('monitoring-unit').fill('mg/L');
  await row.getByTestId('monitoring-point').fill('合谷桥断面');
  await officer.getByTestId('report-save').click();
  await expect(editor.getByRole('alert')).toContainText('监测值必须是数字');
  await expect(editor).toHaveAttribute('data-version', '1');
  await row.getByTestId('monitoring-value').fill('0.35');
  await officer.getByTestId('report-save').click();
  await expect(editor).toHaveAttribute('data-version', '2');
  await expect(officer.getByTestId('monitoring-value').first()).toHaveValue('0.35');
  await expect(officer.getByTestId('report-version')).toHaveCount(2);

  // The leader signs version 2 off from a browser of their own.
  const leader = await signedInPage(browser, 'leader', DESKTOP);
  await leader.goto(`/incidents/${incidentId}/reports`);
  await expect(leader.getByTestId('report-editor')).toHaveAttribute('data-version', '2');
  await expect(leader.getByTestId('monitoring-value').first()).toHaveValue('0.35');
  await leader.getByTestId('report-sign-off').click();
  await leader.getByTestId('report-sign-off-confirm').click();
  await expect(leader.getByTestId('report-frozen')).toContainText('杨振东');
  await expect(leader.getByTestId('report-editor')).toHaveAttribute('data-signed', 'true');
  await expect(leader.getByTestId('initial-report-clock')).toHaveAttribute('data-state', 'met');

  // The officer's page, reloaded, shows the version frozen: no field can be edited, a correction is a new version.
  await officer.reload();
  await expect(officer.getByTestId('report-editor')).toHaveAttribute('data-signed', 'true');
  await expect(officer.getByTestId('report-frozen')).toBeVisible();
  await expect(officer.getByTestId('report-actionsTaken')).toBeDisabled();
  await expect(officer.getByTestId('monitoring-value').first()).toBeDisabled();
  await expect(officer.getByTestId('report-save')).toHaveCount(0);
  await expect(officer.getByTestId('export-pdf')).toHaveAttribute('href', /\/versions\/2\/export\?format=pdf$/);
  await expect(officer.getByTestId('export-docx')).toHaveAttribute('href', /\/versions\/2\/export\?format=docx$/);
  // The server refuses a second sign-off of the frozen version.
  const reportId = (await officer.request.get(`/api/incidents/${incidentId}/statutory-reports`).then((r) => r.json())) as {
    reports: { id: string }[];
  };
  const again = await leader.request.post(`/api/incidents/${incidentId}/statutory-reports/${reportId.reports[0]!.id}/versions/2/sign-off`);
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { message: string } }).error.message).toContain('已签发');

  // The signed 初报 downloads as a PDF with the facts, the monitoring value and who signed it.
  const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByTestId('export-pdf').click()]);
  const pdfFile = (await download.path())!;
  expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('初报');
  expect(pdfText).toContain('0.35');
  expect(pdfText).toContain('杨振东');

  // The board says the 初报 deadline was met.
  await officer.getByTestId('reports-back').click();
  await expect(officer.getByTestId('initial-report-clock')).toHaveAttribute('data-state', 'met');

  // The drill's score card: the 初报 was signed within the hour (met); nobody pressed 收到 (missed).
  await officer.getByTestId('open-review').click();
  const score = officer.getByTestId('score-card');
  await expect(score.locator('[data-target="initialReportSigned"]')).toHaveAttribute('data-outcome', 'met');
  await expect(score.locator('[data-target="everyoneAcknowledged"]')).toHaveAttribute('data-outcome', 'missed');

  // The reports page on a phone: usable, nothing wider than the screen.
  const phone = await signedInPage(browser, 'duty', PHONE);
  await phone.goto(`/incidents/${incidentId}/reports`);
  await expect(phone.getByTestId('report-editor')).toBeVisible();
  await expectNoSidewaysScroll(phone);
  await phone.screenshot({ path: test.info().outputPath('reports-phone.png'), fullPage: true });
  await officer.goto(`/incidents/${incidentId}/reports`);
  await officer.setViewportSize({ width: 1440, height: 900 });
  await officer.screenshot({ path: test.info().outputPath('reports-desktop.png') });
});
