import type pino from 'pino';
import { ArmConnection, ArmOverrides } from './arm';
import { ActivityRenderer } from './bot/activityRenderer';
import { activityEndpoint, createAdapter } from './bot/adapter';
import { BackgroundService } from './bot/backgroundService';
import type { Capabilities } from './bot/capabilities';
import { CardRenderer } from './bot/cardRenderer';
import { CmgBot } from './bot/cmgBot';
import { cardActionTable, commandTable } from './bot/commands';
import { ConversationReferences } from './bot/conversationReferences';
import { TeamsMemberDirectory } from './bot/memberDirectory';
import { ProactiveOutbox } from './bot/outbox';
import { Checks } from './checks';
import { Clock, systemClock } from './clock';
import type { Config } from './config';
import { CutoverService } from './cutover';
import type { CutoverProbes } from './cutover/ports';
import { Guidance } from './guidance';
import { Knowledge } from './knowledge';
import { Naming, RegionCatalog } from './naming';
import { createLogger, Logger } from './log';
import type { Outbox } from './ports';
import { createServer, RunningServer } from './server';
import { createNamePreflight } from './namePreflight';
import { createProviderCheck } from './providers';
import { Reminders } from './reminders/reminders';
import { ReminderScheduler } from './reminders/scheduler';
import { openStore } from './storage/openStore';
import type { Store } from './storage/store';

/** Edges a test or benchmark may replace; production uses the defaults. */
export interface AppOverrides {
  clock?: Clock;
  store?: Store;
  logDestination?: pino.DestinationStream;
  /** ARM identity and endpoint for the provider check and the name pre-flight (tests: a fake credential and a local ARM). */
  arm?: ArmOverrides;
  /** Fail a card render whose data lacks a field instead of showing "—" (tests). */
  strictCards?: boolean;
}

export interface RunningApp {
  url: string;
  port: number;
  store: Store;
  log: Logger;
  capabilities: Capabilities;
  /** Proactive sends through stored conversation references (tests check a reference survives a restart). */
  outbox: Outbox;
  /** Resolves when background work and shared-card updates have settled (tests, benchmarks). */
  idle(): Promise<void>;
  /** Graceful stop: no new requests, turns in flight finish, background work stops, storage closes. */
  stop(): Promise<void>;
}

