import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { exportPoster } from '@/server/one-map/poster-export';
import { BOLD_CANDIDATES, findPdfFonts, PdfFontError, REGULAR_CANDIDATES } from '@/server/kernel/pdf/cjk-fonts';
import { DomainError } from '@/server/kernel/errors';
import { createSeededDb } from '../helpers/fixtures';

// Set before the seed writes its site plans, which the poster then reads back.
const workDir = mkdtempSync(path.join(tmpdir(), 'ecodispatch-poster-'));
process.env.UPLOAD_DIR = path.join(workDir, 'uploads');

let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const BASE = 'https://ecodispatch.example.gov.cn';

/** Page 1 as RGBA pixels, the way a phone camera would see the printed poster. */
async function rasterize(pdf: Buffer, dpi: number) {
  const pdfPath = path.join(workDir, `poster-${dpi}.pdf`);
  writeFileSync(pdfPath, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(workDir, `page-${dpi}`)]);
  const png = readFileSync(path.join(workDir, `page-${dpi}.png`));
  return sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
}

describe('wall poster', () => {
  it('renders an A3 landscape PDF in a CJK font whose QR code opens the live map', async () => {
    fixture = await createSeededDb({ withOneMaps: true });
    const enterpriseId = fixture.ids.enterpriseIds.get('wwtp')!;
    const ctx = await fixture.ctxFor('ent1');
    const { pdf, version } = await exportPoster({ ctx, input: { enterpriseId, baseUrl: `${BASE}/`, locale: 'zh-CN' } });

    expect(version).toBe(1);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/MediaBox \[0 0 1190\.55 841\.89\]/);
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(raw).toContain('NotoSansSC');

    const { data, info } = await rasterize(pdf, 100);
    expect(info.width).toBeGreaterThan(info.height);
    const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
    expect(code?.data).toBe(`${BASE}/enterprises/${enterpriseId}/map`);
  }, 30_000);

  it('is readable by command, refused to another enterprise, and 404s before publication', async () => {
    fixture = await createSeededDb({ withOneMaps: true });
    const wwtp = fixture.ids.enterpriseIds.get('wwtp')!;
    const duty = await fixture.ctxFor('duty');
    const { pdf } = await exportPoster({ ctx: duty, input: { enterpriseId: wwtp, baseUrl: BASE, locale: 'en' } });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const ent2 = await fixture.ctxFor('ent2');
    const refused = await exportPoster({ ctx: ent2, input: { enterpriseId: wwtp, baseUrl: BASE, locale: 'zh-CN' } }).catch(
      (error: unknown) => error,
    );
    expect((refused as DomainError).code).toBe('not_found');
    const field = await fixture.ctxFor('env1');
    const forbidden = await exportPoster({ ctx: field, input: { enterpriseId: wwtp, baseUrl: BASE, locale: 'zh-CN' } }).catch(
      (error: unknown) => error,
    );
    expect((forbidden as DomainError).code).toBe('forbidden');
  }, 30_000);

  it('sets PDFs in the Noto Sans SC that npm installs, and says plainly when no CJK font is available', () => {
    // The first choice is the npm package's font: `npm install` alone gives a working poster.
    expect(findPdfFonts('').regular.path).toMatch(
      /node_modules\/@expo-google-fonts\/noto-sans-sc\/400Regular\/NotoSansSC_400Regular\.ttf$/,
    );
    expect(findPdfFonts('').bold.path).toMatch(/NotoSansSC_700Bold\.ttf$/);
    // Without the package, the system's fonts-noto-cjk are the fallbacks.
    expect([...REGULAR_CANDIDATES, ...BOLD_CANDIDATES].filter((font) => font.path.startsWith('/usr/share/fonts/')).length).toBeGreaterThan(
      0,
    );
    expect(() => findPdfFonts('', { regular: [{ path: '/nonexistent/a.ttf' }], bold: [] })).toThrow(PdfFontError);
    expect(() => findPdfFonts('/nonexistent/font.ttc')).toThrow(PdfFontError);
  });
});

describe('wall poster without a published map', () => {
  it('is a not_found error', async () => {
    fixture = await createSeededDb();
    const ctx = await fixture.ctxFor('ent2');
    const enterpriseId = fixture.ids.enterpriseIds.get('autoparts')!;
    const error = await exportPoster({ ctx, input: { enterpriseId, baseUrl: BASE, locale: 'zh-CN' } }).catch((caught: unknown) => caught);
    expect((error as DomainError).messageKey).toBe('mapNotPublished');
  });
});

describe('wall poster layout', () => {
  it('stays on one page when a map has more points than fit, sending readers to the live map', async () => {
    const { renderPoster } = await import('@/server/one-map/render-poster');
    const steps = Array.from(
      { length: 5 },
      (_, index) => `第 ${index + 1} 步：关闭相应阀门，围堰收集泄漏物，并向生态环境局值班室报告处置进展`,
    );
    const riskPoints = Array.from({ length: 60 }, (_, index) => ({
      id: `p${index}`,
      number: index + 1,
      kind: 'valve' as const,
      code: `V-${index + 1}`,
      name: `阀门 ${index + 1}`,
      x: 20 * index,
      y: 15 * index,
      lat: null,
      lng: null,
      substances: [],
      disposalSteps: steps,
      responsibleName: '邓工',
      responsiblePhone: '13608301011',
    }));
    const map = {
      enterprise: { id: 'e', name: '测试企业', address: '测试地址', riskLevel: 'major' as const, lat: 29.6, lng: 106.3 },
      plan: null,
      riskPoints,
      contacts: [{ name: '邓厂长', role: '应急总指挥', phone: '13608301001' }],
      materials: [],
      georef: [],
      version: 3,
      publishedAt: new Date('2025-05-01T02:00:00Z').toISOString(),
      publishedBy: null,
      approvedAt: null,
      isStale: false,
    };
    const pdf = await renderPoster({ map, planImage: null, liveMapUrl: `${BASE}/enterprises/e/map`, locale: 'zh-CN', now: new Date() });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    expect(text).toMatch(/另有 \d+ 个风险点/);
    expect(text).toContain('平面图不可用');
  }, 30_000);
});
