import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client is throttled under: an IPv4 address as is (an IPv4-mapped IPv6 address as its
 * IPv4 form), an IPv6 address by its /64 network, since one subscriber usually holds a whole /64
 * and could otherwise take a fresh address per guess. Anything else (no address) is one key.
 */
export function clientAddressKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unknown';
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, without leading zeros ('::' expanded, a zone id dropped). */
function ipv6Groups(address: string): string[] {
  const withoutZone = address.split('%')[0] ?? address;
  const [head = '', tail] = withoutZone.split('::');
  const part = (text: string) => (text === '' ? [] : text.split(':'));
  const headGroups = part(head);
  const tailGroups = tail === undefined ? [] : part(tail);
  // An embedded IPv4 tail (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) stands for two groups.
  const width = (groups: string[]) => groups.reduce((n, group) => n + (group.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - width(headGroups) - width(tailGroups) }, () => '0');
  return [...headGroups, ...zeros, ...tailGroups].map((group) => (group.includes('.') ? group : Number.parseInt(group, 16).toString(16)));
}
