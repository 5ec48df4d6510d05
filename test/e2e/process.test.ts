import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SECRET = 'super-secret-Value~42xyz';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startProcess(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/index.ts'], {
    cwd: ROOT,
    // A clean environment: nothing from the developer's shell or a local .env changes the outcome.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(run: Run, pattern: RegExp, timeoutMs = 20000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = run.output().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the bot as a process', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cmg-proc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops with one line naming a bad setting', async () => {
    const run = startProcess({ PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe('cmg-assistant: Invalid PORT: expected a whole number from 0 to 65535, got "eighty"');
  });

  it('serves, shuts down cleanly on SIGTERM, and never logs its secret', async () => {
    const run = startProcess({
      PORT: '0',
      HOST: '127.0.0.1',
      SQLITE_PATH: join(dir, 'bot.db'),
      MicrosoftAppId: '5c1f6a0e-2a7b-4c55-9a3e-0f1d2e3c4b5a',
      MicrosoftAppPassword: SECRET,
      MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      LOG_LEVEL: 'debug',
    });
    const [, url] = await waitForOutput(run, /"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    // An unauthenticated request is refused, and the refusal is logged without the secret.
    const refused = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: SECRET, channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }) });
    expect(refused.status).toBe(401);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"msg":"stopped"');
    expect(run.output()).not.toContain(SECRET);
  });
});
