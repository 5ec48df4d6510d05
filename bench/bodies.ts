/**
 * What hostile request bodies cost the bot: the compiled bot in its own process (bench/target.js),
 * hit by 24 concurrent requests of each kind, measuring its peak resident memory (VmHWM, reset
 * before each kind) and how long /healthz takes to answer during the flood, next to a baseline in
 * the same run: 24 concurrent ordinary `help` messages. The byte limit (256 KB) times 24 is 6 MB.
 *
 *   gzip bomb        249 KB compressed, 250 MB of JSON inflated   (refused before reading: 415)
 *   multipart        8 MB upload with a declared length            (refused before reading: 415)
 *   unbounded        64 MB offered without a length                (reading stops at the limit: 413)
 *
 * A status of 0 would mean the bot cut a connection before the client read its answer.
 * Linux only (reads /proc). Everything stays on 127.0.0.1.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalConnector } from '../test/harness/connector';
import { gzipBomb, rawPost } from '../test/harness/rawHttp';
import { TeamsClient } from '../test/harness/teams';

const CONCURRENT = 24;

function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Resets the process's peak-RSS mark (Linux: writing 5 to clear_refs), so each kind is measured on its own. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function startTarget(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, 'target.js'), 'cmg'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /READY (\S+)/.exec(buffer);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`target exited with ${code}`)));
  });
  return { url, child };
}

/** /healthz round trips while `flood` runs: the longest one shows whether the event loop stalled. */
async function floodWithProbe(url: string, flood: () => Promise<number[]>): Promise<{ statuses: number[]; worstProbeMs: number; wallMs: number }> {
  let done = false;
  let worstProbeMs = 0;
  const probing = (async () => {
    while (!done) {
      const started = performance.now();
      await fetch(`${url}/healthz`).then((r) => r.arrayBuffer());
      worstProbeMs = Math.max(worstProbeMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const started = performance.now();
  const statuses = await flood();
  const wallMs = performance.now() - started;
  done = true;
  await probing;
  return { statuses, worstProbeMs, wallMs };
}

export async function run(): Promise<void> {
  const connector = await new LocalConnector().start();
  const target = await startTarget();
  const pid = target.child.pid!;
  const api = `${target.url}/api/messages`;
  try {
    const bomb = await gzipBomb(250 * 1024 * 1024);
    const boundary = 'bench-boundary';
    const upload = Buffer.concat([Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.bin"\r\n\r\n`), Buffer.alloc(8 * 1024 * 1024, 0x41), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const kinds: { name: string; send: (i: number) => Promise<number> }[] = [
      { name: 'baseline: help messages', send: (i) => new TeamsClient({ botUrl: target.url, serviceUrl: connector.url, conversationId: `a:bench-${i}` }).say('help').then((r) => r.status) },
      { name: `gzip bomb (${(bomb.length / 1024).toFixed(0)} KB -> 250 MB)`, send: () => rawPost(api, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }, bomb).then((r) => r.status) },
      { name: 'multipart upload (8 MB)', send: () => rawPost(api, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(upload.length) }, upload).then((r) => r.status) },
      { name: 'no length, 64 MB offered', send: () => rawPost(api, { 'content-type': 'application/json' }, { stream: 64 * 1024 * 1024 }).then((r) => r.status) },
    ];
    // Warm-up, so the baseline does not carry first-turn costs.
    await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => kinds[0].send(i)));
    const rssAtStart = memoryMb(pid, 'VmRSS');
    console.log(`\n## Hostile request bodies (${CONCURRENT} concurrent requests of each kind; bot RSS ${rssAtStart.toFixed(0)} MB before)`);
    console.log('kind | statuses | peak RSS MB | peak growth MB | worst /healthz ms during flood | wall ms');
    for (const kind of kinds) {
      const before = memoryMb(pid, 'VmRSS');
      const reset = resetPeak(pid);
      // A connection the bot cut before the client read its answer counts as status 0.
      const result = await floodWithProbe(target.url, () => Promise.all(Array.from({ length: CONCURRENT }, (_, i) => kind.send(i).catch(() => 0))));
      const peak = reset ? memoryMb(pid, 'VmHWM') : NaN;
      const growth = peak - before;
      const statuses = [...new Set(result.statuses)].join(',');
      console.log(
        `${kind.name} | ${statuses} | ${peak.toFixed(1)} | ${growth.toFixed(1)} | ${result.worstProbeMs.toFixed(1)} | ${result.wallMs.toFixed(0)}`,
      );
    }
  } finally {
    target.child.kill('SIGTERM');
    await connector.stop();
  }
}
