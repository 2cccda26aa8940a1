import PDFDocument from 'pdfkit';
import { createTranslator } from 'use-intl/core';
import type { Locale } from '../../i18n/config';
import { getMessages } from '../../i18n/messages';
import { formatDuration, REVIEW_STEPS, STATE_COLOURS, type GroupReview, type IncidentReview } from '../contracts/review';
import { findPdfFonts, type PdfFonts } from '../kernel/pdf/cjk-fonts';

type Text = (key: string, values?: Record<string, string | number>) => string;
type Doc = PDFKit.PDFDocument;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN - 20;
const INK = { text: '#111827', muted: '#6b7280', rule: '#d1d5db', met: '#15803d', missed: '#b91c1c', header: '#1e3a8a' };

/** The review as an A4 PDF set in a CJK font: header, score card, people, groups, swimlane, materials, updates. */
export async function renderReviewPdf({
  review,
  locale,
  now,
  fonts = findPdfFonts(),
}: {
  review: IncidentReview;
  locale: Locale;
  now: Date;
  fonts?: PdfFonts;
}): Promise<Buffer> {
  const translate = createTranslator({ locale, messages: getMessages(locale), namespace: 'review' });
  const common = createTranslator({ locale, messages: getMessages(locale), namespace: 'common' });
  const reasons = createTranslator({ locale, messages: getMessages(locale), namespace: 'escalation.reasons' });
  const t: Text = (key, values) => translate(key as never, values as never);
  const tc: Text = (key, values) => common(key as never, values as never);
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string) => dateTime.format(new Date(iso));

  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: t('title'), Author: 'EcoDispatch' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular.path, fonts.regular.postscriptName as string);
  doc.registerFont('bold', fonts.bold.path, fonts.bold.postscriptName as string);

  const { incident } = review;
  const typeName = common.has(`incidentTypes.${incident.incidentType}` as never)
    ? tc(`incidentTypes.${incident.incidentType}`)
    : incident.incidentType;
  doc
    .font('bold')
    .fontSize(18)
    .fillColor(INK.header)
    .text(`${incident.isDrill ? `【${tc('drill')}】` : ''}${t(incident.isDrill ? 'drillTitle' : 'title')}`, MARGIN, MARGIN);
  doc.font('regular').fontSize(10).fillColor(INK.text);
  doc.text(t('subtitle', { plan: incident.planName, type: typeName, time: when(incident.createdAt) }));
  doc.text(incident.description);
  doc.text(t('discoveredAt', { time: when(incident.discoveredAt) }));
  doc.text(incident.liftedAt ? t('lifted', { time: when(incident.liftedAt) }) : t('active', { time: when(review.generatedAt) }));
  doc.moveDown(0.5);

  if (review.scoreCard) {
    heading(doc, t('score.title'));
    doc.text(t('score.summary', { met: review.scoreCard.met, missed: review.scoreCard.missed, pending: review.scoreCard.pending }));
    table(
      doc,
      [t('score.target'), t('score.goal'), t('score.actual'), t('score.outcome')],
      [0.4, 0.2, 0.2, 0.2],
      review.scoreCard.lines.map((line) => [
        t(`score.${line.target}`),
        t('score.within', { minutes: line.targetSeconds / 60 }),
        line.actualSeconds === null ? t('score.notYet') : formatDuration(line.actualSeconds),
        t(`score.${line.outcome}`),
      ]),
    );
  }

  heading(doc, t('people.title'));
  doc.fontSize(8).fillColor(INK.muted).text(t('people.note')).fillColor(INK.text);
  table(
    doc,
    [t('people.person'), t('people.role'), ...REVIEW_STEPS.map((step) => t(`people.${step}`)), t('people.reached')],
    [0.15, 0.17, 0.09, 0.09, 0.09, 0.09, 0.09, 0.23],
    review.people.map((person) => [
      person.userName + (person.isStoodDown ? ` (${tc('assignmentStatus.stood_down')})` : ''),
      `${person.department} · ${person.role}`,
      ...REVIEW_STEPS.map((step) => formatDuration(person.sinceSent[step])),
      [
        t(`reachedVia.${person.reachedVia}`) + (person.officerReachedBy ? ` (${t(`reachedBy.${person.officerReachedBy}`)})` : ''),
        ...person.escalations.map(
          (e) =>
            t('escalationLine', {
              level: e.level,
              step: t(`escalationSteps.${e.step}`),
              after: formatDuration(e.afterSeconds),
              who: e.notifiedName ?? '',
            }) + (e.skipped ? ` ${t('skipped', { reason: reasons(e.skipped as never) })}` : ''),
        ),
      ].join('；'),
    ]),
  );

  for (const [title, groups] of [
    [t('groups.byRole'), review.byRole],
    [t('groups.byDepartment'), review.byDepartment],
  ] as const) {
    heading(doc, title);
    table(
      doc,
      [t('groups.name'), t('groups.people'), t('groups.ackMedian'), t('groups.ackWorst'), t('groups.sceneMedian'), t('groups.sceneWorst')],
      [0.3, 0.1, 0.15, 0.15, 0.15, 0.15],
      groups.map((group: GroupReview) => [
        group.name,
        String(group.people),
        formatDuration(group.acknowledged.medianSeconds),
        mark(formatDuration(group.acknowledged.worstSeconds), group.isAcknowledgedOnTarget, t),
        formatDuration(group.onScene.medianSeconds),
        mark(formatDuration(group.onScene.worstSeconds), group.isOnSceneOnTarget, t),
      ]),
    );
  }

  drawSwimlane(doc, review, t, tc);

  heading(doc, t('materials.title'));
  if (review.materials.length === 0) doc.text(t('materials.empty'));
  else
    table(
      doc,
      [
        t('materials.item'),
        t('materials.role'),
        t('materials.depot'),
        t('materials.quantity'),
        t('materials.consumed'),
        t('materials.status'),
      ],
      [0.22, 0.2, 0.22, 0.12, 0.12, 0.12],
      review.materials.map((row) => [
        row.itemName,
        row.roleName,
        row.depot.name,
        String(row.quantity),
        row.consumed === null ? '—' : String(row.consumed),
        t(`materials.statuses.${row.status}`),
      ]),
    );

  heading(doc, t('fieldReports.title'));
  if (review.fieldReports.length === 0) doc.text(t('fieldReports.empty'));
  for (const report of review.fieldReports) {
    doc.text(`${when(report.capturedAt)} ${report.author.displayName}（${report.roleName}）：${report.text}`, { width: WIDTH });
  }

  heading(doc, t('updates.title'));
  if (review.updates.length === 0) doc.text(t('updates.empty'));
  for (const update of review.updates) doc.text(`#${update.seq} ${when(update.at)} ${update.authorName}：${update.text}`, { width: WIDTH });

  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    doc.switchToPage(page);
    // Below the bottom margin: without lifting it, pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(INK.muted)
      .text(`${t('pdf.generated', { time: when(now.toISOString()) })} · ${t('pdf.page', { page: page + 1 })}`, MARGIN, A4.height - MARGIN, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return finished;
}