/** The live checks as the cutover capability asks for them (it knows nothing of the checks' cards or verdict names). */
function cutoverProbes(checks: Checks, clock: Clock): CutoverProbes {
  return {
    async cname(host, regionName) {
      const result = await checks.checkCname(host, regionName);
      if (!result.ok) return { verdict: 'unresolved' };
      const { verdict, target } = result.check;
      const mapped = verdict === 'scaleSet' || verdict === 'classic' ? verdict : verdict === 'other' || verdict === 'noCname' || verdict === 'azureName' ? 'other' : 'unresolved';
      return { verdict: mapped, ...(target ? { target } : {}) };
    },
    async endpoint(host) {
      const result = await checks.checkEndpoint(host);
      if (!result.ok) return { kind: 'failed', reason: 'refused' };
      const check = result.check;
      switch (check.kind) {
        case 'presented':
          return {
            kind: 'presented',
            nameMatches: check.nameMatches,
            chainTrusted: check.chainTrusted,
            expired: Date.parse(check.certificate.validTo) <= clock.now().getTime(),
            ...(check.certificate.commonName ? { commonName: check.certificate.commonName } : {}),
          };
        case 'refused':
          return { kind: 'failed', reason: 'refused' };
        case 'dnsFailed':
          return { kind: 'failed', reason: 'unresolved' };
        case 'connectFailed':
          return { kind: 'failed', reason: 'unreachable' };
      }
    },
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** The composition root: config → log → storage → clock → capabilities → bot → server. */
export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const log = createLogger(config.logLevel, [config.bot.appPassword, config.storage.azureConnectionString, config.arm.identity.clientSecret, config.arm.identity.certificatePassword], overrides.logDestination);
  if (!config.bot.appId) {
    log.warn('MicrosoftAppId is not set: running anonymously for local use. Requests are not authenticated; never expose this to the internet.');
  }
  const store = overrides.store ?? (await openStore(config.storage));
  const clock = overrides.clock ?? systemClock;

  const adapter = createAdapter(config.bot);
  const references = new ConversationReferences(store, () => clock.now().getTime());
  const renderer = new ActivityRenderer(new CardRenderer({ strict: overrides.strictCards }));
  const access = { adapter, references, appId: config.bot.appId ?? '' };
  const outbox = new ProactiveOutbox(access, renderer);
  const background = new BackgroundService(outbox, log);

  // One ARM connection for every Azure read: one identity and token cache, one cap on calls in flight.
  const arm = new ArmConnection(config.arm, overrides.arm);
  const providerCheck = createProviderCheck({ settings: config.providers, adminIds: config.access.adminIds, store, clock, outbox, sharedCards: background, background, log }, arm);

  const reminders = new Reminders(store, clock, { sharedCards: background, retentionDays: config.reminders.retentionDays, maxPending: config.reminders.maxPending });
  // The scheduler paces and retries itself, so its sends skip botbuilder's own retries.
  // A send waits at most a third of the claim's lease (and 30 s), so a hung connection neither
  // holds up the other reminders nor outlives the claim; what timed out is sent again as a possible copy.
  const reminderOutbox = new ProactiveOutbox(access, renderer, { callerRetries: true, timeoutMs: Math.min(30_000, Math.floor(config.reminders.leaseMs / 3)) });

  // One catalog per app, shared by naming, guidance and cutover, so a region refresh reaches both.
  const regions = new RegionCatalog();
  // The expiry radar: a check card's "Remind us before it expires" schedules durable reminders.
  const checks = new Checks({ settings: config.checks, regions, clock, log, expiryReminders: reminders });
  const cutover = new CutoverService({
    store,
    clock,
    outbox,
    sharedCards: background,
    members: new TeamsMemberDirectory(access),
    reminders,
    // Nudges and escalation of waiting plans go through the durable reminder scheduler.
    followUps: reminders,
    // "Cutover done" runs the CNAME check; "old CMG removed" the pre-removal checklist (CNAME and endpoint).
    probes: cutoverProbes(checks, clock),
    providerChecks: providerCheck,
    regions,
    policy: { approverIds: config.access.approverIds, allowSelfApproval: config.access.allowSelfApproval },
    settings: config.cutover,
    log,
  });
  // The scheduler asks the cutover capability for a nudge's card when it falls due.
  const reminderScheduler = new ReminderScheduler({ store, outbox: reminderOutbox, clock, log, settings: config.reminders, followUps: cutover });

  const naming = new Naming(regions);
  const guidance = new Guidance(regions);
  const namePreflight = createNamePreflight({ settings: config.namePreflight, regions, clock, outbox, sharedCards: background, background, log }, arm);
  const refreshFrom = config.arm.defaultSubscriptionId;
  // In the background: start-up and turns never wait for Azure; answers use the built-in list until then.
  if (config.naming.regionRefresh && refreshFrom) {
    void background.run('region refresh', () => naming.refreshRegions((signal) => providerCheck.listLocations(refreshFrom, signal), log));
  }

  // Builds the knowledge index once, here, not per question.
  const knowledge = new Knowledge(store, clock, config.knowledge, { background });
  const capabilities: Capabilities = { providerCheck, namePreflight, cutover, reminders, naming, guidance, knowledge, checks };

  const bot = new CmgBot(commandTable(capabilities), cardActionTable(capabilities), references, renderer, log, () => clock.now(), { tenants: config.bot.tenants, limits: config.bot.limits });
  adapter.onTurnError = async (_context, error) => {
    // CmgBot reports its own errors; this only catches failures outside its run().
    log.error({ err: error }, 'unhandled turn error');
  };

  const http = createServer(
    activityEndpoint(adapter, (context) => bot.run(context), log),
    { check: () => store.ping() },
    { maxBodyBytes: config.server.maxBodyBytes, readyCacheMs: config.server.readyCacheMs, log },
  );
  const running: RunningServer = await http.listen(config.server.port, config.server.host);
  const loopback = isLoopback(running.host);
  log.info(
    { url: running.url, host: running.host, port: running.port, reachableFrom: loopback ? 'this machine only' : 'other machines too', storage: store.kind, authenticated: Boolean(config.bot.appId) },
    `CMG Assistant is listening on ${running.host}:${running.port}`,
  );
  if (!config.bot.appId && !loopback) {
    log.warn({ host: running.host }, 'Anonymous and reachable from other machines (HOST is set): anyone who can reach this port can use the bot. Unset HOST to listen on 127.0.0.1 only.');
  }
  // After the server is up, so reminders that fell due while the bot was down go out at start-up.
  if (config.reminders.schedulerEnabled) reminderScheduler.start();
  // Registrations no poller follows (a previous run, or another instance, stopped or crashed while
  // following them): now and on a timer, so their cards carry on updating.
  providerCheck.resumeInterrupted();
  // Expire undecided plans on a short timer (the due-time index makes an idle sweep nearly free).
  const expirySweep =
    config.cutover.expirySweepSeconds > 0
      ? setInterval(() => void background.run('cutover expiry sweep', () => cutover.expireOverdue()), config.cutover.expirySweepSeconds * 1000).unref()
      : undefined;

  let stopping: Promise<void> | undefined;
  return {
    url: running.url,
    port: running.port,
    store,
    log,
    capabilities,
    outbox,
    idle: async () => {
      await knowledge.flush();
      await background.idle();
    },
    stop() {
      stopping ??= (async () => {
        await running.close(config.server.shutdownGraceMs);
        clearInterval(expirySweep);
        // Long waits end early (a region read, registration pollers hand over), then all background work settles once.
        naming.stop();
        providerCheck.stop();
        // Unanswered questions still waiting are written before storage closes.
        await knowledge.flush();
        await background.idle();
        // Reminder sends in flight finish and are marked before storage closes.
        await reminderScheduler.stop();
        await store.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
}
