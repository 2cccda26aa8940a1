export { getStatistics } from './get-statistics';
export { statisticsCsv, statisticsXlsx } from './export-statistics';
