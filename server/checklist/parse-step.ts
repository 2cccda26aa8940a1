import { CHECKLIST_STEP_SCHEMAS, checklistIssues, type ChecklistData, type ChecklistStepName } from '../contracts/checklist';
import { invalid } from '../kernel/errors';

/** One step's data, validated by the schema the wizard also uses; the first bad field is named. */
export function parseStep<Name extends ChecklistStepName>(name: Name, data: unknown): NonNullable<ChecklistData[Name]> {
  const schema = CHECKLIST_STEP_SCHEMAS[name];
  const result = schema.safeParse(data);
  if (result.success) return result.data as NonNullable<ChecklistData[Name]>;
  const [field, key] = Object.entries(checklistIssues(schema, data))[0] ?? ['body', 'invalid_input'];
  throw invalid(key, { field });
}
