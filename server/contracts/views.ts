// PURE: the shapes pages hand to client components. Written here, not beside the verbs that build
// them, so browser code depends on contracts only (tests/unit/boundaries.test.ts).
import type { DrillTargets } from './drill-targets';
import type { EscalationStep } from './escalation';
import type { RiskLevel } from './one-map-kinds';

/** What a page passes to its map: the tile URL may be empty, and then maps draw a plain background. */
export type MapConfig = { tileUrl: string; attribution: string };

export type PlanRoleView = {
  id: string;
  departmentId: string;
  department: string;
  /** The department's English name, for the English screens. */
  departmentEn: string;
  name: string;
  instructions: string;
  materials: string[];
  target: { label: string; lat: number | null; lng: number | null };
  requiredCount: number;
  memberIds: string[];
  /** Escalation policy (docs/escalation.md). */
  ackTimeoutSeconds: number;
  escalationSteps: EscalationStep[];
  /** 拍照取证: a photo (field report) is needed before the role can be marked done. */
  requiresPhoto: boolean;
};
export type PlanView = {
  id: string;
  name: string;
  incidentType: string;
  description: string;
  isActive: boolean;
  /** What a drill under this plan is scored against (seconds). */
  targets: DrillTargets;
  roles: PlanRoleView[];
};

export type EnterpriseSummary = {
  id: string;
  name: string;
  riskLevel: RiskLevel;
  location: { lat: number; lng: number };
  address: string;
  industry: string;
};

/** One field responder as the duty officer sees them before and during a call-out. */
export type PresenceView = {
  userId: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  department: string | null;
  isOnDuty: boolean;
  /** The department's supervisor: kept free to coordinate, paged only by a plan that names them. */
  isSupervisor: boolean;
  isOnline: boolean;
  lastSeenAt: string | null;
};

export type JurisdictionView = { id: string; name: string; nameEn: string; center: { lat: number; lng: number }; zoom: number };
