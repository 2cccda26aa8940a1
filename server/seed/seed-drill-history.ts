import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import {
  assignments,
  auditEvents,
  incidents,
  planRoleMembers,
  planRoles,
  statutoryReports,
  statutoryReportVersions,
} from '../../db/schema';
import type { Severity } from '../contracts/severity';
import type { StatutoryReportContent } from '../contracts/statutory-reports';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * One past response: when it started (days ago, at a local hour), and per role the seconds to 收到
 * and the minutes to 到达. Drills get better over the months, as a bureau's do; the 初报 of the
 * later ones is signed off in time.
 */
type PastResponse = {
  daysAgo: number;
  hour: number;
  isDrill: boolean;
  description: string;
  severity: Severity | null;
  ackSeconds: number[];
  onSceneMinutes: number[];
  /** Minutes from discovery to the 初报's sign-off; null = none was signed. */
  reportSignedMinutes: number | null;
};

const PAST: PastResponse[] = [
  {
    daysAgo: 150,
    hour: 9,
    isDrill: true,
    description: '【演练】梁滩河合谷段油污处置演练（第一季度）',
    severity: 'IV',
    ackSeconds: [95, 260, 140],
    onSceneMinutes: [28, 41, 52],
    reportSignedMinutes: 85,
  },
  {
    daysAgo: 120,
    hour: 14,
    isDrill: false,
    description: '虎溪河西永段水面发现油膜，约 200 米',
    severity: 'IV',
    ackSeconds: [70, 115, 90],
    onSceneMinutes: [22, 30, 35],
    reportSignedMinutes: 55,
  },
  {
    daysAgo: 100,
    hour: 15,
    isDrill: true,
    description: '【演练】西永污水处理厂排污阀误开启联合演练',
    severity: 'IV',
    ackSeconds: [80, 175, 120],
    onSceneMinutes: [19, 33, 44],
    reportSignedMinutes: 62,
  },
  {
    daysAgo: 75,
    hour: 22,
    isDrill: false,
    description: '梁滩河白鹤桥下游疑似非法倾倒废机油',
    severity: 'III',
    ackSeconds: [45, 160, 60],
    onSceneMinutes: [18, 26, 31],
    reportSignedMinutes: 48,
  },
  {
    daysAgo: 60,
    hour: 10,
    isDrill: true,
    description: '【演练】夜间暴雨油污入河处置演练',
    severity: null,
    ackSeconds: [60, 150, 95],
    onSceneMinutes: [16, 27, 38],
    reportSignedMinutes: 51,
  },
  {
    daysAgo: 40,
    hour: 11,
    isDrill: false,
    description: '雨水排口排出乳白色废水，群众 12369 举报',
    severity: null,
    ackSeconds: [55, 90, 75],
    onSceneMinutes: [20, 24, 29],
    reportSignedMinutes: null,
  },
  {
    daysAgo: 20,
    hour: 9,
    isDrill: true,
    description: '【演练】梁滩河合谷段油污处置演练（第四季度）',
    severity: 'IV',
    ackSeconds: [40, 110, 70],
    onSceneMinutes: [14, 22, 30],
    reportSignedMinutes: 42,
  },
];

