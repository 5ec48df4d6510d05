import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * src/ reads top-down: composition root → bot → capabilities → storage and shared helpers.
 * These tests read every import in src/ (tests excepted) and fail on one that runs upward, and
 * on any circle between files or between capability folders.
 */
const SRC = join(__dirname, '..', '..', 'src');

const ROOT = ['index.ts', 'app.ts', 'config.ts', 'server.ts'];
const CAPABILITIES = ['knowledge', 'naming', 'guidance', 'providers', 'namePreflight', 'cutover', 'reminders', 'checks'];
const GROUND_FOLDERS = ['storage', 'i18n', 'text', 'telemetry', 'arm'];
const GROUND_FILES = ['turn.ts', 'ports.ts', 'cardTemplates.ts', 'clock.ts', 'log.ts', 'env.ts', 'retryAfter.ts'];

type Room = 'root' | 'bot' | 'capability' | 'ground';
const RANK: Record<Room, number> = { root: 3, bot: 2, capability: 1, ground: 0 };

function roomOf(file: string): Room {
  const [first] = file.split('/');
  if (ROOT.includes(file)) return 'root';
  if (first === 'bot') return 'bot';
  if (CAPABILITIES.includes(first)) return 'capability';
  if (GROUND_FOLDERS.includes(first) || GROUND_FILES.includes(file)) return 'ground';
  throw new Error(`src/${file} is in no room: add it to test/unit/layers.test.ts`);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return relative(SRC, candidate).split('\\').join('/');
    } catch {
      // try the next form
    }
  }
  throw new Error(`${relative(SRC, from)} imports ${specifier}, which does not resolve`);
}

const files = sources(SRC);
const graph = new Map<string, string[]>(
  files.map((path) => {
    const text = readFileSync(path, 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
    return [relative(SRC, path).split('\\').join('/'), specifiers.filter((s) => !s.endsWith('.json')).map((s) => resolveImport(path, s))];
  }),
);

describe('the rooms of src/', () => {
  it('puts every file in a room', () => {
    expect(() => [...graph.keys()].forEach(roomOf)).not.toThrow();
  });

  it('never imports from a higher room', () => {
    const upward = [...graph].flatMap(([file, imports]) => imports.filter((target) => RANK[roomOf(target)] > RANK[roomOf(file)]).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  it('has no circle between files', () => {
    const circles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('has no circle between capability folders', () => {
    const folderOf = (file: string) => file.split('/')[0];
    const edges = new Map<string, Set<string>>();
    for (const [file, imports] of graph) {
      if (roomOf(file) !== 'capability') continue;
      for (const target of imports) {
        if (roomOf(target) === 'capability' && folderOf(target) !== folderOf(file)) {
          edges.set(folderOf(file), (edges.get(folderOf(file)) ?? new Set()).add(folderOf(target)));
        }
      }
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(edges.get(from) ?? [])].some((next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
    expect(CAPABILITIES.filter((folder) => reaches(folder, folder))).toEqual([]);
  });

  it('keeps the bot framework inside src/bot/', () => {
    const outside = files.filter((path) => !relative(SRC, path).startsWith('bot')).filter((path) => /from '(botbuilder|botframework-[\w-]+)'/.test(readFileSync(path, 'utf8')));
    expect(outside.map((path) => relative(SRC, path))).toEqual([]);
  });
});
