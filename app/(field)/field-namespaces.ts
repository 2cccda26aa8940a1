// What the phone page's client components (components/field, maps, push, realtime, ui) read with
// useTranslations. tests/unit/field-namespaces.test.ts checks this against their source, so a
// component that starts using another namespace fails a test instead of a phone.
export const FIELD_NAMESPACES = [
  'common',
  'auth',
  'errors',
  'field',
  'offline',
  'oneMap',
  'channels.push',
  'deliveryOutcome.supervisorAlert',
  'fieldReports',
  'reinforce',
  'materials',
] as const;
