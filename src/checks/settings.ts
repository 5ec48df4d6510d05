import { isIP } from 'node:net';
import { ConfigError, Env, readBool, readInt, readOptional } from '../env';

export interface ChecksSettings {
  /** DNS servers for the CNAME and endpoint checks, as `ip` or `ip:port` (`[v6]:port`); empty = the system's. */
  dnsServers: string[];
  /** Per DNS query attempt; each query is tried twice. */
  dnsTimeoutMs: number;
  /** Port of the endpoint check's TLS handshake: the CMG serves clients on 443. */
  probePort: number;
  /** Longest wait for the TCP connection and TLS handshake together. */
  probeTimeoutMs: number;
  /**
   * Longest time one check may take, all DNS queries and the handshake included, so a slow
   * server cannot hold a Teams turn (Teams gives a bot about 15 seconds to answer).
   */
  deadlineMs: number;
  /** Checks may resolve to and connect to loopback, private and metadata addresses (tests, labs). */
  allowPrivateAddresses: boolean;
  /** Checks running at once in one conversation; more get a "wait" answer. */
  perConversation: number;
  /** Checks running at once across the whole bot. */
  total: number;
  /** PEM file of extra root CAs the endpoint check trusts besides the public ones (your enterprise PKI). */
  trustedCaFile?: string;
}

/** `1.2.3.4`, `1.2.3.4:53`, `::1` or `[::1]:53`, in the form node:dns `setServers` takes. */
function dnsServer(entry: string): string | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  const withPort = /^([^:]+):(\d{1,5})$/.exec(entry);
  const [address, port] = bracketed ? [bracketed[1], bracketed[2]] : withPort ? [withPort[1], withPort[2]] : [entry, undefined];
  const family = isIP(address);
  if (!family || (withPort && family !== 4)) return undefined;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return undefined;
  if (port === undefined) return address;
  return family === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

function readDnsServers(env: Env): string[] {
  const raw = readOptional(env, 'DNS_SERVERS');
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const server = dnsServer(entry);
      if (!server) throw new ConfigError('DNS_SERVERS', 'a comma-separated list of ip or ip:port ([ipv6]:port)', entry);
      return server;
    });
}

/** Reads the live-checks section; every bad value names its variable. */
export function readChecksSettings(env: Env): ChecksSettings {
  const dnsTimeoutMs = readInt(env, 'DNS_TIMEOUT_MS', 2000, 100, 30_000);
  const probeTimeoutMs = readInt(env, 'CMG_PROBE_TIMEOUT_MS', 5000, 100, 30_000);
  const deadlineMs = readInt(env, 'CHECKS_DEADLINE_MS', 10_000, 200, 60_000);
  const perConversation = readInt(env, 'CHECKS_PER_CONVERSATION', 2, 1, 20);
  const total = readInt(env, 'CHECKS_TOTAL', 16, 1, 500);
  if (total < perConversation) throw new ConfigError('CHECKS_TOTAL', `at least CHECKS_PER_CONVERSATION (${perConversation})`, String(total));
  return {
    dnsServers: readDnsServers(env),
    dnsTimeoutMs,
    probePort: readInt(env, 'CMG_PROBE_PORT', 443, 1, 65535),
    probeTimeoutMs,
    deadlineMs,
    allowPrivateAddresses: readBool(env, 'CHECKS_ALLOW_PRIVATE_ADDRESSES', false),
    perConversation,
    total,
    trustedCaFile: readOptional(env, 'CHECKS_TRUSTED_CA_FILE'),
  };
}
