import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import {
  assignments,
  auditEvents,
  departments,
  enterprises,
  fieldReports,
  incidentEnterprises,
  incidents,
  intakeReports,
  integrationTokens,
  jurisdictions,
  materialItems,
  materialReservations,
  plans,
  riskPoints,
  users,
} from '../../db/schema';
import { isSeverity, SEVERITY_LABELS } from '../contracts/severity';
import type { StatutoryReportContent } from '../contracts/statutory-reports';

const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const at = (date: Date) => clock.format(date);
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/**
 * The facts the system already holds, written into a draft: discovery and source (the API-filed
 * report's reporter and system when there is one), place, type, level, the linked enterprises with
 * their risk substances, the field reports, the actions from the timeline, and the forces and
 * materials. The document is in Chinese, the language the bureau files in; the officer edits it.
 */
export async function prefillContent(db: DbOrTx, incidentId: string): Promise<StatutoryReportContent> {
  const [row] = await db
    .select({ incident: incidents, planName: plans.name, creator: users.displayName, jurisdiction: jurisdictions.name })
    .from(incidents)
    .innerJoin(plans, eq(plans.id, incidents.planId))
    .innerJoin(users, eq(users.id, incidents.createdBy))
    .innerJoin(jurisdictions, eq(jurisdictions.id, incidents.jurisdictionId))
    .where(eq(incidents.id, incidentId));
  const { incident, planName, creator, jurisdiction } = row!;
  const discoveredAt = incident.discoveredAt ?? incident.createdAt;

  const [intake] = await db
    .select({ report: intakeReports, system: integrationTokens.name })
    .from(intakeReports)
    .innerJoin(integrationTokens, eq(integrationTokens.id, intakeReports.tokenId))
    .where(eq(intakeReports.incidentId, incidentId));
  const source = intake
    ? `${intake.report.reporterName}${intake.report.reporterOrg ? `（${intake.report.reporterOrg}）` : ''}${intake.report.reporterPhone ? ` ${intake.report.reporterPhone}` : ''}于 ${at(intake.report.reportedAt)} 经“${intake.system}”报告：${intake.report.text}`
    : `值班员${creator}接报后于 ${at(incident.createdAt)} 启动“${planName}”`;

  const linked = await db
    .select({ id: enterprises.id, name: enterprises.name, address: enterprises.address })
    .from(incidentEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, incidentEnterprises.enterpriseId))
    .where(eq(incidentEnterprises.incidentId, incidentId))
    .orderBy(asc(incidentEnterprises.linkedAt));
  const points = linked.length
    ? await db
        .select({ enterpriseId: riskPoints.enterpriseId, substances: riskPoints.substances })
        .from(riskPoints)
        .where(
          inArray(
            riskPoints.enterpriseId,
            linked.map((enterprise) => enterprise.id),
          ),
        )
        .orderBy(asc(riskPoints.code))
    : [];
  const substancesOf = (enterpriseId: string) => [
    ...new Set(points.filter((point) => point.enterpriseId === enterpriseId).flatMap((point) => point.substances.map((s) => s.name))),
  ];

  const reports = await db
    .select({ id: fieldReports.id })
    .from(fieldReports)
    .where(eq(fieldReports.incidentId, incidentId))
    .orderBy(asc(fieldReports.capturedAt));

  const locationText =
    intake?.report.address || linked[0]?.address || `${jurisdiction} ${incident.lat.toFixed(5)}, ${incident.lng.toFixed(5)}`;
  return {
    discoveredAt: discoveredAt.toISOString(),
    source,
    location: { text: locationText, lat: incident.lat, lng: incident.lng },
    incidentType: planName,
    severity: incident.severity ?? null,
    causeAndNature: incident.description,
    pollutants: '',
    enterprises: linked.map((enterprise) => ({ id: enterprise.id, name: enterprise.name, substances: substancesOf(enterprise.id) })),
    monitoring: [],
    casualties: '',
    receptorsAffected: '',
    trend: '',
    actionsTaken: (await actionsFromTimeline(db, incidentId)).join('\n'),
    nextSteps: '',
    forcesAndMaterials: (await forcesAndMaterials(db, incidentId)).join('\n'),
    fieldReportIds: reports.map((report) => report.id),
    reportingUnit: jurisdiction,
    reporterName: creator,
    contactPhone: '',
    measuresAndResults: '',
    indirectLosses: '',
    socialImpact: '',
    remainingWork: '',
    accountability: '',
  };
}

