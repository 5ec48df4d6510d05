import { SAMPLE_PLAN_INPUTS } from '../test/harness/cutoverPlans';
import { RegionCatalog } from '../src/naming';
/**
 * Cutover approvals: how long one decision takes in-process (lifecycle + conditional write +
 * card data) against the storage floor (a bare conditional replace of the same document), how a
 * burst of simultaneous approvals on one plan resolves, and the approval card's render cost and size.
 * Run: npx ts-node --transpile-only -e "require('./bench/cutover').run()"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/clock';
import { CutoverService, readCutoverSettings } from '../src/cutover';
import type { CutoverPlan } from '../src/cutover/plan';
import { planCard } from '../src/cutover/views';
import { BackgroundService } from '../src/bot/backgroundService';
import { cardBytes, CardRenderer } from '../src/bot/cardRenderer';
import { silentLog } from '../src/log';
import { SqliteStore } from '../src/storage/sqliteStore';
import type { TurnInfo } from '../src/turn';

const PLANS = 300;
const BURST = 10;
const APPROVERS = Array.from({ length: BURST }, (_, i) => `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`);

function turn(aadObjectId: string, id: string): TurnInfo {
  return {
    lang: 'en',
    timezone: 'Europe/Amsterdam',
    user: { id, aadObjectId, name: id },
    conversation: { id: '19:bench@thread.v2', scopeId: '19:bench@thread.v2', type: 'groupChat' },
    correlationId: 'bench',
    log: silentLog,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cmg-bench-cutover-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const outbox = { send: async () => 'card', update: async () => undefined };
  const background = new BackgroundService(outbox, silentLog);
  const service = new CutoverService({
    store,
    clock,
    outbox,
    sharedCards: background,
    members: { members: async (_c, ids) => new Map(ids.map((id) => [id, { id: `29:${id}`, name: `Approver ${id.slice(0, 4)}` }])) },
    reminders: { scheduleWaitingPeriodEnd: async () => undefined, cancelForPlan: async () => undefined },
    policy: { approverIds: APPROVERS, allowSelfApproval: false },
    settings: { ...readCutoverSettings({}), approvalExpiryHours: 72, defaultWaitingDays: 2, expirySweepSeconds: 0, maxOpenPlans: 10_000, maxOpenPlansPerPerson: 10_000 },
    log: silentLog,
    regions: new RegionCatalog(),
  });
  const requester = turn('99999999-9999-9999-9999-999999999999', '29:requester');
  const form = { ...SAMPLE_PLAN_INPUTS, notes: 'Benchmark plan' };

  const planIds: string[] = [];
  for (let i = 0; i < PLANS * 2; i++) {
    const result = await service.create(requester, { ...form, formId: `bench-form-${i}` });
    planIds.push(/(?:"planId":"|plan )(C[A-Z0-9]{5})/.exec(JSON.stringify(result))![1]);
  }

  // One decision each, one at a time.
  const decision: number[] = [];
  for (const planId of planIds.slice(0, PLANS)) {
    const started = performance.now();
    await service.approve(turn(APPROVERS[0], '29:a0'), { planId, revision: 1 });
    decision.push(performance.now() - started);
  }

  // Storage floor: read + conditional replace of the same documents, nothing else.
  const raw = store.collection<CutoverPlan>('cutoverPlans');
  const floor: number[] = [];
  for (const planId of planIds.slice(0, PLANS)) {
    const started = performance.now();
    const item = (await raw.get(planId))!;
    await raw.replace(planId, { ...item.value, revision: item.value.revision }, item.version);
    floor.push(performance.now() - started);
  }

  // Bursts: BURST approvers press at once on each remaining plan.
  const burstStarted = performance.now();
  let wins = 0;
  let refusals = 0;
  for (const planId of planIds.slice(PLANS)) {
    const results = await Promise.all(APPROVERS.map((id, i) => service.approve(turn(id, `29:a${i}`), { planId, revision: 1 })));
    for (const result of results) {
      const json = JSON.stringify(result);
      if (json.includes('You approved this plan.')) wins++;
      else if (json.includes('already in status')) refusals++;
    }
  }
  const burstMs = performance.now() - burstStarted;
  await background.idle();

  // Card rendering: the shared card of an approved plan.
  const sample = (await raw.get(planIds[0]))!.value;
  const renders = 500;
  const renderer = new CardRenderer();
  const renderStarted = performance.now();
  let bytes = 0;
  for (let i = 0; i < renders; i++) bytes = cardBytes(renderer.render(planCard(sample, { lang: 'en', now: clock.now(), policy: { approverIds: APPROVERS, allowSelfApproval: false } })));
  const renderMs = (performance.now() - renderStarted) / renders;

  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const median = percentile(decision, 50);
  const floorMedian = percentile(floor, 50);
  console.log('cutover approvals');
  console.log(`  decision (lifecycle + conditional write + card data), ${PLANS} plans: median ${median.toFixed(3)} ms, p95 ${percentile(decision, 95).toFixed(3)} ms`);
  console.log(`  storage floor (get + conditional replace): median ${floorMedian.toFixed(3)} ms, p95 ${percentile(floor, 95).toFixed(3)} ms`);
  console.log(`  decision / floor: ${(median / floorMedian).toFixed(1)}x`);
  console.log(`  bursts: ${PLANS} plans x ${BURST} simultaneous approvals -> ${wins} decisions recorded, ${refusals} shown the final state (${(burstMs / PLANS).toFixed(2)} ms per burst)`);
  console.log(`  approval card: ${bytes} bytes (budget 28672), render ${renderMs.toFixed(3)} ms`);
}
