// How quickly a silently dead phone (flat battery, lift, tunnel: no TCP close ever arrives) is
// marked offline. Engine.IO pings every PING_INTERVAL_MS and drops a connection whose pong has
// not come back within PING_TIMEOUT_MS, so the worst case is a phone that died just after a
// pong: it is noticed PING_INTERVAL_MS + PING_TIMEOUT_MS = 14 s later (about 10 s on average),
// inside the "about 15 s" the duty officer needs. The 7 s pong allowance tolerates a congested
// mobile link; a shorter one would flap phones offline on 3G. The defaults (25 s + 20 s) would
// leave a dead phone green on the board for up to 45 s.
export const PING_INTERVAL_MS = 7_000;
export const PING_TIMEOUT_MS = 7_000;
/** The longest a dead connection can still count as online. */
export const OFFLINE_DETECTION_MS = PING_INTERVAL_MS + PING_TIMEOUT_MS;
