import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import type { AssignmentView, IncidentDetail } from '../../server/contracts/dispatch';
import type { FieldReportView } from '../../server/contracts/field-reports';
import { makeExifPhoto, PHOTO_TAKEN } from '../helpers/exif-photo';
import { failOnCspViolations } from './support/csp';
import { DEMO_PASSWORD, DESKTOP, PHONE, signedInPage } from './support/sessions';

// 现场报告 from a 360×740 phone: text, a camera photo (a JPEG with EXIF time and GPS) and the
// phone's position reach the board with a thumbnail and a map marker; the 溯源排查组 role
// (拍照取证) cannot be marked done before a photo is sent; a report written offline is sent later.
const HERE = { latitude: 29.5771, longitude: 106.3062, accuracy: 14 };

async function phone(browser: Browser, username: string) {
  const context = await browser.newContext({ ...PHONE, geolocation: HERE, permissions: ['geolocation'] });
  failOnCspViolations(context);
  const login = await context.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), `login as ${username}`).toBe(200);
  return { context, page: await context.newPage() };
}

async function signInOfficer(request: APIRequestContext) {
  expect((await request.post('/api/auth/login', { data: { username: 'duty', password: DEMO_PASSWORD } })).ok()).toBe(true);
}

const triggered: string[] = [];
async function triggerDrill(request: APIRequestContext, description: string) {
  const plans = (await (await request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const created = await request.post('/api/incidents', {
    data: {
      planId: plans.find((p) => p.incidentType === 'water_oil')!.id,
      location: { lat: 29.5765, lng: 106.3051 },
      description,
      drill: true,
    },
    headers: { 'Idempotency-Key': `e2e-report-${Date.now()}-${Math.random()}` },
  });
  expect(created.status()).toBe(201);
  const incidentId = ((await created.json()) as { incident: { id: string } }).incident.id;
  triggered.push(incidentId);
  return incidentId;
}

async function assignmentOf(request: APIRequestContext, incidentId: string, username: string): Promise<AssignmentView> {
  const detail = (await (await request.get(`/api/incidents/${incidentId}`)).json()) as IncidentDetail;
  return detail.assignments.find((a) => a.username === username)!;
}
const reportsOf = async (request: APIRequestContext, incidentId: string) =>
  ((await (await request.get(`/api/incidents/${incidentId}/field-reports`)).json()) as { reports: FieldReportView[] }).reports;

test.afterEach(async ({ request }) => {
  await signInOfficer(request);
  for (const incidentId of triggered.splice(0)) await request.post(`/api/incidents/${incidentId}/lift`, { data: { reason: '演练结束' } });
});

test('a phone reports with a photo and its position; the board shows the thumbnail and a marker; 完成 needs the photo', async ({
  browser,
  request,
}) => {
  await signInOfficer(request);
  const { context, page } = await phone(browser, 'env1');
  await page.goto('/field');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
  const incidentId = await triggerDrill(request, '梁滩河合谷段油污：现场报告演练');
  const assignment = await assignmentOf(request, incidentId, 'env1');
  const card = page.locator(`[data-testid="role-card"][data-assignment-id="${assignment.id}"]`);
  // The alert's button pulses; press it from the keyboard rather than wait for it to hold still.
  await page.getByTestId('alert-ack').press('Enter');
  await expect(card).toHaveAttribute('data-status', 'acknowledged');
  await card.getByTestId('action-en_route').click();
  await expect(card).toHaveAttribute('data-status', 'en_route');
  await card.getByTestId('action-on_scene').click();
  await expect(card).toHaveAttribute('data-status', 'on_scene');

  // 拍照取证: the card says why, and 完成 is refused with that reason until a photo is sent.
  await expect(card.getByTestId('photo-required')).toContainText('拍照取证');
  await card.getByTestId('action-done').click();
  await expect(card.getByRole('alert').first()).toContainText('拍照取证');
  expect((await assignmentOf(request, incidentId, 'env1')).status).toBe('on_scene');

  const board = await signedInPage(browser, 'duty', DESKTOP);
  await board.goto(`/incidents/${incidentId}`);
  await expect(board.getByTestId('board-field-reports')).toBeVisible();

  await expect(card.getByTestId('report-position')).toHaveAttribute('data-kind', 'located');
  await card.getByTestId('report-text').fill('3 号窨井见黑色油污，已采样');
  await card
    .getByTestId('report-photos')
    .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await makeExifPhoto(3000, 2000) });
  // Above the card's sticky step buttons, which may cover it at 360×740.
  await card.getByTestId('report-send').press('Enter');
  await expect(card.getByTestId('report-sent')).toBeVisible();
  await expect(card.getByTestId('photo-required')).toHaveCount(0);

  const [stored] = await reportsOf(request, incidentId);
  expect(stored).toMatchObject({ text: '3 号窨井见黑色油污，已采样', author: { displayName: '王建国' } });
  expect(stored!.position).toMatchObject({ lat: HERE.latitude, lng: HERE.longitude, accuracy: HERE.accuracy });
  expect(stored!.photos).toHaveLength(1);
  // Shrunk on the phone (≤ 2048 px), and the original's capture time and GPS kept.
  expect(Math.max(stored!.photos[0]!.width, stored!.photos[0]!.height)).toBeLessThanOrEqual(2048);
  expect(stored!.photos[0]).toMatchObject({ takenAt: PHOTO_TAKEN.takenAt });
  expect(stored!.photos[0]!.lat).toBeCloseTo(PHOTO_TAKEN.lat, 4);

  // The board hears of it live: the report, its thumbnail (a loaded image) and its marker.
  const item = board.locator(`[data-testid="field-report"][data-report-id="${stored!.id}"]`);
  await expect(item).toContainText('王建国');
  await expect(item).toContainText('3 号窨井见黑色油污');
  await expect(item.getByTestId('field-report-position')).toContainText('29.57710');
  const thumb = item.getByTestId('field-report-thumb');
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(board.getByTestId('field-report-map')).toHaveAttribute('data-markers', '1');
  await expect(board.locator(`path.field-report-${stored!.id}`)).toHaveCount(1);
  // …and its timeline, without a reload.
  await expect(board.getByTestId('timeline')).toContainText('王建国 提交现场报告');

  await card.getByTestId('action-done').click();
  await expect(card).toHaveAttribute('data-status', 'done');

  // The photo itself is served to the board, not to someone unassigned.
  const outsider = await phone(browser, 'env3');
  expect((await outsider.context.request.get(`/api/field-photos/${stored!.photos[0]!.id}`)).status()).toBe(403);
  await outsider.context.close();
  await board.context().close();
  await context.close();
});

