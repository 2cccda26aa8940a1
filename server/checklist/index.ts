export { completeChecklist } from './complete-checklist';
export { getChecklist } from './get-checklist';
export { saveChecklistStep } from './save-checklist-step';
