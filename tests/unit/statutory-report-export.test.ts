import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { auditEvents, neighbourNotifications, statutoryReports, statutoryReportVersions, users } from '@/db/schema';
import { triggerIncident } from '@/server/dispatch';
import { createFieldReport } from '@/server/field-reports';
import type { StatutoryReportContent } from '@/server/contracts/statutory-reports';
import { DomainError } from '@/server/kernel/errors';
import { exportStatutoryReport } from '@/server/statutory-reports/export';
import { attachmentDisposition } from '@/server/statutory-reports/export/content-disposition';
import { layoutSketch, selectMapFeatures } from '@/server/statutory-reports/export/report-map';
import { renderSketchPng } from '@/server/statutory-reports/export/render-sketch-png';
import { RECEPTORS } from '@/server/seed/seed-receptors';
import { createSeededDb, RIVER_POINT } from '../helpers/fixtures';
import { makeImage } from '../helpers/images';

// Export of one version of a statutory report (初报 / 续报 / 处理结果报告) as PDF and DOCX. The report
// rows are written directly: the verbs that draft and sign them are another piece of work.

const workDir = mkdtempSync(path.join(tmpdir(), 'ecodispatch-report-export-'));
process.env.UPLOAD_DIR = path.join(workDir, 'uploads');
let fixture: Awaited<ReturnType<typeof createSeededDb>>;
afterEach(() => fixture?.close());
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, key: error.messageKey } : error),
  );

const content = (fieldReportIds: string[]): StatutoryReportContent => ({
  discoveredAt: '2026-04-16T01:20:00.000Z',
  source: '梁滩河河长 王以尧 电话报告',
  location: { text: '梁滩河西永段污水处理厂排污口下游', lat: RIVER_POINT.lat, lng: RIVER_POINT.lng },
  incidentType: 'water_oil',
  severity: 'IV',
  causeAndNature: '疑似非法倾倒废机油，经雨水管网进入梁滩河。',
  pollutants: '废矿物油，约 0.5 吨',
  enterprises: [{ id: randomUUID(), name: '重庆高新区西永污水处理厂', substances: ['石油类', '化学需氧量'] }],
  monitoring: [
    { pollutant: '石油类', value: 3.2, unit: 'mg/L', point: '排污口下游 500 米', takenAt: '2026-04-16T02:05:00.000Z' },
    { pollutant: '化学需氧量', value: 48, unit: 'mg/L', point: '拦截坝上游', takenAt: '2026-04-16T02:10:00.000Z' },
  ],
  casualties: '无人员伤亡。',
  receptorsAffected: '下游取水口已停止取水，未受影响。',
  trend: '油污已被拦截，趋于稳定。',
  actionsTaken: '关闭排污阀 V-3，布设围油栏 100 米、吸油毡 50 张。',
  nextSteps: '继续监测，追查倾倒车辆。',
  forcesAndMaterials: '生态环境、公安、应急管理 6 人；挖机 1 台。',
  fieldReportIds,
  reportingUnit: '重庆高新区生态环境局',
  reporterName: '陈值班',
  contactPhone: '023-65801110',
  measuresAndResults: '拦截坝完成，油污全部回收。',
  indirectLosses: '水厂停水 4 小时。',
  socialImpact: '未引发舆情。',
  remainingWork: '河岸植被修复。',
  accountability: '移交公安机关立案侦查。',
});

