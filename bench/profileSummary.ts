/**
 * Summarizes a V8 CPU profile (node --cpu-prof) by self time: the top functions, and the total
 * per module (our src/ folders, each dependency package, Node internals, garbage collection).
 *   node dist/bench/profileSummary.js profile.cpuprofile [top] [from]
 * With `from` (a function name, e.g. processActivity), samples before the first one with that
 * function on its stack are left out, so start-up does not count.
 * Then the inclusive (total) time of our own functions and of the library entry points a turn
 * goes through, so "how much does rendering a card cost, all in" can be read off directly.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: `src/knowledge`, a package name, `node:internal`, or a V8 bucket. */
function moduleOf(url: string, name: string): string {
  if (!url) return `(${name || 'anonymous'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/dist\/(src\/[^/]+|bench)(?:\/|\.js)/.exec(url) ?? /\/(src\/[^/]+)\//.exec(url);
  if (ours) return ours[1].replace(/\.js$/, '');
  if (url.startsWith('node:')) return 'node:' + (url.split(':')[1].split('/')[0] || 'internal');
  return url;
}

function main(): void {
  const [file, topArg, from] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  let started = !from;
  profile.samples.forEach((id, i) => {
    for (let at: number | undefined = id; !started && at !== undefined; at = parent.get(at)) started = byId.get(at)!.callFrame.functionName === from;
    if (started) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);
  const busy = total - idle;
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    const module = moduleOf(url, functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${module}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  console.log(`busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s sampled`);
  console.log('\nself time by module');
  for (const [module, us] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${pct(us)}  ${module}`);
  console.log('\ntop functions by self time');
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) console.log(`${pct(us)}  ${name}`);

  // Inclusive time: each sample counts once for every distinct function on its stack.
  const keyOf = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${moduleOf(node.callFrame.url, node.callFrame.functionName)}:${node.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (!node.callFrame.url) continue;
      seen.add(keyOf(node));
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
  const ENTRY_POINTS = /^(Template\.expand|sendActivity|sendActivities|search|processActivity|authenticateRequest|replyToActivity|sendToConversation|serialize|stringify|parse|write|end|emit) /;
  console.log('\ninclusive time: our functions and library entry points');
  for (const [name, us] of [...inclusive]
    .filter(([name]) => / (src\/|bench)/.test(name) || ENTRY_POINTS.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(topArg ?? 25) + 15))
    console.log(`${pct(us)}  ${name}`);
}

main();