const mark = (text: string, onTarget: boolean | null, t: Text) =>
  onTarget === null ? text : `${text}（${t(onTarget ? 'groups.onTarget' : 'groups.offTarget')}）`;

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function heading(doc: Doc, title: string) {
  ensureRoom(doc, 40);
  doc.moveDown(0.6).font('bold').fontSize(12).fillColor(INK.header).text(title, MARGIN).font('regular').fontSize(9).fillColor(INK.text);
}

/** A simple ruled table: each row as tall as its tallest cell, a new page (with the header again) when full. */
function table(doc: Doc, header: string[], widths: number[], rows: string[][]) {
  const columns = widths.map((share) => share * WIDTH);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8);
    const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: columns[index]! - 4 }))) + 4;
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      if (!bold) drawRow(header, true);
      doc.font(bold ? 'bold' : 'regular').fontSize(8);
    }
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((cell, index) => {
      doc.fillColor(INK.text).text(cell, x + 2, top + 2, { width: columns[index]! - 4 });
      x += columns[index]!;
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + WIDTH, top + height)
      .lineWidth(0.5)
      .stroke(INK.rule);
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.font('regular').fontSize(9);
}

/** The swimlane: one lane per person, a rectangle per state, x = minutes since the press. */
function drawSwimlane(doc: Doc, review: IncidentReview, t: Text, tc: Text) {
  heading(doc, t('chart.title'));
  const lanes = review.swimlane;
  const labelWidth = 130;
  const laneHeight = 14;
  const chartWidth = WIDTH - labelWidth;
  const end = Math.max(1, ...lanes.flatMap((lane) => lane.segments.map((segment) => segment.toMinutes)));
  const scale = chartWidth / end;
  ensureRoom(doc, lanes.length * laneHeight + 50);
  const top = doc.y + 4;
  lanes.forEach((lane, index) => {
    const y = top + index * laneHeight;
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(INK.text)
      .text(lane.label, MARGIN, y + 3, { width: labelWidth - 4, lineBreak: false, ellipsis: true });
    for (const segment of lane.segments) {
      const x = MARGIN + labelWidth + segment.fromMinutes * scale;
      const width = Math.max(0.5, (segment.toMinutes - segment.fromMinutes) * scale);
      doc.rect(x, y + 2, width, laneHeight - 4).fill(STATE_COLOURS[segment.state]);
    }
  });
  const axisY = top + lanes.length * laneHeight + 2;
  doc
    .moveTo(MARGIN + labelWidth, axisY)
    .lineTo(MARGIN + WIDTH, axisY)
    .lineWidth(0.5)
    .stroke(INK.muted);
  const step = niceStep(end);
  for (let minute = 0; minute <= end + 1e-9; minute += step) {
    const x = MARGIN + labelWidth + minute * scale;
    doc
      .fontSize(7)
      .fillColor(INK.muted)
      .text(String(Math.round(minute)), x - 10, axisY + 2, { width: 20, align: 'center', lineBreak: false });
  }
  doc.fontSize(7).text(t('chart.axis'), MARGIN + labelWidth, axisY + 12, { width: chartWidth, align: 'center', lineBreak: false });
  let x = MARGIN;
  const legendY = axisY + 24;
  for (const [state, colour] of Object.entries(STATE_COLOURS)) {
    doc.rect(x, legendY, 8, 8).fill(colour);
    const label = tc(`assignmentStatus.${state}`);
    doc
      .fillColor(INK.text)
      .fontSize(7)
      .text(label, x + 10, legendY, { lineBreak: false });
    x += 16 + doc.widthOfString(label);
  }
  doc.x = MARGIN;
  doc.y = legendY + 14;
}

function niceStep(end: number): number {
  for (const step of [1, 2, 5, 10, 15, 30, 60, 120]) if (end / step <= 10) return step;
  return 240;
}
