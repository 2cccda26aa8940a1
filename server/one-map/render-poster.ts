import PDFDocument from 'pdfkit';
import { createTranslator } from 'use-intl/core';
import type { Locale } from '../../i18n/config';
import { getMessages } from '../../i18n/messages';
import type { PublishedMap, RiskPointKind } from '../contracts/one-map';
import { findPdfFonts, type PdfFonts } from '../kernel/pdf/cjk-fonts';
import { drawLegend, drawPlan } from './poster-plan';
import { FONT, FOOTER_TOP, GUTTER, HEADER_BOTTOM, INK, LEFT_WIDTH, MARGIN, PAGE, RIGHT_WIDTH, RIGHT_X } from './poster-layout';
import { drawContacts, drawQrCode } from './poster-sidebar';
import { drawPointTable } from './poster-table';

export type PosterInput = {
  map: PublishedMap;
  /** The PNG the published version was drawn on, or null if it is gone from disk. */
  planImage: Buffer | null;
  liveMapUrl: string;
  locale: Locale;
  now: Date;
  fonts?: PdfFonts;
};

type Text = (key: string, values?: Record<string, string | number>) => string;

function registerFonts(doc: PDFKit.PDFDocument, fonts: PdfFonts) {
  doc.registerFont(FONT.regular, fonts.regular.path, fonts.regular.postscriptName as string);
  doc.registerFont(FONT.bold, fonts.bold.path, fonts.bold.postscriptName as string);
}

function drawHeader(doc: PDFKit.PDFDocument, map: PublishedMap, t: Text, formatDate: (iso: string) => string) {
  doc.font(FONT.bold).fontSize(24).fillColor(INK.header).text(t('poster.title'), MARGIN, MARGIN, { lineBreak: false });
  doc
    .font(FONT.bold)
    .fontSize(18)
    .fillColor(INK.text)
    .text(map.enterprise.name, MARGIN, MARGIN + 36, { width: 760, lineBreak: false, ellipsis: true });
  const right = { x: PAGE.width - MARGIN - 400, width: 400, align: 'right' as const, lineBreak: false };
  const level = t(`riskLevels.${map.enterprise.riskLevel}`);
  doc
    .font(FONT.bold)
    .fontSize(14)
    .fillColor(map.enterprise.riskLevel === 'general' ? INK.text : INK.danger)
    .text(t('poster.riskLevel', { level }), right.x, MARGIN + 2, right);
  doc
    .font(FONT.regular)
    .fontSize(12)
    .fillColor(INK.text)
    .text(t('poster.version', { version: map.version, date: formatDate(map.publishedAt) }), right.x, MARGIN + 26, right);
  const approval = map.approvedAt ? t('poster.approved', { date: formatDate(map.approvedAt) }) : t('poster.notApproved');
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(INK.muted)
    .text(approval, right.x, MARGIN + 46, right);
  doc
    .save()
    .lineWidth(2)
    .moveTo(MARGIN, HEADER_BOTTOM - 12)
    .lineTo(PAGE.width - MARGIN, HEADER_BOTTOM - 12)
    .stroke(INK.header)
    .restore();
}

/**
 * The A3 landscape wall poster of a published one-map: plan with numbered points, the table of
 * disposal measures, contacts, version and a QR code to the live map. Set in a CJK font.
 */
export async function renderPoster({ map, planImage, liveMapUrl, locale, now, fonts = findPdfFonts() }: PosterInput): Promise<Buffer> {
  const translate = createTranslator({ locale, messages: getMessages(locale), namespace: 'checklist' });
  const t: Text = (key, values) => translate(key as never, values as never);
  const poster: Text = (key, values) => t(`poster.${key}`, values);
  const dateFormat = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  const formatDate = (iso: string) => dateFormat.format(new Date(iso));

  const doc = new PDFDocument({
    size: 'A3',
    layout: 'landscape',
    margin: 0,
    info: { Title: `${t('poster.title')} · ${map.enterprise.name}`, Author: 'EcoDispatch' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc, fonts);

  drawHeader(doc, map, t, formatDate);
  const plan = drawPlan(doc, map, planImage, { x: MARGIN, y: HEADER_BOTTOM, width: LEFT_WIDTH, height: 480 }, poster);
  const legendTop = plan.y + plan.height + 8;
  const legendHeight = drawLegend(doc, map, { x: MARGIN, y: legendTop, width: LEFT_WIDTH, height: 40 }, (kind: RiskPointKind) =>
    t(`kinds.${kind}`),
  );
  const bottomTop = legendTop + legendHeight + 10;
  const qrWidth = 150;
  drawContacts(
    doc,
    map.contacts,
    { x: MARGIN, y: bottomTop, width: LEFT_WIDTH - qrWidth - GUTTER, height: FOOTER_TOP - bottomTop - 6 },
    poster,
  );
  await drawQrCode(
    doc,
    liveMapUrl,
    { x: MARGIN + LEFT_WIDTH - qrWidth, y: bottomTop, width: qrWidth, height: FOOTER_TOP - bottomTop - 6 },
    poster,
  );

  doc.font(FONT.bold).fontSize(13).fillColor(INK.header).text(poster('points'), RIGHT_X, HEADER_BOTTOM, { lineBreak: false });
  drawPointTable(
    doc,
    map.riskPoints,
    { x: RIGHT_X, y: HEADER_BOTTOM + 22, width: RIGHT_WIDTH, height: FOOTER_TOP - HEADER_BOTTOM - 28 },
    poster,
  );

  const footer = poster('footer', { address: map.enterprise.address, date: formatDate(now.toISOString()) });
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(INK.muted)
    .text(footer, MARGIN, FOOTER_TOP + 2, { width: PAGE.width - 2 * MARGIN, lineBreak: false, ellipsis: true });
  doc.end();
  return finished;
}
