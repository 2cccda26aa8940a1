import type { z } from 'zod';
import { invalid } from './errors';

/** Parses untrusted input or throws an `invalid_input` error naming the first bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  throw invalid('invalidField', { field, reason: issue?.message ?? 'invalid' });
}