/** 已采取的措施, one line per fact from the timeline: updates, arrivals, field reports, materials, the lift. */
async function actionsFromTimeline(db: DbOrTx, incidentId: string): Promise<string[]> {
  const rows = await db
    .select({ action: auditEvents.action, data: auditEvents.data, createdAt: auditEvents.createdAt, actor: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.incidentId, incidentId))
    .orderBy(asc(auditEvents.createdAt));
  const lines: string[] = [];
  for (const { action, data: raw, createdAt, actor } of rows) {
    const data = (raw ?? {}) as Record<string, unknown>;
    const who = actor ?? '系统';
    const line = describe(action, data, who);
    if (line) lines.push(`${at(createdAt)} ${line}`);
  }
  return lines;
}

function describe(action: string, data: Record<string, unknown>, who: string): string | null {
  switch (action) {
    case 'incident.triggered':
      return `${who}启动“${text(data.planName)}”，派出 ${text(data.assigned)} 人`;
    case 'incident.updated':
      return `情况通报：${text(data.text)}`;
    case 'incident.severity_changed':
      return `${who}将事件分级定为${isSeverity(data.to) ? SEVERITY_LABELS[data.to].zh : text(data.to)}（${text(data.reason)}）`;
    case 'assignment.on_scene':
      return `${who}（${text(data.role)}）到达现场`;
    case 'assignment.done':
      return `${who}（${text(data.role)}）完成任务`;
    case 'field_report.added':
      return `${who}（${text(data.role)}）现场回传${data.text ? `：${text(data.text)}` : ''}${Number(data.photos) > 0 ? `（照片 ${text(data.photos)} 张）` : ''}`;
    case 'material.reserved':
      return `预留物资：${text(data.item)} ${text(data.quantity)}${text(data.unit)}（${text(data.depot)}）`;
    case 'material.deployed':
      return `物资已投入使用（${text(data.role)}，${text(data.quantity)}）`;
    case 'material.settled':
      return `物资结算（${text(data.role)}）：消耗 ${text(data.consumed)}，归还 ${text(data.returned)}`;
    case 'incident.lifted':
      return `${who}解除警报：${text(data.reason)}`;
    default:
      return null;
  }
}

/** 参与处置的部门、人员及物资: people by department, then materials deployed and consumed. */
async function forcesAndMaterials(db: DbOrTx, incidentId: string): Promise<string[]> {
  const people = await db
    .select({ department: departments.name, name: users.displayName, role: assignments.roleName, status: assignments.status })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .innerJoin(departments, eq(departments.id, assignments.departmentId))
    .where(eq(assignments.incidentId, incidentId))
    .orderBy(asc(departments.code), asc(assignments.roleName), asc(users.displayName));
  const byDepartment = new Map<string, string[]>();
  for (const person of people) {
    if (person.status === 'stood_down') continue;
    byDepartment.set(person.department, [...(byDepartment.get(person.department) ?? []), `${person.name}（${person.role}）`]);
  }
  const lines = [...byDepartment].map(([department, names]) => `${department}：${names.join('、')}`);
  const materials = await db
    .select({
      item: materialItems.name,
      unit: materialItems.unit,
      quantity: materialReservations.quantity,
      consumed: materialReservations.consumed,
      status: materialReservations.status,
    })
    .from(materialReservations)
    .innerJoin(materialItems, eq(materialItems.id, materialReservations.itemId))
    .where(eq(materialReservations.incidentId, incidentId))
    .orderBy(asc(materialItems.name));
  const used = materials.filter((row) => row.status === 'deployed' || row.status === 'settled');
  if (used.length) {
    lines.push(
      `物资：${used.map((row) => `${row.item} 投入 ${row.quantity}${row.consumed != null ? `、消耗 ${row.consumed}` : ''}`).join('；')}`,
    );
  }
  return lines;
}
