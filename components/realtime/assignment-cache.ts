'use client';

import { statusRank } from '@/server/contracts/assignment-lifecycle';
import type { AssignmentView } from '@/server/contracts/dispatch';
import type { AppSocket } from './socket-client';

// The board's pushes are not lost between pages. After 一键启动 the officer's tab moves from the
// dashboard to the board while the phones' receipts arrive: their `assignment:updated` pushes
// reached a page with no board on it, and the board's server render could be older than them,
// so for seconds it said 未送达 for cards the phones already had (issue 15). This tab-wide
// record of the latest card states, kept from the moment the socket exists, lets the board start
// from the freshest of its page data and what was pushed meanwhile.

const LIMIT = 2_000;
const latest = new Map<string, AssignmentView>();

/**
 * A re-read that left before a push may land after it: never let it move anything backwards.
 * Within one status, a later push attempt is newer news (the board counts them).
 */
export function fresherAssignment(current: AssignmentView, incoming: AssignmentView): AssignmentView {
  return statusRank(incoming.status) > statusRank(current.status) ||
    (incoming.closedAt !== null && current.closedAt === null) ||
    (incoming.status === current.status && incoming.pushAttempts > current.pushAttempts)
    ? incoming
    : current;
}

/** Remembers a pushed card state (the fresher of it and what was already known). */
export function rememberAssignment(assignment: AssignmentView) {
  const known = latest.get(assignment.id);
  latest.delete(assignment.id);
  latest.set(assignment.id, known ? fresherAssignment(known, assignment) : assignment);
  if (latest.size > LIMIT) latest.delete(latest.keys().next().value as string);
}

/** The given cards, each replaced by a fresher state this tab was pushed, if any. */
export function withRememberedAssignments(assignments: AssignmentView[]): AssignmentView[] {
  return assignments.map((assignment) => {
    const known = latest.get(assignment.id);
    return known ? fresherAssignment(assignment, known) : assignment;
  });
}

/** Installed once per socket, before any page subscribes: every card push is remembered. */
export function rememberAssignmentPushes(socket: AppSocket) {
  socket.on('assignment:updated', ({ assignment }) => rememberAssignment(assignment));
}

/** For tests: forget everything. */
export function forgetAssignments() {
  latest.clear();
}
