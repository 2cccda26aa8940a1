export { createStatutoryReport } from './create-statutory-report';
export { getStatutoryReport } from './get-statutory-report';
export { listIncidentReports } from './list-incident-reports';
export { recordNeighbourNotification } from './record-neighbour-notification';
export { saveReportVersion } from './save-report-version';
export { signOffReportVersion } from './sign-off-report-version';
