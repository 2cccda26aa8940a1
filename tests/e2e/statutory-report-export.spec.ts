import { expect, test, type APIRequestContext } from '@playwright/test';
import { ensureSecondJurisdiction, signIn } from './support/actors';
import { insertStatutoryReport } from './support/statutory-report-rows';

// The export's HTTP contract: a download with the right type and its Chinese name, a clear localized
// 400 for a format it does not make, and nothing for anyone outside the bureau's command.

async function loginAs(request: APIRequestContext, username: string) {
  expect((await request.post('/api/auth/login', { data: { username, password: 'ecodispatch' } })).status()).toBe(200);
}

async function triggerDrill(request: APIRequestContext): Promise<string> {
  const plans = (await (await request.get('/api/plans')).json()) as { id: string; incidentType: string }[];
  const planId = plans.find((plan) => plan.incidentType === 'water_oil')!.id;
  const response = await request.post('/api/incidents', {
    data: { planId, location: { lat: 29.5873, lng: 106.3291 }, description: '导出测试：梁滩河油污', drill: true },
  });
  expect(response.status()).toBe(201);
  const incidentId = ((await response.json()) as { incident: { id: string } }).incident.id;
  return incidentId;
}

test('a 初报 version downloads as PDF and DOCX with its Chinese file name; a bad format is a localized 400', async ({
  request,
  baseURL,
}) => {
  await loginAs(request, 'duty');
  const incidentId = await triggerDrill(request);
  const path = insertStatutoryReport(incidentId);
  try {
    const pdf = await request.get(`${path}?format=pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const disposition = pdf.headers()['content-disposition']!;
    expect(disposition).toMatch(/^attachment; filename="statutory-report-initial-v1\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('关于梁滩河西永段水体油污/非法倾倒突发环境事件的初报（第1版）.pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const docx = await request.get(`${path}?format=docx`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers()['content-disposition']).toContain('.docx');
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');

    const bad = await request.get(`${path}?format=xlsx`);
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_input', message: '导出格式只能是 pdf 或 docx。', field: 'format' } });
    expect((await request.get(path)).status()).toBe(400);
    expect((await request.get(path.replace('/versions/1/', '/versions/9/') + '?format=pdf')).status()).toBe(404);

    ensureSecondJurisdiction();
    const elsewhere = await signIn(baseURL!, 'other_jurisdiction');
    const foreign = await elsewhere.get(`${path}?format=pdf`);
    expect(foreign.status()).toBe(404);
    expect((await foreign.json()).error.message).toBe('未找到该事件。');
    await elsewhere.dispose();
    const field = await signIn(baseURL!, 'field_assigned');
    const refused = await field.get(`${path}?format=docx`);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toBe('只有值班员和管理员可以导出法定报告。');
    await field.dispose();
  } finally {
    await request.post(`/api/incidents/${incidentId}/lift`, { data: { reason: '演练结束' } });
  }
});
