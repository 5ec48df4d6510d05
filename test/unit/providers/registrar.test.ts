import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/clock';
import type { ArmGateway } from '../../../src/providers/armGateway';
import { ProviderChecker } from '../../../src/providers/providerChecker';
import { ProviderRegistrar } from '../../../src/providers/registrar';
import { registrationCollections } from '../../../src/providers/registrationRecords';
import { SqliteStore } from '../../../src/storage/sqliteStore';

const SUB = '5d1e7c2a-4b3f-4e6d-8a9b-0c1d2e3f4a5b';
const CAP_MS = 10 * 60_000;
const MARGIN_MS = 60_000;
const person = { aadObjectId: 'a0a0a0a0-1111-4222-8333-444455556666', name: 'Ada Admin' };

/** No ARM is called in these tests: they are about who follows a registration, not Azure. */
const noArm = {} as ArmGateway;

describe('ProviderRegistrar: registrations no poller follows', () => {
  let dir: string;
  let store: SqliteStore;
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const registrar = () => {
    const records = registrationCollections(store);
    return new ProviderRegistrar(noArm, new ProviderChecker(noArm, store, clock, 0), records, clock, { firstMs: 10, maxMs: 10, capMs: CAP_MS }, MARGIN_MS);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cmg-registrar-'));
    store = new SqliteStore(join(dir, 'bot.db'));
    clock.set('2026-01-05T09:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not count a registration as orphaned while its lease runs', async () => {
    const claim = await registrar().claim(SUB, 'card-1', person, ['Microsoft.KeyVault'], 'conv-1');
    expect(claim.started).toBe(true);
    clock.advance(CAP_MS);
    expect(await registrar().orphaned()).toEqual([]);
  });

  it('finds a registration whose bot crashed once the lease ran out, and lets one instance take it over', async () => {
    await registrar().claim(SUB, 'card-1', person, ['Microsoft.KeyVault'], 'conv-1');
    clock.advance(CAP_MS + MARGIN_MS);
    const [orphan] = await registrar().orphaned();
    expect(orphan).toMatchObject({ subscriptionId: SUB, lock: { cardId: 'card-1', namespaces: ['Microsoft.KeyVault'] } });

    const first = registrar();
    const second = registrar();
    const [a, b] = await Promise.all([first.takeOver(orphan), second.takeOver(orphan)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const taken = (a ?? b)!;
    // The last look gets a fresh lease, so a click meanwhile starts no second poller.
    expect(Date.parse(taken.leaseUntil)).toBeGreaterThan(clock.now().getTime());
    expect(await first.running(SUB)).toMatchObject({ registrationId: orphan.lock.registrationId });
    expect(await registrar().orphaned()).toEqual([]);
  });
});