test('a report written offline is kept on the phone with its time and sent when the network returns', async ({ browser, request }) => {
  await signInOfficer(request);
  const { context, page } = await phone(browser, 'env1');
  await page.goto('/field');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connected', 'true');
  const incidentId = await triggerDrill(request, '梁滩河：离线现场报告演练');
  // The alert's button pulses; press it from the keyboard rather than wait for it to hold still.
  await page.getByTestId('alert-ack').press('Enter');
  const card = page.getByTestId('role-card');
  await expect(card).toHaveAttribute('data-status', 'acknowledged');

  await context.setOffline(true);
  const before = Date.now();
  await card.getByTestId('report-text').fill('离线：下游 200 米见油膜');
  await card
    .getByTestId('report-photos')
    .setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: await makeExifPhoto(1200, 900) });
  // Above the card's sticky step buttons, which may cover it at 360×740.
  await card.getByTestId('report-send').press('Enter');
  await expect(card.getByTestId('report-queued')).toBeVisible();
  await expect(card.getByTestId('report-queued-count')).toBeVisible();
  const after = Date.now();
  await page.waitForTimeout(2_000);
  expect(await reportsOf(request, incidentId)).toEqual([]);

  await context.setOffline(false);
  await expect(card.getByTestId('report-queued-count')).toHaveCount(0, { timeout: 30_000 });
  const reports = await reportsOf(request, incidentId);
  expect(reports).toHaveLength(1);
  expect(reports[0]).toMatchObject({ text: '离线：下游 200 米见油膜' });
  expect(reports[0]!.photos).toHaveLength(1);
  // The time it was written, not the time the network came back.
  expect(Date.parse(reports[0]!.capturedAt)).toBeGreaterThanOrEqual(before - 1);
  expect(Date.parse(reports[0]!.capturedAt)).toBeLessThanOrEqual(after + 1);
  expect(Date.parse(reports[0]!.createdAt) - Date.parse(reports[0]!.capturedAt)).toBeGreaterThanOrEqual(2_000);
  await context.close();
});
