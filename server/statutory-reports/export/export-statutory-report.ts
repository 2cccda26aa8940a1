import { z } from 'zod';
import { LOCALES } from '../../../i18n/config';
import type { VerbContext } from '../../context';
import { invalid, notFound } from '../../kernel/errors';
import { attachmentDisposition } from './content-disposition';
import { loadExportData } from './load-export-data';
import { buildReportDocument, translatorFor } from './report-document';
import { layoutSketch } from './report-map';
import { renderReportDocx } from './render-report-docx';
import { renderReportPdf } from './render-report-pdf';
import { renderSketchPng } from './render-sketch-png';

export const EXPORT_FORMATS = ['pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const ids = z.object({
  incidentId: z.string().uuid(),
  reportId: z.string().uuid(),
  version: z.coerce.number().int().min(1).max(1_000_000),
});
const options = z.object({ format: z.enum(EXPORT_FORMATS), locale: z.enum(LOCALES) });

export type ExportedReport = { bytes: Buffer; contentType: string; contentDisposition: string; fileName: string };

/**
 * One version of a statutory report (初报 / 续报 / 处理结果报告) as PDF or DOCX, saying which version it
 * is and who signed it off. Command roles of the incident's jurisdiction only (see loadExportData).
 */
export async function exportStatutoryReport({ ctx, input }: { ctx: VerbContext; input: unknown }): Promise<ExportedReport> {
  const raw = (input ?? {}) as Record<string, unknown>;
  const chosen = options.safeParse({ format: raw.format, locale: raw.locale });
  if (!chosen.success) throw invalid('exportFormatInvalid', { field: 'format' });
  // Ids come from the path: one that cannot exist is simply not found.
  const target = ids.safeParse(raw);
  if (!target.success) throw notFound('statutoryReportNotFound');

  const { format, locale } = chosen.data;
  const data = await loadExportData(ctx.db, ctx.actor, target.data);
  const model = buildReportDocument(data, locale);
  let bytes: Buffer;
  if (format === 'pdf') {
    const t = translatorFor(locale);
    bytes = await renderReportPdf(data, model, (page, pages) => t('page', { page, pages }));
  } else {
    const sketch = model.map
      ? await renderSketchPng(layoutSketch(data.content.location, data.map.radiusM, data.map.features, 1000, 760), model.map)
      : null;
    bytes = await renderReportDocx(data, model, sketch);
  }
  const fileName = `${model.fileStem}.${format}`;
  return {
    bytes,
    contentType: CONTENT_TYPES[format],
    contentDisposition: attachmentDisposition(fileName, `${model.asciiFileStem}.${format}`),
    fileName,
  };
}
