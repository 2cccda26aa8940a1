import type { Emitter } from './emitter';

/**
 * Announces nothing: for scripts, benchmarks and tests that run verbs on a database with no
 * server (and so nobody connected) to tell.
 */
export const silentEmitter: Emitter = {
  assignmentNew: async () => false,
  assignmentUpdated: () => {},
  incidentUpdated: () => {},
  incidentLifted: () => {},
  incidentUpdatePosted: () => {},
  assignmentStoodDown: () => {},
  mapPublished: () => {},
  escalationRaised: () => {},
  reportUpdated: () => {},
  fieldReportAdded: () => {},
  materialsUpdated: () => {},
};
