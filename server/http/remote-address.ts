import { isIP, type BlockList } from 'node:net';
import { plainAddress as plain } from '../kernel/config/trusted-proxies';

/** Set by the custom server on every request to the client's address (see start-server.ts); any incoming value is replaced. */
export const REMOTE_ADDRESS_HEADER = 'x-ecodispatch-remote-address';

const isTrusted = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/**
 * The address a request came from. X-Forwarded-For is believed only as far as it was written by
 * proxies we trust: read from the right (the hop nearest us), skip trusted proxies, and the first
 * address that is not one is the client. A client cannot forge its way past that: whatever it put
 * in the header sits to the left of the address our own proxy saw.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let client = plain(peer ?? 'unknown');
  if (!isTrusted(trusted, client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => plain(hop.trim()))
    .filter(Boolean);
  for (const hop of hops.reverse()) {
    if (isIP(hop) === 0) break; // not an address: stop at the last one we could believe
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}
