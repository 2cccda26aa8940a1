export { getJurisdiction } from './get-jurisdiction';
