export { listEnterprises } from './list-enterprises';
export type { EnterpriseSummary } from './list-enterprises';
