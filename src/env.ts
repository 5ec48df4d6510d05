/**
 * Small readers that turn environment strings into typed values. Each failure names the
 * variable and what it accepts, so a bad deployment stops with one line an admin can act on.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly got: string | undefined,
  ) {
    super(`Invalid ${variable}: expected ${expected}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}`);
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The trimmed value, or undefined when unset or blank. */
export function readOptional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function readString(env: Env, name: string, fallback: string): string {
  return readOptional(env, name) ?? fallback;
}

export function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = readOptional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw);
  }
  return value;
}

/** A decimal number (`0.01`, `8`, `1.5`), so hour settings can be short enough to watch in a trial run. */
export function readDecimal(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = readOptional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `a number from ${min} to ${max} (decimals allowed, e.g. 0.5)`, raw);
  }
  return value;
}

export function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = readOptional(env, name);
  if (raw === undefined) return fallback;
  const lowered = raw.toLowerCase();
  if (['true', '1', 'yes'].includes(lowered)) return true;
  if (['false', '0', 'no'].includes(lowered)) return false;
  throw new ConfigError(name, 'true or false', raw);
}

/** Case-insensitive choice; returns the canonical spelling from `allowed`. */
export function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = readOptional(env, name);
  if (raw === undefined) return fallback;
  const match = allowed.find((option) => option.toLowerCase() === raw.toLowerCase());
  if (!match) throw new ConfigError(name, `one of ${allowed.join(', ')}`, raw);
  return match;
}

export function readGuid(env: Env, name: string): string | undefined {
  const raw = readOptional(env, name);
  if (raw === undefined) return undefined;
  if (!GUID.test(raw)) throw new ConfigError(name, 'a GUID like 00000000-0000-0000-0000-000000000000', raw);
  return raw.toLowerCase();
}

/** Comma- or space-separated Entra object ids, lower-cased so comparisons are exact. */
export function readGuidList(env: Env, name: string): string[] {
  const raw = readOptional(env, name);
  if (raw === undefined) return [];
  const ids = raw.split(/[\s,;]+/).filter(Boolean);
  const bad = ids.find((id) => !GUID.test(id));
  if (bad) throw new ConfigError(name, 'a comma-separated list of Entra object ids (GUIDs)', bad);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

export function readUrl(env: Env, name: string, protocols: readonly string[] = ['https:']): string | undefined {
  const raw = readOptional(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `an absolute URL (${protocols.join(' or ')})`, raw);
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(name, `an absolute URL (${protocols.join(' or ')})`, raw);
  return raw.replace(/\/+$/, '');
}
