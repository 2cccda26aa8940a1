import { BlockList, isIP } from 'node:net';

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
export const plainAddress = (address: string) =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges (`10.0.0.5`, `10.0.0.0/8`, `::1`, `fd00::/8`).
 * Returns null for an entry that is neither, so the environment check can name it.
 */
export function trustedProxyList(entries: readonly string[]): BlockList | null {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(plainAddress(address));
    if (family === 0 || rest.length > 0) return null;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(plainAddress(address), type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return null;
    list.addSubnet(plainAddress(address), bits, type);
  }
  return list;
}
