export { createFieldReport, type UploadedPhoto } from './create-field-report';
export { listFieldReports } from './list-field-reports';
export { readFieldPhotoFile } from './read-field-photo';
export { readReportForm } from './read-report-form';
export { FIELD_REPORT_MAX_BODY } from './limits';
