import type { VerbContext } from '../context';
import { assignmentActionInput } from '../contracts/dispatch';
import { parseInput } from '../kernel/validation';
import { advanceAssignment } from './advance-assignment';

/** 收到: the assignee confirms the role card. A repeat is a Conflict, not a second write. */
export async function acknowledgeAssignment({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { assignmentId, occurredAt } = parseInput(assignmentActionInput, input);
  return advanceAssignment(ctx, assignmentId, 'acknowledged', { occurredAt });
}
