export { enqueueNotifications } from './enqueue-notifications';
export { resolveCardLink } from './resolve-card-link';
export { savePushSubscription } from './save-push-subscription';
export { deletePushSubscription } from './delete-push-subscription';
export { getPushConfig } from './get-push-config';
export { getChannelOverview } from './get-channel-overview';
export { createOutbox, startOutboxWorker } from './outbox-worker';
