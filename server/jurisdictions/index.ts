export { getJurisdiction } from './get-jurisdiction';
export type { JurisdictionView } from './get-jurisdiction';
