import ExcelJS from 'exceljs';
import { createTranslator } from 'use-intl/core';
import type { Locale } from '../../i18n/config';
import { getMessages } from '../../i18n/messages';
import type { TimeStats } from '../contracts/review';
import { SEVERITY_LABELS } from '../contracts/severity';
import type { IncidentStatistics } from '../contracts/statistics';

type Cell = string | number | null;
type Sheet = { name: string; rows: Cell[][] };

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

/** The report as plain tables (a summary and one row per incident), in the caller's language; XLSX and CSV are written from these. */
export function statisticsSheets(stats: IncidentStatistics, locale: Locale): Sheet[] {
  const messages = getMessages(locale);
  const t = createTranslator({ locale, messages, namespace: 'review.statistics' });
  const common = createTranslator({ locale, messages, namespace: 'common' });
  const typeName = (type: string) => (common.has(`incidentTypes.${type}` as never) ? common(`incidentTypes.${type}` as never) : type);
  const severityName = (severity: string | null) =>
    severity === null || severity === 'unset'
      ? t('unset')
      : SEVERITY_LABELS[severity as keyof typeof SEVERITY_LABELS][locale === 'en' ? 'en' : 'zh'];
  const local = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'short' });
  const times = (label: string, value: TimeStats): Cell[] => [
    label,
    minutes(value.medianSeconds),
    minutes(value.worstSeconds),
    value.count,
  ];

  const summary: Cell[][] = [
    [t('title'), `${stats.year} ${t(`indexLabel.${stats.period}`, { index: stats.index })}`],
    [t('range', { from: day.format(new Date(stats.from)), to: day.format(new Date(new Date(stats.to).getTime() - 1)) })],
    [t('total'), stats.total],
    [],
    [t('byType'), t('count')],
    ...stats.byType.map((row): Cell[] => [typeName(row.incidentType), row.count]),
    [],
    [t('bySeverity'), t('count')],
    ...stats.bySeverity.map((row): Cell[] => [severityName(row.severity), row.count]),
    [],
    [t('byMonth'), t('count')],
    ...stats.byMonth.map((row): Cell[] => [row.month, row.count]),
    [],
    [`${t('times')}（${t('minutes')}）`, t('median'), t('worst'), t('samples')],
    times(t('toAcknowledged'), stats.toAcknowledged),
    times(t('toOnScene'), stats.toOnScene),
  ];
  const incidentsSheet: Cell[][] = [
    [
      t('created'),
      t('type'),
      t('severity'),
      t('plan'),
      t('description'),
      t('people'),
      `${t('toAcknowledged')} ${t('median')}`,
      `${t('toAcknowledged')} ${t('worst')}`,
      `${t('toOnScene')} ${t('median')}`,
      `${t('toOnScene')} ${t('worst')}`,
    ],
    ...stats.incidents.map((row): Cell[] => [
      local.format(new Date(row.createdAt)),
      typeName(row.incidentType),
      severityName(row.severity),
      row.planName,
      row.description,
      row.people,
      minutes(row.toAcknowledged.medianSeconds),
      minutes(row.toAcknowledged.worstSeconds),
      minutes(row.toOnScene.medianSeconds),
      minutes(row.toOnScene.worstSeconds),
    ]),
  ];
  return [
    { name: t('sheetSummary'), rows: summary },
    { name: t('sheetIncidents'), rows: incidentsSheet },
  ];
}

export async function statisticsXlsx(stats: IncidentStatistics, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EcoDispatch';
  for (const sheet of statisticsSheets(stats, locale)) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row);
    worksheet.getColumn(1).width = 24;
    worksheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The incidents table as CSV with a UTF-8 BOM (so Excel reads the Chinese), CRLF line ends; the summary precedes it. */
export function statisticsCsv(stats: IncidentStatistics, locale: Locale): Buffer {
  const sheets = statisticsSheets(stats, locale);
  const lines = sheets.flatMap((sheet, index) => [...(index > 0 ? [''] : []), ...sheet.rows.map((row) => row.map(csvField).join(','))]);
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
