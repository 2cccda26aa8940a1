import QRCode from 'qrcode';
import type { PublishedMap } from '../contracts/one-map';
import { FONT, INK, type Box } from './poster-layout';

type Text = (key: string) => string;

/** The contacts as a two-column list; the type shrinks for long lists. */
export function drawContacts(doc: PDFKit.PDFDocument, contacts: PublishedMap['contacts'], box: Box, t: Text) {
  doc.font(FONT.bold).fontSize(13).fillColor(INK.header).text(t('contacts'), box.x, box.y, { width: box.width, lineBreak: false });
  const top = box.y + 22;
  const perColumn = Math.max(1, Math.ceil(contacts.length / 2));
  const lineHeight = Math.min(22, (box.height - 22) / perColumn);
  const size = Math.max(6, Math.min(12, lineHeight * 0.62));
  const columnWidth = box.width / 2;
  contacts.forEach((contact, index) => {
    const x = box.x + Math.floor(index / perColumn) * columnWidth;
    const y = top + (index % perColumn) * lineHeight;
    doc
      .font(FONT.bold)
      .fontSize(size)
      .fillColor(INK.text)
      .text(`${contact.name}  ${contact.phone}`, x, y, { width: columnWidth - 8, lineBreak: false });
    const nameWidth = doc.widthOfString(`${contact.name}  ${contact.phone}  `);
    doc
      .font(FONT.regular)
      .fontSize(size * 0.85)
      .fillColor(INK.muted)
      .text(contact.role, x + nameWidth, y + size * 0.12, {
        width: Math.max(10, columnWidth - 8 - nameWidth),
        lineBreak: false,
        ellipsis: true,
      });
  });
}

/** A QR code to the live map, so a printed poster never strands the reader on an old version. */
export async function drawQrCode(doc: PDFKit.PDFDocument, url: string, box: Box, t: Text) {
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  const size = Math.min(box.width, box.height - 34);
  const x = box.x + (box.width - size) / 2;
  doc.image(png, x, box.y, { width: size, height: size });
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(INK.text)
    .text(t('qrCaption'), box.x - 20, box.y + size + 2, { width: box.width + 40, align: 'center', lineBreak: false });
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(INK.muted)
    .text(t('qrHint'), box.x - 20, box.y + size + 17, { width: box.width + 40, align: 'center', lineBreak: false });
}
