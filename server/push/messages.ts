import type { AssignmentStatus } from '../contracts/assignment-lifecycle';
import type { AssignmentView } from '../contracts/dispatch';
import type { AssignmentUpdatedMessage } from '../contracts/events';

/**
 * `assignment:updated`, the board's row for one assignment. Its id is the fact that caused the
 * push: the status reached and, for a re-push, its attempt. A repeat of the same fact carries the
 * same id, so clients drop it; a new fact never reuses one.
 */
export function assignmentUpdatedMessage(
  assignment: AssignmentView,
  fact: { status?: AssignmentStatus; pushAttempt?: number } = {},
): AssignmentUpdatedMessage {
  const attempt = fact.pushAttempt === undefined ? '' : `:${fact.pushAttempt}`;
  return { messageId: `assignment:${assignment.id}:${fact.status ?? assignment.status}${attempt}`, assignment };
}
