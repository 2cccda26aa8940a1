export { exportStatutoryReport, EXPORT_FORMATS, type ExportFormat, type ExportedReport } from './export-statutory-report';
export { selectMapFeatures, layoutSketch } from './report-map';
