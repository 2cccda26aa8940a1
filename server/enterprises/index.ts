export { listEnterprises } from './list-enterprises';
