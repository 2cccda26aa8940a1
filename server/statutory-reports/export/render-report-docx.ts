import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ExportData } from './load-export-data';
import type { ReportDocument } from './report-document';

// The DOCX of one version, built with the `docx` library: the same words as the PDF, as a Word file a
// bureau edits and files. A4, the version and sign-off statement in every page's header and footer.

const A4_TWIPS = { width: 11906, height: 16838 };
const MARGIN_TWIPS = { top: 1440, bottom: 1440, left: 1588, right: 1474 };
/** The text column in pixels (96 dpi), for images: A4's 210 mm less the margins. */
const COLUMN_PX = Math.floor(((A4_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right) / 1440) * 96);
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const BOLD_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };

export type SketchImage = { png: Buffer; width: number; height: number };

const paragraph = (
  text: string,
  options: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) =>
  new Paragraph({
    alignment: options.align,
    spacing: { after: 80, line: 360 },
    children: text.split('\n').map(
      (line, index) =>
        new TextRun({
          text: line,
          break: index > 0 ? 1 : undefined,
          bold: options.bold,
          size: options.size,
          font: options.bold ? BOLD_FONT : FONT,
        }),
    ),
  });

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 28, font: BOLD_FONT, color: '000000' })],
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '9CA3AF' };
function table(headers: string[] | null, rows: string[][], widths: number[]): Table {
  const cell = (text: string, isHeader: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      shading: isHeader ? { type: ShadingType.CLEAR, fill: 'F3F4F6', color: 'auto' } : undefined,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [paragraph(text, { bold: isHeader, size: 21 })],
    });
  const tableRows = [...(headers ? [{ cells: headers, isHeader: true }] : []), ...rows.map((cells) => ({ cells, isHeader: false }))];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: tableRows.map(
      (row) =>
        new TableRow({ tableHeader: row.isHeader, children: row.cells.map((text, index) => cell(text, row.isHeader, widths[index]!)) }),
    ),
  });
}

const image = (type: 'png' | 'jpg', data: Buffer, width: number, height: number, maxWidth: number, title: string) => {
  const scale = Math.min(1, maxWidth / width);
  return new ImageRun({
    type,
    data,
    transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
    altText: { name: title, description: title, title },
  });
};

function photoParagraphs(data: ExportData, model: ReportDocument['photos']): (Paragraph | Table)[] {
  if (data.photos.length === 0) return [];
  return [
    heading(model.heading),
    ...data.photos.flatMap((photo, index) => [
      ...(photo.jpeg
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [image('jpg', photo.jpeg, photo.width, photo.height, COLUMN_PX * 0.8, model.captions[index]!)],
            }),
          ]
        : []),
      paragraph(photo.jpeg ? model.captions[index]! : `${model.captions[index]!}（${model.missing}）`, {
        size: 18,
        align: AlignmentType.CENTER,
      }),
    ]),
  ];
}

export async function renderReportDocx(data: ExportData, model: ReportDocument, sketch: SketchImage | null): Promise<Buffer> {
  const sectionBlocks = model.sections.flatMap((section) => [
    heading(section.heading),
    section.kind === 'text'
      ? paragraph(section.body)
      : model.monitoring.rows.length === 0
        ? paragraph(model.monitoring.empty)
        : table(model.monitoring.headers, model.monitoring.rows, [22, 18, 36, 24]),
  ]);
  const mapBlocks = model.map
    ? [
        heading(model.map.heading),
        ...(sketch
          ? [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [image('png', sketch.png, sketch.width, sketch.height, COLUMN_PX, model.map.heading)],
              }),
            ]
          : []),
        model.map.rows.length === 0 ? paragraph(model.map.none) : table(model.map.headers, model.map.rows, [10, 50, 22, 18]),
      ]
    : [];
  const small = { size: 18, font: FONT, color: '4B5563' };

  const document = new Document({
    title: model.title,
    creator: 'EcoDispatch',
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: { page: { size: A4_TWIPS, margin: MARGIN_TWIPS } },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.versionLine, ...small })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${model.versionLine}　`, ...small }),
                  new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], ...small }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...(model.drillNotice ? [paragraph(model.drillNotice, { bold: true, align: AlignmentType.CENTER })] : []),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 160 },
            children: [new TextRun({ text: model.title, bold: true, size: 36, font: BOLD_FONT })],
          }),
          paragraph(`${model.versionLine}　（${model.savedLine}）`, { size: 20, align: AlignmentType.CENTER }),
          table(
            null,
            model.facts.map((fact) => [fact.label, fact.value]),
            [26, 74],
          ),
          ...sectionBlocks,
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          ...model.signature.map((line) => paragraph(`${line.label}：${line.value}`)),
          paragraph(model.versionLine, { bold: true }),
          ...mapBlocks,
          ...photoParagraphs(data, model.photos),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
