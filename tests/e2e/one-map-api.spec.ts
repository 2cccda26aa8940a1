import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';

// The one-map's HTTP contract: uploads are checked by content, access follows the role table.

async function loginAs(request: APIRequestContext, username: string) {
  expect((await request.post('/api/auth/login', { data: { username, password: 'ecodispatch' } })).status()).toBe(200);
}

async function ownEnterpriseId(request: APIRequestContext) {
  const list = (await (await request.get('/api/enterprises')).json()) as { id: string; name: string }[];
  expect(list).toHaveLength(1);
  return list[0]!.id;
}

const upload = (request: APIRequestContext, enterpriseId: string, name: string, mimeType: string, buffer: Buffer) =>
  request.post(`/api/enterprises/${enterpriseId}/site-plan`, { multipart: { file: { name, mimeType, buffer } } });

test('site-plan upload: a valid image is stored, a spoofed, oversize or SVG file is refused and changes nothing', async ({ request }) => {
  await loginAs(request, 'ent2');
  const enterpriseId = await ownEnterpriseId(request);
  const draftPlan = async () =>
    ((await (await request.get(`/api/enterprises/${enterpriseId}/map/draft`)).json()) as { draft: { plan: { fileName: string } } }).draft
      .plan.fileName;
  const before = await draftPlan();

  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/api/admin/users")</script></svg>');
  const svgResponse = await upload(request, enterpriseId, 'plan.svg', 'image/svg+xml', svg);
  expect(svgResponse.status()).toBe(415);
  expect((await svgResponse.json()).error.message).toMatch(/PNG|SVG/);

  const spoofed = await upload(request, enterpriseId, 'site-plan.png', 'image/png', Buffer.from('MZ this is not an image at all'));
  expect(spoofed.status()).toBe(415);

  const oversize = await upload(request, enterpriseId, 'huge.png', 'image/png', Buffer.alloc(11 * 1024 * 1024, 7));
  expect(oversize.status()).toBe(413);
  expect(await oversize.json()).toMatchObject({ error: { code: 'payload_too_large' } });

  const empty = await request.post(`/api/enterprises/${enterpriseId}/site-plan`, { multipart: { other: 'x' } });
  expect(empty.status()).toBe(400);
  expect(await draftPlan()).toBe(before);

  const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#dde7ee' } })
    .jpeg()
    .toBuffer();
  const ok = await upload(request, enterpriseId, 'whatever.bin', 'application/octet-stream', jpeg);
  expect(ok.status()).toBe(201);
  const stored = (await ok.json()) as { fileName: string; width: number; height: number };
  expect(stored).toMatchObject({ width: 1200, height: 900 });
  expect(await draftPlan()).toBe(stored.fileName);

  const image = await request.get(`/api/enterprises/${enterpriseId}/plan-images/${stored.fileName}`);
  expect(image.headers()['content-type']).toBe('image/png');
});

test('an enterprise cannot read or change another enterprise’s map, plan image or poster', async ({
  request,
  playwright,
  extraHTTPHeaders,
}) => {
  await loginAs(request, 'ent1');
  const own = await ownEnterpriseId(request);
  const duty = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders });
  await loginAs(duty, 'duty');
  const all = (await (await duty.get('/api/enterprises')).json()) as { id: string }[];
  const other = all.find((e) => e.id !== own)!.id;
  const otherMap = (await (await duty.get(`/api/enterprises/${other}/map`)).json()) as { plan: { imageUrl: string } };

  for (const path of [
    `/api/enterprises/${other}/map`,
    `/api/enterprises/${other}/map/draft`,
    `/api/enterprises/${other}/poster.pdf`,
    otherMap.plan.imageUrl,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  const write = await request.post(`/api/enterprises/${other}/points`, { data: { kind: 'valve', code: 'X-1', name: 'x', x: 1, y: 1 } });
  expect(write.status()).toBe(404);
  expect(
    (await duty.post(`/api/enterprises/${other}/points`, { data: { kind: 'valve', code: 'X-1', name: 'x', x: 1, y: 1 } })).status(),
  ).toBe(403);
  await duty.dispose();
});

test('the poster is an A3 PDF for those who may read the map', async ({ request }) => {
  await loginAs(request, 'ent1');
  const id = await ownEnterpriseId(request);
  const response = await request.get(`/api/enterprises/${id}/poster.pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const body = await response.body();
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
});
