/**
 * Turn throughput and latency over HTTP: Teams-shaped messages to CMG Assistant and to a plain
 * echo bot on the same stack, at several concurrency levels, both replying to one local
 * connector. Two kinds of turn, each against the echo bot in the same run: `help` (the Teams
 * face, routing and a card) and CMG questions (the same plus the answer engine), the questions
 * rotating through the 30 public examples in English and Dutch so no answer cache can stand in
 * for the engine (and the engine keeps no memo from one question to the next: each repeat costs
 * what a new question does). Reports turns/s, p50/p99 and the ratio to the echo ceiling, and (on Linux) the
 * CPU time each target process spent per turn, in all and on its main thread (the rest is V8's
 * garbage-collector and compiler workers): on a machine shared with other work the throughput
 * moves with the neighbours' load, the CPU per turn much less.
 *
 *   BENCH_TURNS=3000          messages per level and target, split over alternating rounds
 *   BENCH_SCENARIOS=questions only some kinds of turn (help, questions)
 *   BENCH_CPU_PROF=dir        run both targets under --cpu-prof, writing dir/echo-*.cpuprofile and dir/cmg-*.cpuprofile
 *                             (summarize one with: node dist/bench/profileSummary.js dir/cmg-*.cpuprofile 30 processActivity)
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

interface Target {
  url: string;
  child: ChildProcess;
}

interface Message {
  text: string;
  locale: string;
}

/** The public example questions (test/fixtures/knowledge/qa-examples.jsonl), each in its own language. */
function exampleQuestions(): Message[] {
  const file = join(__dirname, '..', '..', 'test', 'fixtures', 'knowledge', 'qa-examples.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { lang: 'en' | 'nl'; question: string })
    .map(({ lang, question }) => ({ text: question, locale: lang === 'nl' ? 'nl-NL' : 'en-US' }));
}

async function startTarget(kind: 'echo' | 'cmg'): Promise<Target> {
  // Both targets, so the CMG turn's profile can be read against the echo bot's.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF, '--cpu-prof-name', `${kind}-${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profile, join(__dirname, 'target.js'), kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /READY (\S+)/.exec(buffer);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${kind} target exited with ${code}`)));
  });
  return { url, child };
}

/** A connector that accepts every reply at once; counts them. */
async function startSink(): Promise<{ url: string; received: () => number; close(): void }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"x"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received: () => received, close: () => server.close() };
}

function activity(serviceUrl: string, i: number, message: Message): string {
  const mention = '<at>CMG Assistant</at>';
  return JSON.stringify({
    type: 'message',
    id: `bench-${i}`,
    channelId: 'msteams',
    serviceUrl,
    text: `${mention} ${message.text}`,
    locale: message.locale,
    from: { id: `29:user-${i % 50}`, aadObjectId: '00000000-0000-0000-0000-0000000000' + String(i % 50).padStart(2, '0') },
    recipient: { id: '28:bot', name: 'CMG Assistant' },
    // Twenty channels, each speaking one language (a channel whose members switch language
    // rewrites its stored reference at each switch, so proactive cards follow the language).
    conversation: { id: `19:bench-${message.locale}-${i % 10}@thread.tacv2`, conversationType: 'channel', tenantId: 't' },
    entities: [{ type: 'mention', text: mention, mentioned: { id: '28:bot', name: 'CMG Assistant' } }],
    channelData: { tenant: { id: 't' }, team: { id: '19:team@thread.tacv2' } },
  });
}

