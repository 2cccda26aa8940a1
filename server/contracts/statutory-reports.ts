import type { Severity } from './severity';

// PURE: the written reports of the 突发环境事件信息报告办法 (2011): 初报 when the incident is found,
// any number of 续报 as the facts develop, the 处理结果报告 when it is over.
export const STATUTORY_REPORT_KINDS = ['initial', 'follow_up', 'final'] as const;
export type StatutoryReportKind = (typeof STATUTORY_REPORT_KINDS)[number];

/** 环境敏感目标 kinds, as the 初报's sketch map labels them. */
export const RECEPTOR_KINDS = ['drinking_water_source', 'school', 'hospital', 'residential', 'protected_water', 'other'] as const;
export type ReceptorKind = (typeof RECEPTOR_KINDS)[number];

/** One monitoring value, as the 办法 asks: pollutant, value with its unit, where and when it was taken. */
export type MonitoringReading = { pollutant: string; value: number; unit: string; point: string; takenAt: string };

/**
 * The content of one version. The common core of all three reports, then the 处理结果报告's own
 * sections (left empty in the others). Prefilled fields come from the incident; the officer may edit
 * every one of them before sign-off. Times are ISO strings, so a version reads the same in both databases.
 */
export type StatutoryReportContent = {
  discoveredAt: string;
  /** Where the information came from: the reporter, or the system that filed it through the API. */
  source: string;
  location: { text: string; lat: number; lng: number };
  incidentType: string;
  severity: Severity | null;
  causeAndNature: string;
  /** 污染物种类及数量 */
  pollutants: string;
  enterprises: { id: string; name: string; substances: string[] }[];
  monitoring: MonitoringReading[];
  casualties: string;
  /** 饮用水水源地等敏感目标受影响情况 */
  receptorsAffected: string;
  trend: string;
  /** 已采取的措施: prefilled from the timeline (updates, arrivals, field reports, materials). */
  actionsTaken: string;
  /** 下一步工作 */
  nextSteps: string;
  /** The people and departments involved, and the materials deployed and consumed. */
  forcesAndMaterials: string;
  /** Field reports chosen for the report; their photos go into the exports. */
  fieldReportIds: string[];
  /** 报告单位, 报告人 and a contact telephone. */
  reportingUnit: string;
  reporterName: string;
  contactPhone: string;
  // 处理结果报告 only.
  measuresAndResults: string;
  indirectLosses: string;
  socialImpact: string;
  remainingWork: string;
  accountability: string;
};
