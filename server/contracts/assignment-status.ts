// PURE and free of zod: the order of an assignment's statuses, shared by the server and the phone.
export const ASSIGNMENT_STATUS_FLOW = ['sent', 'delivered', 'acknowledged', 'en_route', 'on_scene', 'done'] as const;
export type AssignmentStatusName = (typeof ASSIGNMENT_STATUS_FLOW)[number];

export const statusRank = (status: AssignmentStatusName) => ASSIGNMENT_STATUS_FLOW.indexOf(status);
