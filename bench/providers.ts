/**
 * Provider check and name pre-flight wall time against the local HTTPS ARM with 100 ms latency
 * on every answer, through the real pipeline (@azure/arm-resources for the provider check,
 * @azure-rest/core-client for the pre-flight, both on one ArmConnection). A provider check reads
 * the subscription and four providers, a pre-flight makes four reads; because each goes out all
 * at once, a warm one should cost about one round trip. Baselines measured in the same run: one
 * provider read (one round trip) and the same reads one after another. Cold = a new connection:
 * sign-in, TLS handshake and the reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArmConnection, readArmSettings } from '../src/arm';
import { ManualClock } from '../src/clock';
import { ArmNameChecks, PreflightChecker } from '../src/namePreflight';
import { AzureArmGateway } from '../src/providers/armGateway';
import { ProviderChecker } from '../src/providers/providerChecker';
import { CMG_PROVIDERS } from '../src/providers/providerCheckResult';
import { SqliteStore } from '../src/storage/sqliteStore';
import { FakeArmCredential, LocalArm } from '../test/harness/armServer';

const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const LATENCY_MS = 100;
const ROUNDS = 10;
const REQUEST = { prefix: 'GraniteFalls', commonName: 'GraniteFalls.contoso.com', region: 'eastus', subscriptionId: SUB, ruleWarnings: [] };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function repeat(times: number, work: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) runs.push(await timed(work));
  return median(runs);
}

export async function run(): Promise<void> {
  console.log(`providers: provider check and name pre-flight wall time, local HTTPS ARM with ${LATENCY_MS} ms latency per answer`);
  const arm = await new LocalArm().start();
  arm.addSubscription(SUB);
  arm.latencyMs = LATENCY_MS;
  const dir = mkdtempSync(join(tmpdir(), 'cmg-bench-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  const fakes: FakeArmCredential[] = [];
  // No retries, a generous deadline; every connection signs in anew with a realistic delay.
  const settings = readArmSettings({ ARM_MAX_RETRIES: '0', ARM_REQUEST_TIMEOUT_MS: '10000', ARM_RETRY_AFTER_CAP_SECONDS: '0' });
  const connect = () => {
    const fake = new FakeArmCredential();
    fake.delayMs = 150;
    fakes.push(fake);
    return new ArmConnection(settings, { credential: fake, endpoint: arm.url, caPem: arm.caPem });
  };
  try {
    const providerConnection = connect();
    const gateway = new AzureArmGateway(providerConnection);
    // No cache: every check asks ARM.
    const checker = new ProviderChecker(gateway, store, new ManualClock(), 0);
    const cold = await timed(() => checker.check(SUB));
    const warm = await repeat(ROUNDS, () => checker.check(SUB));
    const oneTrip = await repeat(ROUNDS, () => gateway.readProvider(SUB, 'Microsoft.Compute'));
    const sequential = await repeat(3, async () => {
      await gateway.readSubscription(SUB);
      for (const namespace of CMG_PROVIDERS) await gateway.readProvider(SUB, namespace);
    });

    const preflightConnection = connect();
    const names = new ArmNameChecks(preflightConnection);
    const preflight = new PreflightChecker(names, new ManualClock(), 0);
    const preflightCold = await timed(() => preflight.check(REQUEST));
    const preflightWarm = await repeat(ROUNDS, () => preflight.check(REQUEST));
    const preflightSequential = await repeat(3, async () => {
      await names.dnsLabel(SUB, 'eastus', 'granitefalls');
      await names.keyVaultName(SUB, 'granitefalls');
      await names.storageAccountName(SUB, 'granitefalls');
      await names.vmSizes(SUB, 'eastus');
    });
    const cachingChecker = new PreflightChecker(names, new ManualClock(), 60);
    await cachingChecker.check(REQUEST);
    const fromCache = await repeat(ROUNDS, () => cachingChecker.check(REQUEST));

    const line = (label: string, ms: number) => console.log(`  ${label.padEnd(60)} ${ms.toFixed(0).padStart(6)} ms  (${(ms / oneTrip).toFixed(2)}× one round trip)`);
    line('one provider read, warm (baseline: one round trip)', oneTrip);
    line('provider check, cold (sign-in + TLS + 5 parallel reads)', cold);
    line(`provider check, warm (median of ${ROUNDS})`, warm);
    line('same 5 reads one after another, warm (median of 3)', sequential);
    line('name pre-flight, cold (sign-in + TLS + 4 parallel reads)', preflightCold);
    line(`name pre-flight, warm (median of ${ROUNDS})`, preflightWarm);
    line('same 4 reads one after another, warm (median of 3)', preflightSequential);
    line(`name pre-flight answered from its cache (median of ${ROUNDS})`, fromCache);
    console.log(`  token requests to the identity: ${fakes.map((f) => f.calls.length).join(' + ')} (one per connection)`);
  } finally {
    await store.close();
    await arm.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
