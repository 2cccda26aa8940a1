export { getIncidentReview } from './get-incident-review';
export { listDrillHistory } from './list-drill-history';
export { buildReview } from './build-review';
export { scoreDrill } from './score-drill';
export { exportReviewPdf } from './export-review-pdf';