async function drive(url: string, serviceUrl: string, concurrency: number, total: number, messageFor: (i: number) => Message): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(serviceUrl, i, messageFor(i)) });
      await response.arrayBuffer();
      if (response.status >= 300) throw new Error(`HTTP ${response.status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSecond: total / elapsed, p50: at(0.5), p99: at(0.99) };
}

/** `cpuMs`: the target's CPU per turn, all threads; `mainMs`: of that, its main (JavaScript) thread's; the rest is V8's garbage-collector and compiler workers and libuv's pool. */
type Measurement = { perSecond: number; p50: number; p99: number; cpuMs?: number; mainMs?: number };

/** CPU time (user + system) in ms from a /proc stat line: utime and stime, the 12th and 13th fields after the command name (clock ticks, 100 per second). */
function cpuMsIn(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time a child process has used so far, in ms: in all (ended threads included), and on its main thread; undefined where /proc is not there. */
function cpuMsOf(child: ChildProcess): { all: number; main: number } | undefined {
  const file = `/proc/${child.pid}/stat`;
  if (!existsSync(file)) return undefined;
  // The main thread's task id is the process id.
  return { all: cpuMsIn(readFileSync(file, 'utf8')), main: cpuMsIn(readFileSync(`/proc/${child.pid}/task/${child.pid}/stat`, 'utf8')) };
}

/** One measured run against a target, with the CPU time its process spent per turn. */
async function measure(target: Target, run: () => Promise<Measurement>, turns: number): Promise<Measurement> {
  const before = cpuMsOf(target.child);
  const result = await run();
  const after = cpuMsOf(target.child);
  if (before === undefined || after === undefined) return result;
  return { ...result, cpuMs: (after.all - before.all) / turns, mainMs: (after.main - before.main) / turns };
}

/** Rounds per level: echo and CMG take turns, so a burst of load from elsewhere on the machine hits both alike. */
const ROUNDS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Echo and CMG alternately, `ROUNDS` times; the medians of each and of the per-round ratios. */
async function compare(echo: () => Promise<Measurement>, cmg: () => Promise<Measurement>): Promise<{ e: Measurement; c: Measurement; ratio: number }> {
  const rounds: { e: Measurement; c: Measurement }[] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push({ e: await echo(), c: await cmg() });
  const pick = (key: 'perSecond' | 'p50' | 'p99', side: 'e' | 'c') => median(rounds.map((r) => r[side][key]));
  const cpu = (side: 'e' | 'c', key: 'cpuMs' | 'mainMs') => (rounds.every((r) => r[side][key] !== undefined) ? median(rounds.map((r) => r[side][key]!)) : undefined);
  const of = (side: 'e' | 'c'): Measurement => ({ perSecond: pick('perSecond', side), p50: pick('p50', side), p99: pick('p99', side), cpuMs: cpu(side, 'cpuMs'), mainMs: cpu(side, 'mainMs') });
  return { e: of('e'), c: of('c'), ratio: median(rounds.map((r) => r.c.perSecond / r.e.perSecond)) };
}

export async function run(): Promise<void> {
  const sink = await startSink();
  const echo = await startTarget('echo');
  const cmg = await startTarget('cmg');
  const questions = exampleQuestions();
  const scenarios: { name: string; messageFor: (i: number) => Message }[] = [
    { name: 'help', messageFor: (i) => ({ text: i % 2 ? 'hulp' : 'help', locale: i % 2 ? 'nl-NL' : 'en-US' }) },
    { name: 'questions', messageFor: (i) => questions[i % questions.length] },
  ];
  const wanted = process.env.BENCH_SCENARIOS?.split(',');
  try {
    const total = Number(process.env.BENCH_TURNS ?? 3000);
    const languages = new Set(questions.map((q) => q.locale)).size;
    console.log(`\n## Turns over HTTP (${total} Teams-shaped messages per level and target, in ${ROUNDS} alternating rounds; echo bot on the same stack = ceiling)`);
    console.log(`questions: ${new Set(questions.map((q) => q.text)).size} distinct public examples in ${languages} languages, in rotation`);
    console.log('turn | concurrency | echo turns/s | cmg turns/s | ratio (median of rounds) | echo p50/p99 ms | cmg p50/p99 ms | cpu ms/turn echo/cmg (ratio) | of which main thread');
    for (const scenario of scenarios) {
      if (wanted && !wanted.includes(scenario.name)) continue;
      for (const concurrency of [1, 8, 32]) {
        // Warm both up, then measure them alternately so drift hits both alike.
        await drive(echo.url, sink.url, concurrency, 200, scenario.messageFor);
        await drive(cmg.url, sink.url, concurrency, 200, scenario.messageFor);
        const perRound = Math.ceil(total / ROUNDS);
        const { e, c, ratio } = await compare(
          () => measure(echo, () => drive(echo.url, sink.url, concurrency, perRound, scenario.messageFor), perRound),
          () => measure(cmg, () => drive(cmg.url, sink.url, concurrency, perRound, scenario.messageFor), perRound),
        );
        const f = (n: number) => n.toFixed(1);
        const split = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? `${a.toFixed(2)}/${b.toFixed(2)} (${(a / b).toFixed(2)})` : 'n/a');
        console.log(`${scenario.name} | ${concurrency} | ${f(e.perSecond)} | ${f(c.perSecond)} | ${ratio.toFixed(2)} | ${f(e.p50)}/${f(e.p99)} | ${f(c.p50)}/${f(c.p99)} | ${split(e.cpuMs, c.cpuMs)} | ${split(e.mainMs, c.mainMs)}`);
      }
    }
  } finally {
    echo.child.kill('SIGTERM');
    cmg.child.kill('SIGTERM');
    if (cmg.child.exitCode === null) await new Promise((resolve) => cmg.child.once('exit', resolve));
    sink.close();
  }
}
