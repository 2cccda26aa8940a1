// PURE: what the reports' routes accept, and the views they answer with.
import { z } from 'zod';
import type { InitialReportClock } from './report-deadline';
import { SEVERITIES } from './severity';
import { STATUTORY_REPORT_KINDS, type StatutoryReportContent, type StatutoryReportKind } from './statutory-reports';

const text = (max: number) => z.string().trim().max(max);
const latitude = z.number().finite().min(-90).max(90);
const longitude = z.number().finite().min(-180).max(180);

/** One monitoring value: a number (not a string that looks like one) with its unit. */
export const monitoringReadingInput = z.object({
  pollutant: text(60).min(1),
  value: z.number().finite(),
  unit: text(20).min(1),
  point: text(100),
  takenAt: z.string().trim().max(40),
});

export const statutoryReportContentInput = z.object({
  discoveredAt: z.iso.datetime({ offset: true }),
  source: text(500),
  location: z.object({ text: text(200), lat: latitude, lng: longitude }),
  incidentType: text(100),
  severity: z.enum(SEVERITIES).nullable(),
  causeAndNature: text(2000),
  pollutants: text(2000),
  enterprises: z.array(z.object({ id: z.string().max(64), name: text(100), substances: z.array(text(100)).max(50) })).max(50),
  monitoring: z.array(monitoringReadingInput).max(200),
  casualties: text(1000),
  receptorsAffected: text(2000),
  trend: text(2000),
  actionsTaken: text(10_000),
  nextSteps: text(2000),
  forcesAndMaterials: text(5000),
  fieldReportIds: z.array(z.string().uuid()).max(200),
  reportingUnit: text(100),
  reporterName: text(50),
  contactPhone: text(30),
  measuresAndResults: text(5000),
  indirectLosses: text(2000),
  socialImpact: text(2000),
  remainingWork: text(2000),
  accountability: text(2000),
}) satisfies z.ZodType<StatutoryReportContent>;

export const createStatutoryReportInput = z.object({ incidentId: z.string().uuid(), kind: z.enum(STATUTORY_REPORT_KINDS) });
export const statutoryReportRef = z.object({ incidentId: z.string().uuid(), reportId: z.string().uuid() });
export const saveReportVersionInput = statutoryReportRef.extend({ content: z.unknown() });
export const signOffReportVersionInput = statutoryReportRef.extend({ version: z.coerce.number().int().min(1).max(100_000) });
export const neighbourNotificationInput = statutoryReportRef.extend({
  jurisdictionName: text(100).min(1),
  contact: text(100).min(1),
  means: text(100).min(1),
  notifiedAt: z.iso.datetime({ offset: true }),
});

export type StatutoryReportVersionView = {
  version: number;
  content: StatutoryReportContent;
  savedBy: string;
  savedAt: string;
  signedOffBy: string | null;
  signedOffAt: string | null;
};

export type NeighbourNotificationView = {
  id: string;
  jurisdictionName: string;
  contact: string;
  means: string;
  notifiedAt: string;
  recordedBy: string;
  recordedAt: string;
};

export type StatutoryReportView = {
  id: string;
  incidentId: string;
  kind: StatutoryReportKind;
  seq: number;
  createdBy: string;
  createdAt: string;
  /** Oldest first; the last is the current one. */
  versions: StatutoryReportVersionView[];
  notifications: NeighbourNotificationView[];
};

/** The reports page's data: every report of the incident, the 初报 clock and whether the caller may sign. */
export type IncidentReportsView = {
  incident: {
    id: string;
    description: string;
    isDrill: boolean;
    status: 'active' | 'lifted';
    severity: StatutoryReportContent['severity'];
  };
  reports: StatutoryReportView[];
  clock: InitialReportClock;
  canSignOff: boolean;
};
