/**
 * What telemetry costs at start-up: the compiled bot (`node dist/src/index.js`, as production
 * runs it) started again and again, alternately without and with APPLICATIONINSIGHTS_CONNECTION_STRING
 * (pointed at a local ingestion endpoint), measuring the time until it listens and its resident
 * memory then and after a few turns. Reports medians and the with/without ratio.
 * Linux only for memory (reads /proc). Everything stays on 127.0.0.1.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalConnector } from '../test/harness/connector';
import { LocalIngestion, ProxySink } from '../test/harness/ingestion';
import { TeamsClient } from '../test/harness/teams';

const ROOT = resolve(__dirname, '..', '..');
const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 7);
const TURNS = 20;

interface Sample {
  listenMs: number;
  rssAtListenMb: number;
  rssAfterTurnsMb: number;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function once(env: Record<string, string>, connectorUrl: string): Promise<Sample> {
  const started = process.hrtime.bigint();
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'dist', 'src', 'index.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((done, fail) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output);
      if (match) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`bot exited with ${code}: ${output}`)));
  });
  const listenMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rssAtListenMb = rssMb(child.pid!);
  const client = new TeamsClient({ botUrl: url, serviceUrl: connectorUrl });
  for (let i = 0; i < TURNS; i++) await client.say(i % 2 ? 'help' : 'service name GraniteFalls West Europe');
  const rssAfterTurnsMb = rssMb(child.pid!);
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
  return { listenMs, rssAtListenMb, rssAfterTurnsMb };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cmg-bench-startup-'));
  const [ingestion, proxy, connector] = await Promise.all([new LocalIngestion().start(), new ProxySink().start(), new LocalConnector().start()]);
  try {
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, ingestion.caPem);
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SQLITE_PATH: join(dir, 'bench.db') };
    const telemetry = {
      ...base,
      APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString('0f1e2d3c-4b5a-4697-8877-665544332211'),
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
      // As in App Service (no VM metadata probe); the SDK's settings poll ends in the sink.
      WEBSITE_SITE_NAME: 'cmg-assistant-bench',
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1,localhost',
      NODE_EXTRA_CA_CERTS: caFile,
    };
    const off: Sample[] = [];
    const on: Sample[] = [];
    await once(base, connector.url); // warm-up: file cache
    for (let round = 0; round < ROUNDS; round++) {
      off.push(await once(base, connector.url));
      on.push(await once(telemetry, connector.url));
    }
    console.log(`startup (compiled bot, SQLite, ${ROUNDS} alternating starts each, ${TURNS} turns per start; medians):`);
    const row = (label: string, pick: (s: Sample) => number, unit: string) => {
      const a = median(off.map(pick));
      const b = median(on.map(pick));
      console.log(`  ${label.padEnd(34)} without ${a.toFixed(1).padStart(7)} ${unit}   with ${b.toFixed(1).padStart(7)} ${unit}   with/without ${(b / a).toFixed(2)}x`);
    };
    row('spawn → listening', (s) => s.listenMs, 'ms');
    row('resident memory when listening', (s) => s.rssAtListenMb, 'MB');
    row(`resident memory after ${TURNS} turns`, (s) => s.rssAfterTurnsMb, 'MB');
    console.log(`  telemetry posts received: ${ingestion.requests.length}; proxied attempts to leave the machine: ${proxy.attempts.length}`);
  } finally {
    await Promise.all([ingestion.stop(), proxy.stop(), connector.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
