export { confirmReport } from './confirm-report';
export { dismissReport } from './dismiss-report';
export { fileReport } from './file-report';
export { listPendingReports } from './list-reports';
