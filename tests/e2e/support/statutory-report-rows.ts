import { randomUUID } from 'node:crypto';
import { openE2eDatabase } from './database-snapshot';

/**
 * A signed-off 初报 (version 1) of `incidentId`, written straight into the e2e database so the export
 * can be tried before any route drafts reports. Returns the export's path without the format.
 */
export function insertStatutoryReport(incidentId: string, fieldReportIds: string[] = []): string {
  const db = openE2eDatabase(true);
  try {
    const { id: dutyId } = db.prepare('select id from users where username = ?').get('duty') as { id: string };
    const { id: signerId } = db.prepare('select id from users where username = ?').get('duty2') as { id: string };
    const reportId = randomUUID();
    const now = Date.now();
    const content = {
      discoveredAt: new Date(now - 20 * 60_000).toISOString(),
      source: '梁滩河河长 电话报告',
      location: { text: '梁滩河西永段', lat: 29.5873, lng: 106.3291 },
      incidentType: 'water_oil',
      severity: 'IV',
      causeAndNature: '疑似非法倾倒废机油。',
      pollutants: '废矿物油',
      enterprises: [],
      monitoring: [{ pollutant: '石油类', value: 3.2, unit: 'mg/L', point: '排污口下游 500 米', takenAt: new Date(now).toISOString() }],
      casualties: '无',
      receptorsAffected: '下游取水口未受影响',
      trend: '稳定',
      actionsTaken: '布设围油栏',
      nextSteps: '继续监测',
      forcesAndMaterials: '环境、公安、应急 3 人',
      fieldReportIds,
      reportingUnit: '重庆高新区生态环境局',
      reporterName: '陈值班',
      contactPhone: '023-65801110',
      measuresAndResults: '',
      indirectLosses: '',
      socialImpact: '',
      remainingWork: '',
      accountability: '',
    };
    db.prepare('insert into statutory_reports (id, incident_id, kind, seq, created_by, created_at) values (?, ?, ?, 1, ?, ?)').run(
      reportId,
      incidentId,
      'initial',
      dutyId,
      now,
    );
    db.prepare(
      'insert into statutory_report_versions (id, report_id, version, content, saved_by, saved_at, signed_off_by, signed_off_at) values (?, ?, 1, ?, ?, ?, ?, ?)',
    ).run(randomUUID(), reportId, JSON.stringify(content), dutyId, now, signerId, now);
    return `/api/incidents/${incidentId}/statutory-reports/${reportId}/versions/1/export`;
  } finally {
    db.close();
  }
}
