import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalArm } from '../harness/armServer';
import { RunningAzurite, startAzurite } from '../harness/azurite';
import { LocalConnector } from '../harness/connector';
import { Envelope, LocalIngestion, ProxySink } from '../harness/ingestion';
import type { GuardReport } from '../harness/loopbackGuard';
import { LocalManagedIdentity } from '../harness/managedIdentity';
import { cardText, TeamsClient } from '../harness/teams';

const ROOT = join(__dirname, '..', '..');
const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const IKEY = '0f1e2d3c-4b5a-4697-8877-665544332211';
const IDENTITY_CLIENT_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

interface BotProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Ends the bot with SIGTERM (as App Service and Docker stop it) and reads the guard's report. */
  stop(): Promise<{ code: number | null; guard: GuardReport }>;
}

async function startBot(dir: string, env: Record<string, string>): Promise<BotProcess> {
  const reportFile = join(dir, `guard-${Date.now()}.json`);
  // The real entry point, so the test shows telemetry starting before everything else.
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', './test/harness/loopbackGuard.ts', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOOPBACK_GUARD_REPORT: reportFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 25_000;
  let url: string | undefined;
  while (!url) {
    url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output)?.[1];
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bot did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    url,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      return { code, guard: JSON.parse(readFileSync(reportFile, 'utf8')) as GuardReport };
    },
  };
}