/** A few lifted drills and incidents of the river-oil plan in the past months, so the drill trend and the statistics have something on a fresh start. */
export async function seedDrillHistory(
  tx: DbOrTx,
  ids: { jurisdictionId: string; planId: string; dutyId: string; leaderId: string },
  now = new Date(),
): Promise<string[]> {
  const roles = await tx
    .select({ role: planRoles, userId: planRoleMembers.userId })
    .from(planRoles)
    .innerJoin(planRoleMembers, eq(planRoleMembers.planRoleId, planRoles.id))
    .where(eq(planRoles.planId, ids.planId))
    .orderBy(planRoles.position, planRoleMembers.priority);
  const firstMemberOfEach = roles.filter((row, index) => roles.findIndex((other) => other.role.id === row.role.id) === index);
  const created: string[] = [];

  for (const past of PAST) {
    // The local (UTC+8) hour on that day.
    const day = new Date(now.getTime() - past.daysAgo * DAY);
    const pressedAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), past.hour - 8, 7));
    const at = (minutes: number) => new Date(pressedAt.getTime() + minutes * MINUTE);
    const liftedAt = at(95);
    const incidentId = randomUUID();
    created.push(incidentId);
    await tx.insert(incidents).values({
      id: incidentId,
      jurisdictionId: ids.jurisdictionId,
      planId: ids.planId,
      incidentType: 'water_oil',
      description: past.description,
      lat: 29.5873,
      lng: 106.3291,
      isDrill: past.isDrill,
      status: 'lifted',
      createdBy: ids.dutyId,
      createdAt: pressedAt,
      liftedAt,
      liftReason: past.isDrill ? '演练结束' : '油污已围控，污染源已截断',
      liftedBy: ids.dutyId,
      severity: past.severity,
      discoveredAt: at(-4),
    });
    const audit = (action: string, entityType: string, entityId: string, when: Date, data: Record<string, unknown> = {}) =>
      tx.insert(auditEvents).values({
        id: randomUUID(),
        jurisdictionId: ids.jurisdictionId,
        actorId: ids.dutyId,
        action,
        entityType,
        entityId,
        incidentId,
        data: { seeded: true, ...data },
        createdAt: when,
      });
    await audit('incident.triggered', 'incident', incidentId, pressedAt, { drill: past.isDrill });

    for (const [index, { role, userId }] of firstMemberOfEach.entries()) {
      const ackAt = new Date(pressedAt.getTime() + (past.ackSeconds[index] ?? 120) * 1000);
      const onSceneAt = at(past.onSceneMinutes[index] ?? 40);
      const enRouteAt = new Date(ackAt.getTime() + 2 * MINUTE);
      await tx.insert(assignments).values({
        id: randomUUID(),
        incidentId,
        userId,
        planRoleId: role.id,
        departmentId: role.departmentId,
        roleName: role.name,
        instructions: role.instructions,
        materials: role.materials,
        targetLabel: role.targetLabel,
        targetLat: role.targetLat ?? 29.5873,
        targetLng: role.targetLng ?? 106.3291,
        status: 'done',
        sentAt: pressedAt,
        deliveredAt: new Date(pressedAt.getTime() + 3000),
        acknowledgedAt: ackAt,
        enRouteAt: enRouteAt < onSceneAt ? enRouteAt : null,
        onSceneAt,
        doneAt: at(90),
        closedAt: liftedAt,
        pushAttempts: 1,
      });
    }
    if (past.reportSignedMinutes !== null) await seedSignedInitialReport(tx, incidentId, past, at, ids);
    await audit('incident.lifted', 'incident', incidentId, liftedAt);
  }
  return created;
}

async function seedSignedInitialReport(
  tx: DbOrTx,
  incidentId: string,
  past: PastResponse,
  at: (minutes: number) => Date,
  ids: { dutyId: string; leaderId: string },
) {
  const reportId = randomUUID();
  const signedAt = at(past.reportSignedMinutes! - 4);
  await tx.insert(statutoryReports).values({ id: reportId, incidentId, kind: 'initial', seq: 1, createdBy: ids.dutyId, createdAt: at(5) });
  const content: StatutoryReportContent = {
    discoveredAt: at(-4).toISOString(),
    source: '河长巡河发现',
    location: { text: '梁滩河合谷段', lat: 29.5873, lng: 106.3291 },
    incidentType: 'water_oil',
    severity: past.severity,
    causeAndNature: past.description,
    pollutants: '石油类',
    enterprises: [],
    monitoring: [],
    casualties: '无',
    receptorsAffected: '下游无饮用水水源地',
    trend: '已得到控制',
    actionsTaken: '布设围油栏、吸油毡，截断排污阀',
    nextSteps: '持续监测',
    forcesAndMaterials: '生态环境、公安、应急管理',
    fieldReportIds: [],
    reportingUnit: '重庆高新区生态环境局',
    reporterName: '陈值班',
    contactPhone: '023-65801110',
    measuresAndResults: '',
    indirectLosses: '',
    socialImpact: '',
    remainingWork: '',
    accountability: '',
  };
  await tx.insert(statutoryReportVersions).values({
    id: randomUUID(),
    reportId,
    version: 1,
    content,
    savedBy: ids.dutyId,
    savedAt: at(past.reportSignedMinutes! - 10),
    signedOffBy: ids.leaderId,
    signedOffAt: signedAt,
  });
}
