/** Set by the custom server on every request from the TCP peer address (see start-server.ts). */
export const REMOTE_ADDRESS_HEADER = 'x-ecodispatch-remote-address';
