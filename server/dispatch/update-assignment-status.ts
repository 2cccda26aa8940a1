import type { AssignmentStatus } from '../../db/schema';
import type { VerbContext } from '../context';
import { assignmentStatusInput, type FieldProgressStatus } from '../contracts/dispatch';
import { parseInput } from '../validation';
import { advanceAssignment } from './advance-assignment';

// 出发 → 到达 → 完成. Steps may be skipped forward (a person already at the point reports 到达
// straight away) but never backward, and never before 收到.
const ALLOWED_FROM: Record<FieldProgressStatus, AssignmentStatus[]> = {
  en_route: ['acknowledged'],
  on_scene: ['acknowledged', 'en_route'],
  done: ['acknowledged', 'en_route', 'on_scene'],
};

export async function updateAssignmentStatus({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { assignmentId, status, occurredAt } = parseInput(assignmentStatusInput, input);
  return advanceAssignment(ctx, assignmentId, status, ALLOWED_FROM[status], { occurredAt });
}
