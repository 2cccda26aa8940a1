import { dialectOf } from './dialect';
import * as pg from './pg/schema';
import * as sqlite from './sqlite-schema';

// The tables domain code queries, for the database DATABASE_URL names. Both sets have the same
// names, columns and row types (db/pg/derive-pg-tables.ts), and drizzle's query builder has the
// same shape for both, so verbs are written once against the SQLite types. The choice is made
// once per process, when this module loads: a process talks to one database.
// Constants and row types come from the SQLite definitions; the tables below replace the ones
// `export *` would give (a local export wins over a star export).
export * from './sqlite-schema';

const tables = (dialectOf(process.env.DATABASE_URL) === 'postgres' ? pg : sqlite) as unknown as typeof sqlite;

export const jurisdictions = tables.jurisdictions;
export const departments = tables.departments;
export const enterprises = tables.enterprises;
export const users = tables.users;
export const sessions = tables.sessions;
export const plans = tables.plans;
export const planRoles = tables.planRoles;
export const planRoleMembers = tables.planRoleMembers;
export const incidents = tables.incidents;
export const shortfalls = tables.shortfalls;
export const assignments = tables.assignments;
export const auditEvents = tables.auditEvents;
export const idempotencyKeys = tables.idempotencyKeys;

export const sitePlans = tables.sitePlans;
export const riskPoints = tables.riskPoints;
export const enterpriseContacts = tables.enterpriseContacts;
export const enterpriseMaterials = tables.enterpriseMaterials;
export const georefPoints = tables.georefPoints;
export const mapVersions = tables.mapVersions;
export const checklistDrafts = tables.checklistDrafts;

export const notifications = tables.notifications;
export const pushSubscriptions = tables.pushSubscriptions;

export const incidentUpdates = tables.incidentUpdates;
export const incidentEnterprises = tables.incidentEnterprises;
export const integrationTokens = tables.integrationTokens;
export const intakeReports = tables.intakeReports;
export const intakeSignatures = tables.intakeSignatures;
export const fieldReports = tables.fieldReports;
export const fieldReportPhotos = tables.fieldReportPhotos;
export const materialItems = tables.materialItems;
export const materialDepots = tables.materialDepots;
export const materialStock = tables.materialStock;
export const planRoleMaterials = tables.planRoleMaterials;
export const materialReservations = tables.materialReservations;
export const materialShortfalls = tables.materialShortfalls;
export const statutoryReports = tables.statutoryReports;
export const statutoryReportVersions = tables.statutoryReportVersions;
export const neighbourNotifications = tables.neighbourNotifications;
export const sensitiveReceptors = tables.sensitiveReceptors;
