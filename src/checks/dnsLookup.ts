import { Resolver } from 'node:dns/promises';

/** How a DNS question can end without an answer; each has its own message. */
export type DnsFailureCode = 'nxdomain' | 'noData' | 'timeout' | 'failed';

export class DnsFailure extends Error {
  constructor(
    readonly code: DnsFailureCode,
    /** The resolver's own code (ESERVFAIL, EREFUSED, …), for the message and the log. */
    readonly detail: string,
  ) {
    super(`DNS ${code} (${detail})`);
    this.name = 'DnsFailure';
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * The DNS questions the checks ask, one lookup per check so a deadline can cancel all of its
 * queries at once. Rejects with DnsFailure only.
 */
export interface DnsLookup {
  /** The CNAME target of `name` (one hop, never followed). */
  cname(name: string): Promise<string>;
  /** A and AAAA records of `name` (the server follows CNAMEs), IPv4 first. */
  addresses(name: string): Promise<ResolvedAddress[]>;
  /** Ends every query still waiting; they reject as timeouts. */
  cancel(): void;
}

export type OpenDnsLookup = () => DnsLookup;

/** Two attempts per query: one lost UDP packet is common, a third wait rarely helps inside a turn. */
const TRIES = 2;

function failureOf(error: unknown): DnsFailure {
  const code = (error as { code?: string }).code ?? 'UNKNOWN';
  if (code === 'ENOTFOUND') return new DnsFailure('nxdomain', code);
  if (code === 'ENODATA') return new DnsFailure('noData', code);
  if (code === 'ETIMEOUT' || code === 'ECANCELLED') return new DnsFailure('timeout', code);
  return new DnsFailure('failed', code);
}

/** Picks the one failure that describes both A and AAAA best: a missing name beats a slow server. */
function combined(failures: DnsFailure[]): DnsFailure {
  for (const code of ['nxdomain', 'timeout', 'failed'] as const) {
    const found = failures.find((failure) => failure.code === code);
    if (found) return found;
  }
  return failures[0] ?? new DnsFailure('noData', 'ENODATA');
}

/** node:dns with the configured servers (or the system's), a per-query timeout and two tries. */
export function nodeDnsLookup(servers: readonly string[], timeoutMs: number): OpenDnsLookup {
  return () => {
    const resolver = new Resolver({ timeout: timeoutMs, tries: TRIES, maxTimeout: timeoutMs });
    if (servers.length > 0) resolver.setServers([...servers]);
    return {
      async cname(name) {
        try {
          const targets = await resolver.resolveCname(name);
          if (targets.length === 0) throw new DnsFailure('noData', 'ENODATA');
          return targets[0];
        } catch (error) {
          throw error instanceof DnsFailure ? error : failureOf(error);
        }
      },
      async addresses(name) {
        const [v4, v6] = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
        const found: ResolvedAddress[] = [
          ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
          ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
        ];
        if (found.length > 0) return found;
        throw combined([v4, v6].flatMap((result) => (result.status === 'rejected' ? [failureOf(result.reason)] : [])));
      },
      cancel() {
        resolver.cancel();
      },
    };
  };
}
