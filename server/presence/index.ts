export { listPresence } from './list-presence';
export { createPresenceTracker, getPresence, setPresence, type PresenceTracker } from './presence-tracker';
export { trackPresence } from './track-presence';
