export { acknowledgeAssignment } from './acknowledge-assignment';
export { getIncident } from './get-incident';
export { liftIncident } from './lift-incident';
export { listIncidents } from './list-incidents';
export { listMyAssignments } from './list-my-assignments';
export { markDelivered } from './mark-delivered';
export { triggerIncident } from './trigger-incident';
export { updateAssignmentStatus } from './update-assignment-status';
