import type { z } from 'zod';
import { isAdminErrorKey } from '../contracts/admin';
import { invalid } from './errors';
import { parseInput } from './validation';

/**
 * Like parseInput, but an issue carrying one of the forms' own message keys becomes that
 * localized message (with its field), so the API says "password must be at least 8 characters"
 * rather than a generic "field password is not valid".
 */
export function parseAdminInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue && isAdminErrorKey(issue.message)) throw invalid(issue.message, { field: issue.path.join('.') || 'body' });
  return parseInput(schema, input);
}
