/** Readers for the deployment files the tests check: Bicep by text (no compiler here), env files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

export function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export interface BicepParam {
  name: string;
  hasDefault: boolean;
}

/** `param name type [= default]` lines. */
export function bicepParams(text: string): BicepParam[] {
  return [...text.matchAll(/^param\s+(\w+)\s+\w+(\s*=.*)?$/gm)].map((m) => ({ name: m[1], hasDefault: Boolean(m[2]) }));
}

export function bicepOutputs(text: string): string[] {
  return [...text.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]);
}

/** The site's app settings, in order: name and the Bicep expression of its value. */
export function bicepAppSettings(text: string): { name: string; value: string }[] {
  const start = text.indexOf('appSettings: [');
  if (start < 0) throw new Error('no appSettings block');
  const block = text.slice(start, text.indexOf('\n      ]', start));
  return [...block.matchAll(/\{\s*name:\s*'([^']+)'\s*,?\s*value:\s*(.+?)\s*\}\s*$/gm)].map((m) => ({ name: m[1], value: m[2] }));
}

/** `module sym 'path' = ... { params: { a: ..., b: ... } }`: the path and the parameter names passed. */
export function bicepModules(text: string): { path: string; params: string[] }[] {
  return [...text.matchAll(/^module\s+\w+\s+'([^']+)'\s*=[^{]*\{([\s\S]*?)^\}/gm)].map((m) => {
    const params = /params:\s*\{([\s\S]*?)\n {2}\}/.exec(m[2])?.[1] ?? '';
    return { path: m[1], params: [...params.matchAll(/^\s+(\w+):/gm)].map((p) => p[1]) };
  });
}

/** KEY=value lines of a dotenv file (comments and blanks skipped). */
export function envFile(path: string): Map<string, string> {
  const entries = read(path)
    .split('\n')
    .map((line) => /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null);
  return new Map(entries.map((m) => [m[1], m[2]]));
}

/** Every ${{NAME}} placeholder in a text. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z0-9_:]+)\s*\}\}/g)].map((m) => m[1]))];
}

/** The names a reader function asks of its environment, as the configuration code reads them. */
export function namesRead(read: (env: Record<string, string | undefined>) => unknown, env: Record<string, string>): Set<string> {
  const names = new Set<string>();
  const recording = new Proxy(env, {
    get(target, property) {
      if (typeof property === 'string') names.add(property);
      return target[property as string];
    },
  });
  read(recording);
  return names;
}
