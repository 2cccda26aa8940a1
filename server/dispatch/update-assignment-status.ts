import type { VerbContext } from '../context';
import { assignmentStatusInput } from '../contracts/dispatch';
import { parseInput } from '../kernel/validation';
import { advanceAssignment } from './advance-assignment';

/** 出发 → 到达 → 完成: forward only, never before 收到 (the allowed moves: server/contracts/assignment-lifecycle.ts). */
export async function updateAssignmentStatus({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { assignmentId, status, occurredAt } = parseInput(assignmentStatusInput, input);
  return advanceAssignment(ctx, assignmentId, status, { occurredAt });
}
