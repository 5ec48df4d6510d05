/**
 * Provider check wall time against the local HTTPS ARM with 100 ms latency on every answer,
 * through the real @azure/arm-resources client and pipeline. A check reads the subscription
 * and four providers; because the five reads go out together, a warm check should cost about
 * one round trip. Baselines measured in the same run: one provider read (one round trip) and
 * the same five reads one after another.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/clock';
import { AzureArmGateway } from '../src/providers/armGateway';
import { TimedTokenCredential } from '../src/providers/credential';
import { ProviderChecker } from '../src/providers/providerChecker';
import { CMG_PROVIDERS } from '../src/providers/providerCheckResult';
import { SqliteStore } from '../src/storage/sqliteStore';
import { FakeArmCredential, LocalArm } from '../test/harness/armServer';

const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const LATENCY_MS = 100;
const ROUNDS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  console.log(`providers: check wall time, local HTTPS ARM with ${LATENCY_MS} ms latency per answer`);
  const arm = await new LocalArm().start();
  arm.addSubscription(SUB);
  arm.latencyMs = LATENCY_MS;
  const dir = mkdtempSync(join(tmpdir(), 'cmg-bench-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  try {
    const fake = new FakeArmCredential();
    // A sign-in that takes a realistic moment, so "cold" includes it.
    fake.delayMs = 150;
    const credential = new TimedTokenCredential(() => fake, 10_000);
    const gateway = new AzureArmGateway({
      credential,
      endpoint: arm.url,
      tokenScope: 'https://management.azure.com/.default',
      requestTimeoutMs: 10_000,
      maxRetries: 0,
      retryAfterCapSeconds: 0,
      caPem: arm.caPem,
    });
    // No cache: every check asks ARM.
    const checker = new ProviderChecker(gateway, store, new ManualClock(), 0);

    const cold = await timed(() => checker.check(SUB));
    const warm: number[] = [];
    for (let i = 0; i < ROUNDS; i++) warm.push(await timed(() => checker.check(SUB)));
    const single: number[] = [];
    for (let i = 0; i < ROUNDS; i++) single.push(await timed(() => gateway.readProvider(SUB, 'Microsoft.Compute')));
    const sequential: number[] = [];
    for (let i = 0; i < 3; i++) {
      sequential.push(
        await timed(async () => {
          await gateway.readSubscription(SUB);
          for (const namespace of CMG_PROVIDERS) await gateway.readProvider(SUB, namespace);
        }),
      );
    }
    const oneTrip = median(single);
    const line = (label: string, ms: number) => console.log(`  ${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  (${(ms / oneTrip).toFixed(2)}× one round trip)`);
    line('one provider read, warm (baseline: one round trip)', oneTrip);
    line('check, cold (sign-in + TLS + 5 parallel reads)', cold);
    line(`check, warm token (median of ${ROUNDS})`, median(warm));
    line('same 5 reads one after another, warm (median of 3)', median(sequential));
    console.log(`  token requests to the identity: ${fake.calls.length}`);
  } finally {
    await store.close();
    await arm.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
