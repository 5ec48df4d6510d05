import { BackgroundService } from '../../../src/bot/backgroundService';
import { silentLog } from '../../../src/log';
import { RegionCatalog } from '../../../src/naming';
import { ManualClock } from '../../../src/clock';
import { CutoverService, readCutoverSettings } from '../../../src/cutover';
import type { WaitingPeriodReminder } from '../../../src/cutover/ports';
import { SqliteStore } from '../../../src/storage/sqliteStore';
import type { CardActionResult, Reply, TurnInfo } from '../../../src/turn';
import { BarrierStore } from './barrierStore';
import { DAY, HOUR, LEAD, NOW, OTHER, REQUESTER } from './samplePlans';
import type { Person } from '../../../src/cutover/plan';

function turnOf(person: Person, lang: 'en' | 'nl' = 'en'): TurnInfo {
  return {
    lang,
    timezone: 'Europe/Amsterdam',
    user: { id: person.teamsId!, aadObjectId: person.aadObjectId, name: person.name },
    conversation: { id: '19:chat@thread.v2', scopeId: '19:chat@thread.v2', type: 'groupChat' },
    correlationId: 'test',
    log: silentLog,
  };
}

function textOf(result: CardActionResult | Reply): string {
  return JSON.stringify(result);
}

describe('CutoverService', () => {
  let store: BarrierStore;
  let clock: ManualClock;
  let service: CutoverService;
  let background: BackgroundService;
  let scheduled: WaitingPeriodReminder[];
  let cancelled: string[];
  let updates: { activityId: string; reply: Reply }[];
  let remindersFail: boolean;

  beforeEach(() => {
    store = new BarrierStore(new SqliteStore(':memory:'));
    clock = new ManualClock(NOW);
    scheduled = [];
    cancelled = [];
    updates = [];
    remindersFail = false;
    const outbox = {
      send: async () => 'card-1',
      update: async (_conversationId: string, activityId: string, reply: Reply) => {
        updates.push({ activityId, reply });
      },
    };
    background = new BackgroundService(outbox, silentLog);
    service = new CutoverService({
      store,
      clock,
      outbox,
      sharedCards: background,
      members: { members: async (_c, ids) => new Map(ids.map((id) => [id, { id: `29:${id}`, name: `Approver ${id.slice(0, 4)}` }])) },
      reminders: {
        scheduleWaitingPeriodEnd: async (reminder) => {
          if (remindersFail) throw new Error('reminder store down');
          scheduled.push(reminder);
        },
        cancelForPlan: async (planId) => {
          cancelled.push(planId);
        },
      },
      policy: { approverIds: [LEAD.aadObjectId!, OTHER.aadObjectId!], allowSelfApproval: false },
      settings: { ...readCutoverSettings({}), approvalExpiryHours: 72, defaultWaitingDays: 2, expirySweepSeconds: 0, maxOpenPlans: 500, maxOpenPlansPerPerson: 100 },
      log: silentLog,
      regions: new RegionCatalog(),
    });
  });

  afterEach(async () => {
    await background.idle();
    await store.close();
  });

  async function create(): Promise<string> {
    const result = await service.create(turnOf(REQUESTER), {
      formId: 'form-0001',
      cmgName: 'GraniteFalls.contoso.com',
      region: 'eastus',
      certificatePath: 'ownDomain',
      plannedDate: '2026-01-10',
      plannedTime: '22:00',
      waitingDays: '3',
    });
    const match = /(?:"planId":"|plan )(C[A-Z0-9]{5})/.exec(textOf(result));
    if (!match) throw new Error(textOf(result));
    return match[1];
  }

  it('records one decision when two approvers read the same version and write at once', async () => {
    const planId = await create();
    store.parties = 2;
    const [lee, other] = await Promise.all([
      service.approve(turnOf(LEAD), { planId, revision: 1 }),
      service.reject(turnOf(OTHER), { planId, revision: 1, reason: 'no' }),
    ]);
    const texts = [textOf(lee), textOf(other)];
    expect(texts.filter((t) => /You (approved|rejected) this plan/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('This plan is already in status'))).toHaveLength(1);
    const history = textOf(await service.statusCommand(turnOf(REQUESTER), planId));
    expect(history.match(/Lead approved|Olly Other rejected/g)).toHaveLength(1);
  });

  it('schedules the waiting-period reminder once, when the cutover is done', async () => {
    const planId = await create();
    await service.approve(turnOf(LEAD), { planId, revision: 1 });
    clock.advance(5 * HOUR);
    await service.markDone(turnOf(REQUESTER), { planId, early: true });
    await service.markDone(turnOf(LEAD), { planId, early: true });
    expect(scheduled).toEqual([
      {
        planId,
        conversationId: '19:chat@thread.v2',
        dueAt: new Date(NOW.getTime() + 5 * HOUR + 3 * DAY).toISOString(),
        lang: 'en',
        timezone: 'Europe/Amsterdam',
        cmgName: 'GraniteFalls',
        oldServiceName: 'GraniteFalls.CloudApp.net',
        newServiceName: 'GraniteFalls.EastUS.CloudApp.Azure.com',
      },
    ]);
    clock.advance(3 * DAY);
    await service.confirmOldRemoved(turnOf(LEAD), { planId });
    expect(cancelled).toEqual([planId]);
  });

  it('keeps the transition when the reminder cannot be scheduled', async () => {
    const planId = await create();
    await service.approve(turnOf(LEAD), { planId, revision: 1 });
    remindersFail = true;
    expect(textOf(await service.markDone(turnOf(REQUESTER), { planId, early: true }))).toContain('Cutover recorded');
    expect(textOf(await service.statusCommand(turnOf(REQUESTER), planId))).toContain('Cutover done: waiting period running');
  });

  it('cancels a pending reminder when the requester cancels', async () => {
    const planId = await create();
    await service.cancel(turnOf(REQUESTER), { planId });
    expect(cancelled).toEqual([planId]);
  });

  it('updates the shared card in order, with the latest plan', async () => {
    const planId = await create();
    await service.approve(turnOf(LEAD), { planId, revision: 1 });
    await service.markDone(turnOf(REQUESTER), { planId, early: true });
    await background.idle();
    expect(updates.map((u) => u.activityId)).toEqual(['card-1', 'card-1']);
    expect(textOf(updates.at(-1)!.reply)).toContain('Cutover done: waiting period running');
  });

  it('refuses an unknown plan id with a way forward', async () => {
    expect(textOf(await service.approve(turnOf(LEAD), { planId: 'CNOPE1', revision: 1 }))).toContain('I have no cutover plan CNOPE1');
    expect(textOf(await service.statusCommand(turnOf(LEAD, 'nl'), 'cnope1'))).toContain('Ik heb geen overstapplan CNOPE1');
  });
});
