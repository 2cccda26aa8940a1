import { expect, test } from '@playwright/test';
import type { IncidentDetail } from '../../server/contracts/dispatch';
import { expectNoSidewaysScroll } from './support/phone-layout';
import { DESKTOP, PHONE, signedInPage, startDuty } from './support/sessions';

// 复盘: a drill is triggered, env1's phone (360×740) acknowledges and arrives, the officer lifts it,
// opens the review from the board and sees env1's times, the swimlane chart and the score card
// (first on scene met; everyone 收到 and the 初报 missed: the others never answered, nobody signed),
// prints it as a PDF, and finds the drill under 演练, apart from real incidents.

test('a drill to the lift, then its review: times, chart, score card met and missed, the PDF', async ({ browser }) => {
  test.setTimeout(180_000);
  const officer = await signedInPage(browser, 'duty', DESKTOP);
  const phone = await signedInPage(browser, 'env1', PHONE);
  await startDuty(phone);

  const plans = (await (await officer.request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const created = await officer.request.post('/api/incidents', {
    data: {
      planId: plans.find((plan) => plan.incidentType === 'water_oil')!.id,
      location: { lat: 29.5873, lng: 106.3291 },
      description: '复盘演练：梁滩河合谷段水面油污',
      drill: true,
    },
    headers: { 'Idempotency-Key': `e2e-review-${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const incidentId = ((await created.json()) as { incident: { id: string } }).incident.id;
  const detail = (await (await officer.request.get(`/api/incidents/${incidentId}`)).json()) as IncidentDetail;
  const mine = detail.assignments.find((assignment) => assignment.username === 'env1')!;

  // The phone: 收到, then 到达 (straight from 收到: already standing at the river).
  const card = phone.locator(`[data-testid="role-card"][data-assignment-id="${mine.id}"]`);
  await phone.getByTestId('alert-ack').press('Enter');
  await expect(card).toHaveAttribute('data-status', 'acknowledged');
  await card.getByTestId('action-on_scene').click();
  await expect(card).toHaveAttribute('data-status', 'on_scene');
  await expectNoSidewaysScroll(phone);

  // The officer lifts the drill on the board, then follows the board's link to the review.
  await officer.goto(`/incidents/${incidentId}`);
  await officer.getByTestId('lift-button').click();
  await officer.getByTestId('lift-reason').fill('演练结束');
  await officer.getByTestId('lift-confirm').click();
  await expect(officer.getByTestId('incident-status')).toHaveAttribute('data-status', 'lifted');
  await officer.getByTestId('open-review').click();
  await officer.waitForURL(`**/incidents/${incidentId}/review`);

  const person = officer.locator('[data-testid="review-person"][data-person="王建国"]');
  await expect(person).toBeVisible();
  await expect(person.locator('[data-step="acknowledged"]')).toHaveText(/^\d+:\d{2}$/);
  await expect(person.locator('[data-step="on_scene"]')).toHaveText(/^\d+:\d{2}$/);
  await expect(person.locator('[data-step="en_route"]')).toHaveText('—');
  await expect(person).toContainText('App');

  // The swimlane is drawn (a canvas with pixels).
  const chart = officer.getByTestId('review-swimlane').locator('canvas');
  await expect(chart).toBeVisible();
  expect((await chart.boundingBox())!.height).toBeGreaterThan(100);

  const score = officer.getByTestId('score-card');
  await expect(score.locator('[data-target="firstOnScene"]')).toHaveAttribute('data-outcome', 'met');
  await expect(score.locator('[data-target="everyoneAcknowledged"]')).toHaveAttribute('data-outcome', 'missed');
  await expect(score.locator('[data-target="initialReportSigned"]')).toHaveAttribute('data-outcome', 'missed');
  await expect(score).toContainText('达标');
  await expect(score).toContainText('未达标');

  // The PDF export downloads and is a PDF.
  const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByTestId('review-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/^review-drill-.*\.pdf$/);
  const body = await (await officer.request.get(`/api/incidents/${incidentId}/review/export?format=pdf`)).body();
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');

  // A field phone may not read the review.
  expect((await phone.request.get(`/api/incidents/${incidentId}/review`)).status()).toBe(403);

  // The drill is listed under 演练, not among the real incidents; the plan's trend is drawn.
  await officer.goto('/incidents');
  await expect(officer.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`)).toHaveCount(0);
  await officer.getByTestId('tab-drills').click();
  await expect(officer.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`)).toBeVisible();
  await expect(officer.getByTestId('drill-trend').first().locator('canvas')).toBeVisible();

  // Statistics from the main navigation: a chart or the empty note, and the exports.
  await officer.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计报表' }).click();
  await expect(officer.getByTestId('statistics-page')).toBeVisible();
  const xlsx = await officer.request.get(
    `${new URL(officer.url()).origin}/api/statistics?period=year&year=${new Date().getFullYear()}&format=xlsx`,
  );
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

  await officer.context().close();
  await phone.context().close();
});
