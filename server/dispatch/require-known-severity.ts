import { isSeverity } from '../contracts/severity';
import { invalid } from '../kernel/errors';

/** A severity that is given must be one of the four levels: refused with its own message, not a generic field error. */
export function requireKnownSeverity(input: unknown): void {
  if (typeof input !== 'object' || input === null || !('severity' in input)) return;
  const { severity } = input as { severity: unknown };
  if (severity != null && !isSeverity(severity)) throw invalid('unknownSeverity', { field: 'severity' });
}
