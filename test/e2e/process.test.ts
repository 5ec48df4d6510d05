import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock';
import { CurationLog } from '../../src/knowledge';
import { SqliteStore } from '../../src/storage/sqliteStore';
import { LocalOpenIdServer, newSigningKey } from '../harness/openIdServer';

const ROOT = join(__dirname, '..', '..');
const SECRET = 'super-secret-Value~42xyz';
const APP_ID = '5c1f6a0e-2a7b-4c55-9a3e-0f1d2e3c4b5a';

interface Run {
  child: ChildProcess;
  output: () => string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startProcess(env: Record<string, string>, script = 'src/index.ts'): Run {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    cwd: ROOT,
    // A clean environment: nothing from the developer's shell or a local .env changes the outcome.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, stdout: () => stdout, stderr: () => stderr, exited };
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

  it('refuses to start with a password but no app id, in one line, without the password', async () => {
    const run = startProcess({ PORT: '0', SQLITE_PATH: join(dir, 'bot.db'), MicrosoftAppPassword: SECRET, MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe(
      "cmg-assistant: Invalid MicrosoftAppId: expected the bot's app (client) id, because MicrosoftAppPassword is set; without it the bot would run unauthenticated (clear MicrosoftAppPassword for local anonymous use), got nothing",
    );
    expect(run.output()).not.toContain(SECRET);
  });

  it('listens on 127.0.0.1 only when anonymous without HOST, and says so', async () => {
    const run = startProcess({ PORT: '0', SQLITE_PATH: join(dir, 'bot.db') });
    try {
      const [line] = await waitForOutput(run, /^.*"msg":"CMG Assistant is listening.*$/m);
      const listening = JSON.parse(line) as { host: string; port: number; url: string; reachableFrom: string; msg: string };
      expect(listening).toMatchObject({ host: '127.0.0.1', reachableFrom: 'this machine only', msg: `CMG Assistant is listening on 127.0.0.1:${listening.port}` });
      expect((await fetch(`http://127.0.0.1:${listening.port}/healthz`)).status).toBe(200);
      // From any other address of this machine the port is closed.
      const other = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
      if (other) await expect(fetch(`http://${other.address}:${listening.port}/healthz`)).rejects.toThrow();
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });

  it('answers every kind of bad token with 401 and writes only JSON lines: one per failure, no token, no key, no stack', async () => {
    const openId = await new LocalOpenIdServer().start();
    const run = startProcess({
      PORT: '0',
      HOST: '127.0.0.1',
      SQLITE_PATH: join(dir, 'bot.db'),
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: SECRET,
      MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      BotOpenIdMetadata: openId.metadataUrl,
    });
    try {
      const [, url] = await waitForOutput(run, /"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
      const serviceUrl = 'http://127.0.0.1:9/';
      const tokens = [
        undefined,
        'not-a-jwt',
        openId.token({ appId: APP_ID, serviceUrl, expiresInSeconds: -600 }),
        openId.token({ appId: APP_ID, serviceUrl, audience: '00000000-0000-0000-0000-000000000001' }),
        openId.token({ appId: APP_ID, serviceUrl, key: newSigningKey() }),
        openId.token({ appId: APP_ID, serviceUrl, key: newSigningKey(), keyId: openId.key.kid }),
        openId.token({ appId: APP_ID, serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
      ];
      const activity = JSON.stringify({ type: 'installationUpdate', action: 'remove', channelId: 'msteams', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } });
      for (const token of tokens) {
        const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: activity });
        expect(response.status).toBe(401);
      }
      await waitForOutput(run, new RegExp(`("msg":"authentication failed"[\\s\\S]*){${tokens.length}}`));
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.stderr()).toBe('');
      const lines = run.stdout().split('\n').filter(Boolean);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      const failures = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'authentication failed');
      expect(failures.map((line) => line.reason)).toEqual(['noToken', 'malformed', 'expired', 'wrongAudience', 'unknownSigningKey', 'badSignature', 'wrongServiceUrl']);
      expect(run.output()).not.toMatch(/BEGIN|PUBLIC KEY|eyJ|at JwtTokenExtractor|\n\s+at /);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await openId.stop();
    }
  });

  it('prints stored question text in `kb:report` without terminal escapes or bidi overrides', async () => {
    const path = join(dir, 'bot.db');
    const store = new SqliteStore(path);
    await new CurationLog(store, new ManualClock()).recordUnanswered('why does \u001b[2J\u001b[31mmy CMG\u202Efdp.exe\u0007 fail?', 'en', 'outOfScope', 'a:1');
    await store.close();
    const run = startProcess({ SQLITE_PATH: path }, 'scripts/kbReport.ts');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('why does [2J[31mmy CMGfdp.exe fail?');
    // eslint-disable-next-line no-control-regex
    expect(run.output()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
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
