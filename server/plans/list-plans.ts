import { asc, eq, inArray } from 'drizzle-orm';
import { departments, planRoleMembers, planRoles, plans, type EscalationStep } from '../../db/schema';
import type { VerbContext } from '../context';
import { forbidden } from '../kernel/errors';
import type { PlanRoleView, PlanView } from '../contracts/views';

/** The response plans of the caller's jurisdiction, each with its roles in order. */
export async function listPlans({ ctx, includeInactive = false }: { ctx: VerbContext; includeInactive?: boolean }): Promise<PlanView[]> {
  const { actor, db } = ctx;
  if (actor.role === 'enterprise') throw forbidden();
  const planRows = await db
    .select()
    .from(plans)
    .where(eq(plans.jurisdictionId, actor.jurisdictionId))
    .orderBy(asc(plans.createdAt), asc(plans.name));
  const visible = planRows.filter((plan) => includeInactive || plan.isActive);
  if (visible.length === 0) return [];
  const roleRows = await db
    .select({ role: planRoles, department: departments.name, departmentEn: departments.nameEn })
    .from(planRoles)
    .innerJoin(departments, eq(departments.id, planRoles.departmentId))
    .where(
      inArray(
        planRoles.planId,
        visible.map((plan) => plan.id),
      ),
    )
    .orderBy(asc(planRoles.position));
  const members = roleRows.length
    ? await db
        .select()
        .from(planRoleMembers)
        .where(
          inArray(
            planRoleMembers.planRoleId,
            roleRows.map((row) => row.role.id),
          ),
        )
        .orderBy(asc(planRoleMembers.priority))
    : [];
  return visible.map((plan) => ({
    id: plan.id,
    name: plan.name,
    incidentType: plan.incidentType,
    description: plan.description,
    isActive: plan.isActive,
    targets: plan.targets,
    roles: roleRows
      .filter((row) => row.role.planId === plan.id)
      .map(({ role, department, departmentEn }) => ({
        id: role.id,
        departmentId: role.departmentId,
        department,
        departmentEn,
        name: role.name,
        instructions: role.instructions,
        materials: role.materials
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        target: { label: role.targetLabel, lat: role.targetLat, lng: role.targetLng },
        requiredCount: role.requiredCount,
        memberIds: members.filter((member) => member.planRoleId === role.id).map((member) => member.userId),
        ackTimeoutSeconds: role.ackTimeoutSeconds,
        escalationSteps: role.escalationSteps,
        requiresPhoto: role.requiresPhoto,
      })),
  }));
}
