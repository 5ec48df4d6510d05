/**
 * Preloaded into a bot process a test starts (`node -r ts-node/register -r ./loopbackGuard.ts`):
 * refuses, and records, every outgoing connection and name look-up that is not for the loopback
 * interface, before a byte leaves the machine. At exit it writes what it saw, and which
 * telemetry modules were loaded, to the JSON file named by LOOPBACK_GUARD_REPORT.
 */
import dns from 'node:dns';
import { writeFileSync } from 'node:fs';
import { isIP, Socket } from 'node:net';

export interface GuardReport {
  /** "host:port" (or a looked-up name) of each refused attempt, in order. */
  refused: string[];
  /** Loaded modules from the telemetry packages (@opentelemetry/*, @azure/monitor-*). */
  telemetryModules: string[];
}

const refused: string[] = [];
/** A loopback address treated as outside, so a test can show the guard works without sending anything off the machine. */
const tripwire = process.env.LOOPBACK_GUARD_TRIPWIRE;

function isLoopback(host: string | undefined): boolean {
  if (tripwire && host === tripwire) return false;
  if (!host || host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare.startsWith('::ffff:127.');
  return false;
}

const connect = Socket.prototype.connect;
Socket.prototype.connect = function guardedConnect(this: Socket, ...args: unknown[]) {
  // net.connect hands over [options, callback] already normalized; direct calls pass (options | port, host).
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  const options = (typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined }) as { host?: string; port?: number; path?: string };
  if (!options.path && !isLoopback(options.host)) {
    refused.push(`${options.host}:${options.port}`);
    process.nextTick(() => this.destroy(Object.assign(new Error(`connect ECONNREFUSED ${options.host} (loopback guard)`), { code: 'ECONNREFUSED' })));
    return this;
  }
  return (connect as (...a: unknown[]) => Socket).apply(this, args);
} as typeof Socket.prototype.connect;

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!isLoopback(hostname) && isIP(hostname) === 0) {
    refused.push(hostname);
    const callback = rest[rest.length - 1] as (error: Error) => void;
    process.nextTick(() => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (loopback guard)`), { code: 'ENOTFOUND' })));
    return;
  }
  return (lookup as (...a: unknown[]) => void)(hostname, ...rest);
} as typeof dns.lookup;

process.on('exit', () => {
  const file = process.env.LOOPBACK_GUARD_REPORT;
  if (!file) return;
  const names = Object.keys(require.cache).map((path) => /node_modules\/(@opentelemetry\/[^/]+|@azure\/monitor-[^/]+)\//.exec(path)?.[1]);
  const telemetryModules = [...new Set(names.filter((name): name is string => Boolean(name)))].sort();
  const report: GuardReport = { refused, telemetryModules };
  writeFileSync(file, JSON.stringify(report));
});
