export { createPlan } from './create-plan';
export { getAdminPlan } from './get-admin-plan';
export { listAdminPlans } from './list-admin-plans';
export { listPlans } from './list-plans';
export { setPlanActive } from './set-plan-active';
export { updatePlan } from './update-plan';
