/**
 * Turn throughput and latency over HTTP: Teams-shaped messages to CMG Assistant and to a plain
 * echo bot on the same stack, at several concurrency levels, both replying to one local
 * connector. Reports turns/s, p50/p99 and the ratio to the echo ceiling.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

interface Target {
  url: string;
  child: ChildProcess;
}

async function startTarget(kind: 'echo' | 'cmg'): Promise<Target> {
  const child = spawn(process.execPath, [join(__dirname, 'target.js'), kind], { stdio: ['ignore', 'pipe', 'inherit'] });
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

function activity(serviceUrl: string, i: number, text: string): string {
  const mention = '<at>CMG Assistant</at>';
  return JSON.stringify({
    type: 'message',
    id: `bench-${i}`,
    channelId: 'msteams',
    serviceUrl,
    text: `${mention} ${text}`,
    locale: i % 2 ? 'nl-NL' : 'en-US',
    from: { id: `29:user-${i % 50}`, aadObjectId: '00000000-0000-0000-0000-0000000000' + String(i % 50).padStart(2, '0') },
    recipient: { id: '28:bot', name: 'CMG Assistant' },
    conversation: { id: `19:bench-${i % 20}@thread.tacv2`, conversationType: 'channel', tenantId: 't' },
    entities: [{ type: 'mention', text: mention, mentioned: { id: '28:bot', name: 'CMG Assistant' } }],
    channelData: { tenant: { id: 't' }, team: { id: '19:team@thread.tacv2' } },
  });
}

async function drive(url: string, serviceUrl: string, concurrency: number, total: number, text: string): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(serviceUrl, i, text) });
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

export async function run(): Promise<void> {
  const sink = await startSink();
  const echo = await startTarget('echo');
  const cmg = await startTarget('cmg');
  try {
    const total = Number(process.env.BENCH_TURNS ?? 2000);
    console.log(`\n## Turns over HTTP (${total} Teams-shaped "help" messages per level; echo bot = ceiling)`);
    console.log('concurrency | echo turns/s | cmg turns/s | ratio | echo p50/p99 ms | cmg p50/p99 ms');
    for (const concurrency of [1, 8, 32]) {
      // Warm both up, then measure them alternately so drift hits both alike.
      await drive(echo.url, sink.url, concurrency, 200, 'help');
      await drive(cmg.url, sink.url, concurrency, 200, 'help');
      const e = await drive(echo.url, sink.url, concurrency, total, 'help');
      const c = await drive(cmg.url, sink.url, concurrency, total, 'help');
      const f = (n: number) => n.toFixed(1);
      console.log(`${concurrency} | ${f(e.perSecond)} | ${f(c.perSecond)} | ${(c.perSecond / e.perSecond).toFixed(2)} | ${f(e.p50)}/${f(e.p99)} | ${f(c.p50)}/${f(c.p99)}`);
    }
  } finally {
    echo.child.kill('SIGTERM');
    cmg.child.kill('SIGTERM');
    sink.close();
  }
}