describe('telemetry (Application Insights through OpenTelemetry)', () => {
  let dir: string;
  let arm: LocalArm;
  let ingestion: LocalIngestion;
  let identity: LocalManagedIdentity;
  let proxy: ProxySink;
  let connector: LocalConnector;
  let azurite: RunningAzurite;
  let appServiceEnv: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmg-telemetry-'));
    [arm, ingestion, identity, proxy, connector, azurite] = await Promise.all([new LocalArm().start(), new LocalIngestion().start(), new LocalManagedIdentity().start(), new ProxySink().start(), new LocalConnector().start(), startAzurite()]);
    arm.addSubscription(SUB, { displayName: 'Contoso CMG' });
    const caFile = join(dir, 'loopback-ca.pem');
    writeFileSync(caFile, arm.caPem);
    // The bot as infra/azure.bicep runs it in App Service, with every Azure endpoint on loopback.
    appServiceEnv = {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      ARM_CREDENTIAL: 'ManagedIdentity',
      ARM_CLIENT_ID: IDENTITY_CLIENT_ID,
      ARM_ENDPOINT: arm.url,
      ARM_TOKEN_SCOPE: 'https://management.azure.com/.default',
      PROVIDER_CHECK_REPLY_WITHIN_MS: '5000',
      // App Service's own variables: the site name (which also tells the Azure Monitor distro it
      // need not look for the VM metadata endpoint) and its managed-identity endpoint.
      WEBSITE_SITE_NAME: 'cmg-assistant-test',
      ...identity.env(),
      NODE_EXTRA_CA_CERTS: caFile,
      // Anything the SDKs would send off the machine goes to a loopback sink instead.
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1,localhost',
    };
  });

  afterAll(async () => {
    await Promise.all([arm?.stop(), ingestion?.stop(), identity?.stop(), proxy?.stop(), connector?.stop(), azurite?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    ingestion.envelopes.length = 0;
    ingestion.requests.length = 0;
    proxy.attempts.length = 0;
    connector.clear();
  });

  /** A help turn, a provider check (ARM through the managed identity) and a health probe. */
  async function useTheBot(bot: BotProcess): Promise<TeamsClient> {
    const client = new TeamsClient({ botUrl: bot.url, serviceUrl: connector.url });
    expect((await client.say('help')).status).toBe(200);
    expect((await client.say(`check providers ${SUB}`)).status).toBe(200);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(cardText(connector.sent(client.conversationId).at(-1))).toContain('Contoso CMG');
    return client;
  }

  function turnLines(output: string): Record<string, unknown>[] {
    return output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'turn');
  }

  const dataOf = (envelope: Envelope) => String(envelope.data.baseData.data ?? '');

  it('sends each turn as a request with its Bot Connector reply, ARM and Table Storage calls, and puts its trace id on the log line', async () => {
    const bot = await startBot(dir, {
      ...appServiceEnv,
      AZURE_STORAGE_TABLE_PREFIX: 'telemetryon',
      APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString(IKEY),
      // The SDK's own usage reports to Microsoft (statsbeat, SDK stats): off by their documented switches.
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
    });
    await useTheBot(bot);
    // SIGTERM flushes what is buffered: no waiting for the exporter's timer.
    const { code, guard } = await bot.stop();
    expect(code).toBe(0);

    expect(ingestion.envelopes.length).toBeGreaterThan(0);
    expect(new Set(ingestion.envelopes.map((e) => e.iKey))).toEqual(new Set([IKEY]));
    expect(new Set(ingestion.envelopes.map((e) => e.tags['ai.cloud.role']))).toEqual(new Set(['cmg-assistant-test']));
    // Only telemetry posts reached the endpoint: no Live Metrics pings, although LiveEndpoint points here too.
    expect(ingestion.requests.filter((r) => !(r.method === 'POST' && r.path === '/v2.1/track'))).toEqual([]);

    const requests = ingestion.ofType('RequestData');
    expect(requests.map((r) => [r.data.baseData.name, r.data.baseData.responseCode])).toEqual([
      ['POST /api/messages', '200'],
      ['POST /api/messages', '200'],
    ]);

    const [, checkTurn] = turnLines(bot.output());
    expect(checkTurn.command).toBe('providers.check');
    const operation = String(checkTurn.trace_id);
    expect(requests.map((r) => r.tags['ai.operation.id'])).toContain(operation);
    const inTurn = ingestion.ofType('RemoteDependencyData').filter((d) => d.tags['ai.operation.id'] === operation);
    // The card reply to the channel, the four provider reads on ARM, the token from the managed identity, and storage.
    expect(inTurn.some((d) => dataOf(d).startsWith(`${connector.url}v3/conversations/`))).toBe(true);
    const armPaths = inTurn.filter((d) => dataOf(d).startsWith(`${arm.url}/subscriptions/${SUB}/providers/`)).map((d) => new URL(dataOf(d)).pathname.split('/').pop());
    expect(new Set(armPaths)).toEqual(new Set(['Microsoft.KeyVault', 'Microsoft.Storage', 'Microsoft.Network', 'Microsoft.Compute']));
    expect(inTurn.some((d) => d.data.baseData.properties?.['az.namespace'] === 'Microsoft.AAD' && dataOf(d).startsWith(identity.url))).toBe(true);
    expect(inTurn.some((d) => d.data.baseData.properties?.['az.namespace'] === 'Microsoft.Data.Tables')).toBe(true);

    // App Service's health probes are not recorded as requests.
    expect(requests.some((r) => String(r.data.baseData.url).includes('/healthz'))).toBe(false);
    // Nothing tried to leave the machine; the one thing the SDK may ask for on its own timer
    // (its settings service, 5-15 s after start, no switch to turn it off) would end in the sink.
    expect(guard.refused).toEqual([]);
    expect(proxy.attempts.filter((host) => host !== 'settings.sdk.monitor.azure.com:443')).toEqual([]);
  });

  it('without APPLICATIONINSIGHTS_CONNECTION_STRING loads no telemetry code and sends nothing anywhere', async () => {
    const bot = await startBot(dir, { ...appServiceEnv, AZURE_STORAGE_TABLE_PREFIX: 'telemetryoff' });
    await useTheBot(bot);
    const { code, guard } = await bot.stop();
    expect(code).toBe(0);
    expect(guard.telemetryModules).toEqual([]);
    expect(guard.refused).toEqual([]);
    expect(proxy.attempts).toEqual([]);
    expect(ingestion.requests).toEqual([]);
    const turns = turnLines(bot.output());
    expect(turns).toHaveLength(2);
    expect(turns.some((line) => 'trace_id' in line)).toBe(false);
  });

  it('the loopback guard these tests rely on refuses and records connections from every client stack', async () => {
    // 127.0.0.2 stands in for "outside" (LOOPBACK_GUARD_TRIPWIRE): a broken guard would only reach loopback.
    const script = `
      const net = require('node:net'), https = require('node:https');
      const settle = (start) => new Promise((done) => start(done));
      (async () => {
        await settle((done) => net.connect({ host: '127.0.0.2', port: 9 }).on('error', done).on('connect', done));
        await settle((done) => https.get('https://127.0.0.2:10/', done).on('error', done));
        await fetch('http://127.0.0.2:8999/').catch(() => undefined);
      })();`;
    const reportFile = join(dir, 'guard-selfcheck.json');
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', './test/harness/loopbackGuard.ts', '-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOOPBACK_GUARD_REPORT: reportFile, LOOPBACK_GUARD_TRIPWIRE: '127.0.0.2' },
      stdio: 'ignore',
    });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as GuardReport;
    expect(report.refused).toEqual(['127.0.0.2:9', '127.0.0.2:10', '127.0.0.2:8999']);
  });

  it('stops with one line naming the setting when the connection string is malformed', async () => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/index.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://example.invalid/' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim()).toMatch(/^cmg-assistant: Invalid APPLICATIONINSIGHTS_CONNECTION_STRING: expected an Application Insights connection string .*, got "IngestionEndpoint=https:\/\/example\.invalid\/"$/);
  });
});
