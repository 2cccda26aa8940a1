import { createTranslator } from 'use-intl/core';
import type { Locale } from '../../../i18n/config';
import { getMessages } from '../../../i18n/messages';
import { SEVERITY_LABELS } from '../../contracts/severity';
import type { StatutoryReportContent } from '../../contracts/statutory-reports';
import type { ExportData } from './load-export-data';
import { formatDistance, type MapFeature } from './report-map';

// What the PDF and the DOCX both print, worded once: the title, the version and sign-off statement,
// the facts, the sections in the 办法's order, the monitoring table, the map's legend and the photos'
// captions. The two renderers only lay it out.

export type Text = (key: string, values?: Record<string, string | number>) => string;

const COMMON_SECTIONS = [
  'causeAndNature',
  'pollutants',
  'monitoring',
  'casualties',
  'receptorsAffected',
  'trend',
  'actionsTaken',
  'forcesAndMaterials',
  'nextSteps',
] as const;
const FINAL_SECTIONS = ['measuresAndResults', 'indirectLosses', 'socialImpact', 'remainingWork', 'accountability'] as const;
type TextSection = Exclude<(typeof COMMON_SECTIONS)[number] | (typeof FINAL_SECTIONS)[number], 'monitoring'>;

export type DocumentSection = { heading: string } & ({ kind: 'text'; body: string } | { kind: 'monitoring' });
export type ReportDocument = {
  title: string;
  drillNotice: string | null;
  /** "第 2 版　签发人：杨局长　签发时间：…" or "第 2 版　草稿，未签发": on every page of both formats. */
  versionLine: string;
  savedLine: string;
  facts: { label: string; value: string }[];
  sections: DocumentSection[];
  monitoring: { headers: string[]; rows: string[][]; empty: string };
  map: {
    heading: string;
    radius: string;
    none: string;
    headers: string[];
    rows: string[][];
    label: (feature: MapFeature) => string;
    kindLabel: (feature: MapFeature) => string;
    incident: string;
    north: string;
    legend: string;
  } | null;
  photos: { heading: string; captions: string[]; missing: string };
  signature: { label: string; value: string }[];
  /** The download's name, e.g. 关于…的初报（第2版）; and a plain ASCII one for old clients. */
  fileStem: string;
  asciiFileStem: string;
};

export function translatorFor(locale: Locale): Text {
  const translate = createTranslator({ locale, messages: getMessages(locale), namespace: 'reportExport' });
  return (key, values) => translate(key as never, values as never);
}

export function formatTime(locale: Locale, date: Date | string): string {
  const value = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return String(date);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(value);
}

/** A monitoring value as printed: "3.2 mg/L". */
export const formatReading = (value: number, unit: string) => `${value} ${unit}`.trim();

/** The incident type's label when it is a plan's code (water_oil → 水体油污/非法倾倒), else as written. */
function typeLabel(incidentType: string, locale: Locale): string {
  const common = createTranslator({ locale, messages: getMessages(locale), namespace: 'common' });
  const key = `incidentTypes.${incidentType}`;
  return common.has(key as never) ? common(key as never) : incidentType;
}

function incidentName(content: StatutoryReportContent, locale: Locale): string {
  const place = content.location.text.trim().slice(0, 30);
  const type = typeLabel(content.incidentType, locale);
  return locale === 'en' ? [place, type].filter(Boolean).join(', ') : `${place}${type}`;
}