/** A drill on the 梁滩河 with env1's field report (one photo) and a 初报 in `versions` versions. */
async function reportFixture(options: { kind?: 'initial' | 'follow_up' | 'final'; seq?: number; signed?: boolean } = {}) {
  fixture = await createSeededDb();
  const duty = await fixture.ctxFor('duty');
  const { incident } = await triggerIncident({
    ctx: duty,
    input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '梁滩河发现油污', drill: true },
  });
  const env1 = await fixture.ctxFor('env1');
  const fieldReport = await createFieldReport({
    ctx: env1,
    input: { incidentId: incident.id, id: randomUUID(), text: '排污口下游见油膜', position: { lat: 29.5875, lng: 106.329, accuracy: 10 } },
    photos: [{ bytes: await makeImage('jpeg', 640, 480) }],
  });
  const leader = fixture.ids.userIds.get('duty2')!;
  const reportId = randomUUID();
  const savedAt = new Date('2026-04-16T02:15:00.000Z');
  await fixture.db.insert(statutoryReports).values({
    id: reportId,
    incidentId: incident.id,
    kind: options.kind ?? 'initial',
    seq: options.seq ?? 1,
    createdBy: duty.actor.id,
    createdAt: savedAt,
  });
  await fixture.db.insert(statutoryReportVersions).values([
    { id: randomUUID(), reportId, version: 1, content: content([]), savedBy: duty.actor.id, savedAt },
    {
      id: randomUUID(),
      reportId,
      version: 2,
      content: content([fieldReport.id]),
      savedBy: duty.actor.id,
      savedAt: new Date(savedAt.getTime() + 60_000),
      ...(options.signed === false ? {} : { signedOffBy: leader, signedOffAt: new Date('2026-04-16T02:20:00.000Z') }),
    },
  ]);
  await fixture.db.insert(neighbourNotifications).values({
    id: randomUUID(),
    reportId,
    jurisdictionName: '北碚区生态环境局',
    contact: '值班室 023-68862110',
    means: '电话',
    notifiedAt: new Date('2026-04-16T02:30:00.000Z'),
    recordedBy: duty.actor.id,
    recordedAt: savedAt,
  });
  return { duty, incident, reportId };
}

const exported = (ctx: Awaited<ReturnType<typeof fixture.ctxFor>>, input: Record<string, unknown>) =>
  exportStatutoryReport({ ctx, input: { locale: 'zh-CN', ...input } });

function pdfTools(pdf: Buffer) {
  const pdfPath = path.join(workDir, `report-${randomUUID()}.pdf`);
  writeFileSync(pdfPath, pdf);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  if (process.env.KEEP_EXPORTS) writeFileSync(`/tmp/exp/${path.basename(pdfPath)}`, pdf);
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const stem = pdfPath.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', pdfPath, stem]);
  return { text, info, page1: readFileSync(`${stem}.png`) };
}

describe('exportStatutoryReport as PDF', () => {
  it('prints the 初报 on A4 in Chinese: facts, monitoring value with its unit, map, photo, version and 签发人', async () => {
    const { duty, incident, reportId } = await reportFixture();
    const result = await exported(duty, { incidentId: incident.id, reportId, version: 2, format: 'pdf' });

    expect(result.contentType).toBe('application/pdf');
    expect(result.fileName).toBe('关于梁滩河西永段污水处理厂排污口下游水体油污/非法倾倒突发环境事件的初报（第2版）.pdf');
    expect(result.contentDisposition).toContain(`filename*=UTF-8''${encodeURIComponent('关于梁滩河')}`);
    expect(result.contentDisposition).toContain('filename="statutory-report-initial-v2.pdf"');
    const { text, info, page1 } = pdfTools(result.bytes);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const flat = text.replace(/\s+/g, '');
    for (const fact of [
      '关于梁滩河西永段污水处理厂排污口下游水体油污/非法倾倒突发环境事件的初报',
      '【演练】',
      '梁滩河西永段污水处理厂排污口下游',
      '梁滩河河长王以尧电话报告',
      '一般（Ⅳ级）',
      '石油类',
      '3.2mg/L',
      '排污口下游500米',
      '下游取水口已停止取水',
      '关闭排污阀V-3',
      '第2版',
      '签发人：刘文静',
      '2026/04/1610:20', // 02:20 UTC in Asia/Shanghai
      '联系电话：023-65801110',
      '邻近辖区通报情况',
      '2026/04/1610:30以电话方式通报北碚区生态环境局（值班室023-68862110）',
      // The map: the intake downstream is within 3 km, the 龙凤溪 source 6 km away is not.
      '梁滩河西永段应急备用水源取水口',
      '重庆高新区西永污水处理厂',
      '半径3km',
      '现场照片',
      '王建国',
    ]) {
      expect(flat).toContain(fact);
    }
    expect(flat).not.toContain('龙凤溪');
    expect(flat).not.toContain('草稿，未签发');
    // The 处理结果报告's own sections are not in a 初报.
    expect(flat).not.toContain('责任追究');
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    // In the header and the footer of every page, under the title and above the signature.
    expect(flat.match(/第2版签发人：刘文静/g)).toHaveLength(2 * pages + 2);

    const page = await sharp(page1).metadata();
    expect(page.height! / page.width!).toBeCloseTo(841.89 / 595.28, 2);
    const { data } = await sharp(page1).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(data.filter((value) => value < 128).length).toBeGreaterThan(500); // text was drawn, not just a blank page
  }, 60_000);

  it('says a draft is not signed off, and prints a 处理结果报告 with its own sections and no map', async () => {
    const { duty, incident, reportId } = await reportFixture({ kind: 'final', signed: false });
    const result = await exported(duty, { incidentId: incident.id, reportId, version: 2, format: 'pdf' });
    const flat = pdfTools(result.bytes).text.replace(/\s+/g, '');
    expect(flat).toContain('处理结果报告');
    expect(flat).toContain('草稿，未签发');
    expect(flat).not.toContain('签发人');
    for (const section of ['十、处置措施及效果', '拦截坝完成', '十四、责任追究', '移交公安机关立案侦查']) expect(flat).toContain(section);
    expect(flat).not.toContain('示意图');

    const followUp = await reportFixture({ kind: 'follow_up', seq: 3 });
    const again = await exported(followUp.duty, {
      incidentId: followUp.incident.id,
      reportId: followUp.reportId,
      version: 1,
      format: 'pdf',
    });
    expect(again.fileName).toContain('的续报（第3次）（第1版）.pdf');
    expect(again.contentDisposition).toContain('statutory-report-follow_up-3-v1.pdf');
  }, 60_000);
});

