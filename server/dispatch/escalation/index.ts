export { startEscalationWorker } from './escalation-worker';
export { runEscalationTick } from './run-escalation-tick';