export function buildReportDocument(data: ExportData, locale: Locale): ReportDocument {
  const t = translatorFor(locale);
  const { content } = data;
  const orEmpty = (value: string | undefined | null) => (value && value.trim() ? value.trim() : t('empty'));
  const title = t(`title.${data.kind}`, { name: incidentName(content, locale), seq: data.seq });
  const sign = data.signedOff ? t('signedOff', { name: data.signedOff.by, time: formatTime(locale, data.signedOff.at) }) : t('draft');
  const versionLine = `${t('version', { version: data.version })}　${sign}`;
  const severity = content.severity ? SEVERITY_LABELS[content.severity][locale === 'en' ? 'en' : 'zh'] : t('severityUnset');
  const enterprises = content.enterprises
    .map((enterprise) => (enterprise.substances.length ? `${enterprise.name}（${enterprise.substances.join('、')}）` : enterprise.name))
    .join('；');

  const sectionKeys = [...COMMON_SECTIONS, ...(data.kind === 'final' ? FINAL_SECTIONS : [])];
  const sections: DocumentSection[] = sectionKeys.map((key) =>
    key === 'monitoring'
      ? { heading: t(`sections.${key}`), kind: 'monitoring' }
      : { heading: t(`sections.${key}`), kind: 'text', body: orEmpty(content[key as TextSection]) },
  );
  if (data.notifications.length > 0) {
    const lines = data.notifications.map((notice) =>
      t('neighbourLine', {
        time: formatTime(locale, notice.notifiedAt),
        means: notice.means,
        name: notice.jurisdictionName,
        contact: notice.contact,
      }),
    );
    sections.push({ heading: t('sections.neighbours'), kind: 'text', body: lines.join('\n') });
  }

  const kindLabel = (feature: MapFeature) => (feature.type === 'enterprise' ? t('map.enterprise') : t(`receptorKinds.${feature.kind}`));
  const radius = formatDistance(data.map.radiusM);
  const isMapped = data.kind === 'initial';
  const fileStem = `${title}（${t('version', { version: data.version }).replace(/\s+/g, '')}）`;

  return {
    title,
    drillNotice: data.isDrill ? t('drill') : null,
    versionLine,
    savedLine: t('savedBy', { name: data.savedBy, time: formatTime(locale, data.savedAt) }),
    facts: [
      { label: t('fields.discoveredAt'), value: formatTime(locale, content.discoveredAt) },
      { label: t('fields.source'), value: orEmpty(content.source) },
      { label: t('fields.location'), value: orEmpty(content.location.text) },
      { label: t('fields.coordinates'), value: `${content.location.lat.toFixed(5)}, ${content.location.lng.toFixed(5)}` },
      { label: t('fields.incidentType'), value: typeLabel(content.incidentType, locale) },
      { label: t('fields.severity'), value: severity },
      { label: t('fields.enterprises'), value: orEmpty(enterprises) },
    ],
    sections,
    monitoring: {
      headers: [t('monitoring.pollutant'), t('monitoring.value'), t('monitoring.point'), t('monitoring.takenAt')],
      rows: content.monitoring.map((reading) => [
        reading.pollutant,
        formatReading(reading.value, reading.unit),
        reading.point,
        formatTime(locale, reading.takenAt),
      ]),
      empty: t('monitoring.none'),
    },
    map: isMapped
      ? {
          heading: t('sections.map'),
          radius: t('map.radius', { radius }),
          none: t('map.none', { radius }),
          headers: [t('map.number'), t('map.name'), t('map.kind'), t('map.distance')],
          rows: data.map.features.map((feature, index) => [
            String(index + 1),
            feature.name,
            kindLabel(feature),
            formatDistance(feature.distanceM),
          ]),
          label: (feature) => feature.name,
          kindLabel,
          incident: t('map.incident'),
          north: t('map.north'),
          legend: t('map.legend'),
        }
      : null,
    photos: {
      heading: t('sections.photos'),
      captions: data.photos.map(
        (photo) =>
          t('photos.caption', { author: photo.author, time: formatTime(locale, photo.capturedAt) }) + (photo.text ? `　${photo.text}` : ''),
      ),
      missing: t('photos.missing'),
    },
    signature: [
      { label: t('signature.reportingUnit'), value: orEmpty(content.reportingUnit) },
      { label: t('signature.reporterName'), value: orEmpty(content.reporterName) },
      { label: t('signature.contactPhone'), value: orEmpty(content.contactPhone) },
    ],
    fileStem,
    asciiFileStem: `statutory-report-${data.kind}${data.kind === 'follow_up' ? `-${data.seq}` : ''}-v${data.version}`,
  };
}
