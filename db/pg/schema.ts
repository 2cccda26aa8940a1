import * as sqliteSchema from '../sqlite-schema';
import { derivePgTables } from './derive-pg-tables';

// PostgreSQL twin of db/schema.ts, derived from it (see derive-pg-tables.ts). drizzle-kit reads
// this file (drizzle.pg.config.ts), so it exports tables only, under the SQLite export names.
// tests/unit/pg-schema.test.ts fails when a SQLite table is missing here.
const pg = derivePgTables(sqliteSchema);

export const jurisdictions = pg.jurisdictions;
export const departments = pg.departments;
export const enterprises = pg.enterprises;
export const users = pg.users;
export const sessions = pg.sessions;
export const plans = pg.plans;
export const planRoles = pg.planRoles;
export const planRoleMembers = pg.planRoleMembers;
export const incidents = pg.incidents;
export const shortfalls = pg.shortfalls;
export const assignments = pg.assignments;
export const auditEvents = pg.auditEvents;
export const idempotencyKeys = pg.idempotencyKeys;

export const sitePlans = pg.sitePlans;
export const riskPoints = pg.riskPoints;
export const enterpriseContacts = pg.enterpriseContacts;
export const enterpriseMaterials = pg.enterpriseMaterials;
export const georefPoints = pg.georefPoints;
export const mapVersions = pg.mapVersions;
export const checklistDrafts = pg.checklistDrafts;

export const notifications = pg.notifications;
export const pushSubscriptions = pg.pushSubscriptions;

export const incidentUpdates = pg.incidentUpdates;
export const incidentEnterprises = pg.incidentEnterprises;
export const integrationTokens = pg.integrationTokens;
export const intakeReports = pg.intakeReports;
export const intakeSignatures = pg.intakeSignatures;
export const fieldReports = pg.fieldReports;
export const fieldReportPhotos = pg.fieldReportPhotos;
export const materialItems = pg.materialItems;
export const materialDepots = pg.materialDepots;
export const materialStock = pg.materialStock;
export const planRoleMaterials = pg.planRoleMaterials;
export const materialReservations = pg.materialReservations;
export const materialShortfalls = pg.materialShortfalls;
export const statutoryReports = pg.statutoryReports;
export const statutoryReportVersions = pg.statutoryReportVersions;
export const neighbourNotifications = pg.neighbourNotifications;
export const sensitiveReceptors = pg.sensitiveReceptors;