describe('exportStatutoryReport as DOCX', () => {
  it('holds the same facts in word/document.xml, the version in header and footer, and the map and photo as images', async () => {
    const { duty, incident, reportId } = await reportFixture();
    const result = await exported(duty, { incidentId: incident.id, reportId, version: 2, format: 'docx' });
    expect(result.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(result.fileName.endsWith('（第2版）.docx')).toBe(true);

    const zip = await JSZip.loadAsync(result.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
    for (const fact of [
      '关于梁滩河西永段污水处理厂排污口下游水体油污/非法倾倒突发环境事件的初报',
      '梁滩河西永段污水处理厂排污口下游',
      '石油类',
      '3.2 mg/L',
      '排污口下游 500 米',
      '第 2 版',
      '签发人：刘文静',
      '梁滩河西永段应急备用水源取水口',
      '王建国',
      '以电话方式通报北碚区生态环境局',
    ]) {
      expect(words).toContain(fact);
    }
    expect(words).not.toContain('龙凤溪');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const headerAndFooter = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(headerAndFooter.filter((part) => part.includes('签发人：刘文静'))).toHaveLength(2);
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(2); // the sketch map and the field photo
  }, 60_000);
});

describe('access and bad input', () => {
  it('refuses field staff, enterprises and another jurisdiction; bad format or ids are clear errors', async () => {
    const { incident, reportId } = await reportFixture();
    const input = { incidentId: incident.id, reportId, version: 2, format: 'pdf' };
    const auditBefore = (await fixture.db.select().from(auditEvents)).length;

    expect(await refusal(exported(await fixture.ctxFor('env1'), input))).toEqual({ code: 'forbidden', key: 'onlyCommandExportsReports' });
    expect(await refusal(exported(await fixture.ctxFor('ent1'), input))).toEqual({ code: 'forbidden', key: 'onlyCommandExportsReports' });
    const duty = await fixture.ctxFor('duty');
    const elsewhere = { ...duty, actor: { ...duty.actor, jurisdictionId: randomUUID() } };
    expect(await refusal(exported(elsewhere, input))).toEqual({ code: 'not_found', key: 'incidentNotFound' });

    expect(await refusal(exported(duty, { ...input, format: 'xlsx' }))).toEqual({ code: 'invalid_input', key: 'exportFormatInvalid' });
    expect(await refusal(exported(duty, { ...input, format: undefined }))).toEqual({ code: 'invalid_input', key: 'exportFormatInvalid' });
    expect(await refusal(exported(duty, { ...input, version: 3 }))).toEqual({ code: 'not_found', key: 'statutoryReportNotFound' });
    expect(await refusal(exported(duty, { ...input, version: 'two' }))).toEqual({ code: 'not_found', key: 'statutoryReportNotFound' });
    expect(await refusal(exported(duty, { ...input, reportId: randomUUID() }))).toEqual({
      code: 'not_found',
      key: 'statutoryReportNotFound',
    });
    // The admin may; reading writes nothing.
    const admin = await exported(await fixture.ctxFor('admin'), { ...input, locale: 'en' });
    const english = pdfTools(admin.bytes).text.replace(/\s+/g, ' ');
    expect(english).toContain('Initial report on the environmental incident');
    expect(english).toContain('Version 2 Signed off by 刘文静');
    expect(english).toContain('3.2 mg/L');
    expect((await fixture.db.select().from(auditEvents)).length).toBe(auditBefore);
  }, 60_000);

  it('does not print another incident’s field photos even when a version names them', async () => {
    const { duty, incident, reportId } = await reportFixture();
    const other = await triggerIncident({
      ctx: duty,
      input: { planId: fixture.ids.planIds.get('water_oil')!, location: RIVER_POINT, description: '另一起事件', drill: true },
    });
    const env1 = await fixture.ctxFor('env1');
    const foreign = await createFieldReport({
      ctx: env1,
      input: {
        incidentId: other.incident.id,
        id: randomUUID(),
        text: '别的事件的照片',
        position: { lat: 29.59, lng: 106.33, accuracy: 10 },
      },
      photos: [{ bytes: await makeImage('jpeg', 320, 240) }],
    });
    const [version] = await fixture.db.select().from(statutoryReportVersions).where(eq(statutoryReportVersions.version, 1));
    await fixture.db
      .update(statutoryReportVersions)
      .set({ content: { ...version!.content, fieldReportIds: [foreign.id] } })
      .where(eq(statutoryReportVersions.id, version!.id));
    const result = await exported(duty, { incidentId: incident.id, reportId, version: 1, format: 'docx' });
    const zip = await JSZip.loadAsync(result.bytes);
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(1); // the map only
    expect(await zip.file('word/document.xml')!.async('string')).not.toContain('别的事件的照片');
  }, 60_000);
});

describe('the 初报 map', () => {
  const receptors = RECEPTORS.map((receptor, index) => ({ ...receptor, id: `r${index}` }));

  it('keeps what lies within the radius, nearest first, and leaves out what lies beyond', () => {
    const near = { id: 'near', name: '近处学校', kind: 'school' as const, lat: RIVER_POINT.lat + 0.009, lng: RIVER_POINT.lng }; // ~1 km north
    const far = {
      id: 'far',
      name: '远处水源',
      kind: 'drinking_water_source' as const,
      lat: RIVER_POINT.lat + 0.0272,
      lng: RIVER_POINT.lng,
    }; // ~3.02 km
    const edge = { id: 'edge', name: '边界居民区', kind: 'residential' as const, lat: RIVER_POINT.lat - 0.0269, lng: RIVER_POINT.lng }; // ~2.99 km
    const plant = { id: 'plant', name: '化工厂', riskLevel: 'major', lat: RIVER_POINT.lat, lng: RIVER_POINT.lng + 0.005 };
    const features = selectMapFeatures(RIVER_POINT, 3000, [far, edge, near], [plant]);
    expect(features.map((feature) => feature.id)).toEqual(['plant', 'near', 'edge']);
    expect(features[1]!.distanceM).toBeGreaterThan(990);
    expect(features[1]!.distanceM).toBeLessThan(1010);
    expect(selectMapFeatures(RIVER_POINT, 500, [far, edge, near], [plant])).toEqual([
      expect.objectContaining({ id: 'plant', type: 'enterprise' }),
    ]);
  });

  it('seeds receptors around the 梁滩河 of which most lie within the default 3 km and some beyond', () => {
    const within = selectMapFeatures(RIVER_POINT, 3000, receptors, []);
    expect(within.length).toBeGreaterThanOrEqual(5);
    expect(within.some((feature) => feature.type === 'receptor' && feature.kind === 'drinking_water_source')).toBe(true);
    expect(within.length).toBeLessThan(receptors.length);
  });

  it('lays out north up with a round scale bar, and the PNG for the DOCX shows the Chinese labels', async () => {
    const features = selectMapFeatures(RIVER_POINT, 3000, receptors, []);
    const layout = layoutSketch(RIVER_POINT, 3000, features, 1000, 760);
    const intake = layout.symbols.find((symbol) => symbol.feature.name.includes('取水口'))!;
    expect(intake.y).toBeLessThan(layout.centre.y); // downstream, to the north, is up
    expect(layout.scale.metres).toBe(1000);
    expect(layout.scale.length).toBeCloseTo(layout.radius / 3, 5);
    // Labels of crowded symbols move aside rather than print over each other.
    const crowded = layoutSketch(
      RIVER_POINT,
      3000,
      selectMapFeatures(RIVER_POINT, 3000, receptors, [
        { id: 'e', name: '紧邻学校的化工企业', riskLevel: 'major', lat: 29.5936, lng: 106.3226 },
      ]),
      483,
      360,
    );
    const boxes = crowded.symbols.map((symbol) => symbol.label);
    const overlapping = boxes.filter((a, i) =>
      boxes.some((b, j) => i < j && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height),
    );
    expect(overlapping).toEqual([]);
    expect(boxes.every((box) => box.x >= 0 && box.x + box.width <= 483 && box.y >= 0 && box.y + box.height <= 360)).toBe(true);

    const labels = { incident: '事发地点', radius: '半径 3 km', north: '北', kindLabel: () => '学校' };
    const { png, width, height } = await renderSketchPng(layout, labels);
    const metadata = await sharp(png).metadata();
    expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({ format: 'png', width, height });
    // The label of the incident is drawn in the incident's red: Chinese glyphs, not missing-glyph boxes, cover many pixels.
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const blank = await renderSketchPng(layout, { ...labels, incident: '' });
    const { data: blankData } = await sharp(blank.png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let differing = 0;
    for (let index = 0; index < data.length; index += info.channels) if (data[index] !== blankData[index]) differing += 1;
    expect(differing).toBeGreaterThan(150);
    if (process.env.KEEP_EXPORTS) writeFileSync('/tmp/exp/sketch.png', png);
  }, 30_000);
});

describe('attachmentDisposition', () => {
  it('gives a UTF-8 filename* and a safe ASCII fallback', () => {
    expect(attachmentDisposition('关于（演练）的初报.pdf', 'report "v1".pdf')).toBe(
      `attachment; filename="report _v1_.pdf"; filename*=UTF-8''%E5%85%B3%E4%BA%8E%EF%BC%88%E6%BC%94%E7%BB%83%EF%BC%89%E7%9A%84%E5%88%9D%E6%8A%A5.pdf`,
    );
  });
});

describe('seeded receptors', () => {
  it('are in the demo district', async () => {
    fixture = await createSeededDb();
    const [duty] = await fixture.db.select().from(users).where(eq(users.username, 'duty'));
    const { sensitiveReceptors } = await import('@/db/schema');
    const rows = await fixture.db.select().from(sensitiveReceptors);
    expect(rows).toHaveLength(RECEPTORS.length);
    expect(rows.every((row) => row.jurisdictionId === duty!.jurisdictionId)).toBe(true);
  });
});

describe('a partial version', () => {
  it('still exports: missing fields print as 无 and the map centres on the incident', async () => {
    const { duty, incident, reportId } = await reportFixture();
    await fixture.db
      .update(statutoryReportVersions)
      .set({ content: { source: '12369 热线', monitoring: [] } as unknown as StatutoryReportContent })
      .where(eq(statutoryReportVersions.version, 1));
    for (const format of ['pdf', 'docx']) {
      const result = await exported(duty, { incidentId: incident.id, reportId, version: 1, format });
      expect(result.bytes.length).toBeGreaterThan(1000);
    }
    const flat = pdfTools((await exported(duty, { incidentId: incident.id, reportId, version: 1, format: 'pdf' })).bytes).text.replace(
      /\s+/g,
      '',
    );
    expect(flat).toContain('12369热线');
    expect(flat).toContain('暂无监测数据');
    expect(flat).toContain('重庆高新区西永污水处理厂'); // on the map around the incident's own point
  }, 60_000);
});
