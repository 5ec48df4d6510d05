import { isIP } from 'node:net';

/**
 * The checks resolve and connect to names people type, from wherever the bot runs (often inside
 * a company network or an Azure VNet). Without these rules a chat message could make the bot
 * probe internal hosts or the cloud metadata endpoint, so every target is a public DNS name and
 * every address it resolves to is a public internet address, unless an operator opts out.
 */

export type HostProblem = 'missing' | 'ipLiteral' | 'singleLabel' | 'invalid';

export type ServiceHost = { ok: true; host: string } | { ok: false; problem: HostProblem; input: string };

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_NAME = 253;

/**
 * The host name in what someone typed: a scheme, path, port and trailing dot are dropped, the
 * case is kept (it matters for a certificate's common name, not for DNS). IP literals, single
 * labels (which a system resolver completes with its own search domains) and anything that is not
 * a DNS host name are refused.
 */
export function serviceHost(input: string | undefined): ServiceHost {
  const typed = (input ?? '').trim();
  if (!typed) return { ok: false, problem: 'missing', input: typed };
  let host = typed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/?#].*$/, '');
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host);
  if (bracketed || isIP(host)) return { ok: false, problem: 'ipLiteral', input: typed };
  host = host.replace(/:\d*$/, '').replace(/\.$/, '');
  if (isIP(host)) return { ok: false, problem: 'ipLiteral', input: typed };
  const labels = host.split('.');
  if (host.length > MAX_NAME || !labels.every((label) => LABEL.test(label))) return { ok: false, problem: 'invalid', input: typed };
  // Top-level domains are never numeric: "10.1" or "127.1" are address shorthands, not names.
  if (/^\d+$/.test(labels[labels.length - 1])) return { ok: false, problem: 'ipLiteral', input: typed };
  if (labels.length < 2) return { ok: false, problem: 'singleLabel', input: typed };
  return { ok: true, host };
}

export type AddressKind = 'public' | 'loopback' | 'private' | 'linkLocal' | 'sharedCgnat' | 'metadata' | 'uniqueLocal' | 'unspecified' | 'multicast' | 'reserved';

type Range4 = readonly [base: string, bits: number, kind: Exclude<AddressKind, 'public'>];

/** Most specific first: the metadata hosts sit inside ranges of another kind. */
const RANGES_V4: readonly Range4[] = [
  // Azure Instance Metadata Service, and the same address on AWS and GCP.
  ['169.254.169.254', 32, 'metadata'],
  // Azure's platform virtual IP (WireServer): host agent and DNS for VMs, never a CMG.
  ['168.63.129.16', 32, 'metadata'],
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'sharedCgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'linkLocal'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

type Range6 = readonly [base: string, bits: number, kind: Exclude<AddressKind, 'public'> | 'embedsV4'];

const RANGES_V6: readonly Range6[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  // IPv4-mapped and NAT64 addresses reach the IPv4 address inside them.
  ['::ffff:0:0', 96, 'embedsV4'],
  ['64:ff9b::', 96, 'embedsV4'],
  ['64:ff9b:1::', 48, 'reserved'],
  // Deprecated IPv4-compatible form; no public host uses it.
  ['::', 96, 'reserved'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  // AWS's IPv6 metadata endpoint, inside the unique-local range.
  ['fd00:ec2::254', 128, 'metadata'],
  ['fc00::', 7, 'uniqueLocal'],
  ['fe80::', 10, 'linkLocal'],
  ['fec0::', 10, 'reserved'],
  ['ff00::', 8, 'multicast'],
];

function v4Number(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

function v6Number(address: string): bigint {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4Number(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const parts = [...headParts, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailParts];
  return parts.reduce((value, part) => (value << 16n) + BigInt(parseInt(part, 16)), 0n);
}

function inRange4(value: number, base: string, bits: number): boolean {
  const size = 2 ** (32 - bits);
  const start = v4Number(base);
  return value >= start && value < start + size;
}

function inRange6(value: bigint, base: string, bits: number): boolean {
  const shift = BigInt(128 - bits);
  return value >> shift === v6Number(base) >> shift;
}

function kindOf4(address: string): AddressKind {
  const value = v4Number(address);
  return RANGES_V4.find(([base, bits]) => inRange4(value, base, bits))?.[2] ?? 'public';
}

/** What kind of address this is; anything unparsable counts as reserved, never as public. */
export function addressKind(address: string): AddressKind {
  const family = isIP(address.replace(/%.*$/, ''));
  if (family === 4) return kindOf4(address);
  if (family !== 6) return 'reserved';
  const value = v6Number(address);
  const range = RANGES_V6.find(([base, bits]) => inRange6(value, base, bits));
  if (!range) return 'public';
  if (range[2] !== 'embedsV4') return range[2];
  const low = Number(value & 0xffffffffn);
  return kindOf4([low >>> 24, (low >>> 16) & 255, (low >>> 8) & 255, low & 255].join('.'));
}

/** May a check connect to (or show) this address? */
export function addressAllowed(address: string, allowPrivateAddresses: boolean): boolean {
  return allowPrivateAddresses || addressKind(address) === 'public';
}
