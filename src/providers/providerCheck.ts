import { randomUUID } from 'node:crypto';
import { ArmProblem, AzureCloudName, parseSubscriptionId, settleWithin, SUBSCRIPTION_ID_FORMAT } from '../arm';
import type { Clock } from '../clock';
import { format } from '../i18n/language';
import { formatTime } from '../i18n/time';
import type { Logger } from '../log';
import type { SubscriptionLocation } from '../naming';
import { plainText } from '../text/markdown';
import type { BackgroundWork, Outbox, SharedCards } from '../ports';
import type { Store } from '../storage/store';
import { conversationScope, type CardActionResult, type CardReply, type Reply, type TurnInfo } from '../turn';
import type { ArmGateway } from './armGateway';
import { checkingCard, CardViewer, confirmCard, formCard, problemCard, RegistrationView, resultCard } from './providerCards';
import { CheckOutcome, ProviderChecker } from './providerChecker';
import { cmgProviderNamed, CmgProvider, missingProviders, ProviderCheckResult, registeredCount } from './providerCheckResult';
import { ProviderRegistrar, RegistrationProgress } from './registrar';
import { RefreshCooldown } from './refreshCooldown';
import { PostedCheckCard, registrationCollections, RegistrationCollections, RegistrationLock, ShownProblem, ShownRegistration } from './registrationRecords';
import type { ProviderCheckSettings } from './settings';
import { providerStrings } from './strings';
import type { CheckCardRef, CheckRun, RegisterData } from './verbs';

/** One line about the latest check in a conversation, for other capabilities to show. */
export interface LatestCheckSummary {
  subscriptionId: string;
  checkedAt: string;
  allRegistered: boolean;
  /** Localized in the language of whoever asked for the check. */
  summary: string;
}

export interface ProviderCheckDeps {
  settings: ProviderCheckSettings;
  /** From the shared ARM settings: the cloud (its notes), the default subscription, the per-call deadline. */
  azure: { cloud: AzureCloudName; defaultSubscriptionId?: string; requestTimeoutMs: number };
  /** Entra object ids (lower-case) allowed to register providers. */
  adminIds: readonly string[];
  arm: ArmGateway;
  store: Store;
  clock: Clock;
  outbox: Outbox;
  /** Replaces the posted check card for everyone as checks and registrations progress. */
  sharedCards: SharedCards;
  /** Checks that outlast their turn, registration pollers, the resume at start-up. */
  background: BackgroundWork;
  log: Logger;
}

/**
 * The provider check as people use it: ask (command, form or checklist button), see a card
 * that a slow Azure cannot hold up, refresh it, and — for administrators — register what is
 * missing and watch the same card follow the registration.
 */
export class ProviderCheck {
  private readonly checker: ProviderChecker;
  private readonly registrar: ProviderRegistrar;
  private readonly records: RegistrationCollections;
  private readonly cooldown: RefreshCooldown;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private sweeping = false;
  private stopped = false;

  constructor(private readonly deps: ProviderCheckDeps) {
    const s = deps.settings;
    this.checker = new ProviderChecker(deps.arm, deps.store, deps.clock, s.cacheSeconds);
    this.cooldown = new RefreshCooldown(s.refreshCooldownSeconds * 1000);
    this.records = registrationCollections(deps.store);
    this.registrar = new ProviderRegistrar(
      deps.arm,
      this.checker,
      this.records,
      deps.clock,
      { firstMs: s.pollFirstMs, maxMs: s.pollMaxMs, capMs: s.pollCapMs },
      4 * deps.azure.requestTimeoutMs + 60_000,
    );
  }

  /** `check providers [id]`: checks the given or default subscription, or asks which one. */
  async command(turn: TurnInfo, rawId: string | undefined): Promise<Reply[]> {
    const s = providerStrings[turn.lang];
    if (!rawId) {
      if (!this.deps.azure.defaultSubscriptionId) return [formCard(turn.lang)];
      await this.post(turn, this.deps.azure.defaultSubscriptionId);
      return [];
    }
    const subscriptionId = parseSubscriptionId(rawId);
    if (!subscriptionId) {
      return [formCard(turn.lang, { error: format(s.invalidId, { input: plainText(rawId, 80), format: SUBSCRIPTION_ID_FORMAT }) })];
    }
    await this.post(turn, subscriptionId);
    return [];
  }

  /** The guidance checklist's button: check the default subscription, or post the form. */
  async start(turn: TurnInfo): Promise<CardActionResult> {
    const subscriptionId = this.deps.azure.defaultSubscriptionId;
    if (subscriptionId) {
      await this.post(turn, subscriptionId);
    } else {
      try {
        await this.deps.outbox.send(turn.conversation.id, formCard(turn.lang));
      } catch {
        // No way to post here (no stored conversation): show the form in place of the clicked card.
        return { kind: 'card', reply: formCard(turn.lang) };
      }
    }
    // The checklist card stays as it is; the check arrives as its own message.
    return { kind: 'message', text: providerStrings[turn.lang].postedBelow };
  }

  /** The form's Check button. */
  async run(turn: TurnInfo, data: CheckRun): Promise<CardActionResult> {
    const s = providerStrings[turn.lang];
    const raw = data.subscriptionId ?? '';
    const subscriptionId = parseSubscriptionId(raw);
    if (!subscriptionId) {
      const error = format(s.invalidId, { input: plainText(raw, 80), format: SUBSCRIPTION_ID_FORMAT });
      return { kind: 'card', reply: formCard(turn.lang, { error }) };
    }
    await this.post(turn, subscriptionId);
    return { kind: 'message', text: s.postedBelow };
  }

  /**
   * Refresh: asks Azure again (no cache) and updates the card for everyone. Within the cooldown
   * the presser gets the card as it stands, saying when Refresh will ask Azure again.
   */
  async refresh(turn: TurnInfo, data: CheckCardRef): Promise<CardActionResult> {
    const posted = await this.postedCard(turn, data);
    if (!posted) return this.outOfDate(turn);
    const { cardId, card } = posted;
    const now = this.deps.clock.now();
    const taken = this.cooldown.take(turn.user.aadObjectId || turn.user.id, card.subscriptionId, now);
    if (!taken.ok) {
      const notice = format(providerStrings[turn.lang].cooldownNote, {
        seconds: Math.max(1, Math.round(taken.since / 1000)),
        time: formatTime(taken.allowedAt.toISOString(), turn.lang, turn.timezone),
      });
      return { kind: 'card', reply: await this.currentCard(card, cardId, this.viewerOf(turn), notice) };
    }
    const work = this.check(card.subscriptionId, turn.log, { fresh: true });
    const early = await settleWithin(work, this.deps.settings.replyWithinMs);
    if (early) {
      await this.updateForEveryone(cardId, card, early);
      return { kind: 'card', reply: await this.cardFor(early, card, cardId, this.viewerOf(turn)) };
    }
    void this.deps.background.run('provider check', async () => this.updateForEveryone(cardId, card, await work), turn.log);
    return { kind: 'card', reply: checkingCard(turn.lang, card.subscriptionId) };
  }

  /**
   * A reader's own view: Teams asks for it when the card is shown (the card's refresh action)
   * and Cancel on the confirmation leads here. Built from what the card last showed, without
   * asking Azure, so scrolling past a card costs no ARM reads.
   */
  async view(turn: TurnInfo, data: CheckCardRef): Promise<CardActionResult> {
    const posted = await this.postedCard(turn, data, { posted: false });
    if (!posted) return this.outOfDate(turn);
    return { kind: 'card', reply: await this.currentCard(posted.card, posted.cardId, this.viewerOf(turn)) };
  }

  /**
   * What the card shows now, for one reader, built from what it last showed (no ARM call): a
   * failed check, or the latest result with the registration running now or, when none runs, how
   * the last one on this card ended, as the card everyone gets says.
   */
  private async currentCard(card: PostedCheckCard, cardId: string, viewer: CardViewer, notice?: string): Promise<CardReply> {
    if (card.lastProblem) {
      return problemCard(card.subscriptionId, armProblemOf(card.lastProblem), viewer, { cardId, now: this.deps.clock.now(), notice });
    }
    const latest = await this.checker.latest(card.subscriptionId);
    if (!latest) return checkingCard(viewer.lang, card.subscriptionId, cardId);
    return this.cardFor(known(latest), card, cardId, viewer, notice, this.endedRegistration(card.lastRegistration));
  }

  /** "Register missing": administrators only; shows exactly what would be registered. */
  async askRegister(turn: TurnInfo, data: CheckCardRef): Promise<CardActionResult> {
    const s = providerStrings[turn.lang];
    if (!this.isAdmin(turn)) return { kind: 'message', text: s.adminsOnly };
    const posted = await this.postedCard(turn, data);
    if (!posted) return this.outOfDate(turn);
    // What the card shows (no ARM call: a button press must answer quickly).
    const latest = await this.checker.latest(posted.card.subscriptionId);
    if (!latest) return this.outOfDate(turn);
    if (await this.registrar.running(posted.card.subscriptionId)) {
      return { kind: 'card', reply: await this.cardFor(known(latest), posted.card, posted.cardId, this.viewerOf(turn)) };
    }
    const missing = missingProviders(latest);
    if (missing.length === 0) return { kind: 'message', text: s.nothingToRegister };
    return { kind: 'card', reply: confirmCard(turn.lang, latest, missing, posted.cardId) };
  }

  /** The confirmation's Register button: one registration per subscription, whoever clicks. */
  async register(turn: TurnInfo, data: RegisterData): Promise<CardActionResult> {
    const s = providerStrings[turn.lang];
    // Identity comes from the activity (Entra object id), never from card data.
    if (!this.isAdmin(turn)) return { kind: 'message', text: s.adminsOnly };
    const posted = await this.postedCard(turn, data);
    if (!posted) return this.outOfDate(turn);
    const { card, cardId } = posted;
    // The confirmation names what it registers; without that list (an older card), all that is missing.
    const named = data.namespaces?.split(',');
    const requested = named?.map((name) => cmgProviderNamed(name.trim())).filter((name): name is CmgProvider => Boolean(name));
    // Only what is still missing by the last reading (the poller keeps it current), so a late
    // repeat of the click registers nothing again; no ARM call, so the press answers quickly.
    const latest = await this.checker.latest(card.subscriptionId);
    if (!latest) return this.outOfDate(turn);
    const missing = missingProviders(latest);
    const namespaces = requested ? missing.filter((name) => requested.includes(name)) : missing;
    if (namespaces.length === 0) {
      if (await this.registrar.running(card.subscriptionId)) return { kind: 'card', reply: await this.cardFor(known(latest), card, cardId, this.viewerOf(turn)) };
      return { kind: 'message', text: s.nothingToRegister };
    }
    const by = { aadObjectId: turn.user.aadObjectId!, name: turn.user.name ?? turn.user.aadObjectId! };
    const claim = await this.registrar.claim(card.subscriptionId, cardId, by, namespaces, turn.conversation.id);
    if (claim.started) {
      turn.log.info({ subscriptionId: card.subscriptionId, namespaces, by: by.aadObjectId }, 'provider registration started');
      const lock = claim.lock;
      void this.deps.background.run('provider registration', () => this.registrar.run(card.subscriptionId, lock, (progress) => this.reportProgress(cardId, card, progress)), turn.log);
    }
    const now = (await this.checker.latest(card.subscriptionId)) ?? latest;
    return { kind: 'card', reply: await this.cardFor(known(now), card, cardId, this.viewerOf(turn)) };
  }

  /**
   * The latest provider check asked for in a conversation's scope (a channel: any of its threads),
   * as one line for other capabilities (a cutover plan shows it). Undefined when none was asked
   * there or none succeeded yet.
   */
  async latestFor(scopeId: string): Promise<LatestCheckSummary | undefined> {
    const cards = await this.records.cards.listByPartition(scopeId);
    const newest = cards.map((item) => item.value).sort((a, b) => b.postedAt.localeCompare(a.postedAt))[0];
    if (!newest) return undefined;
    const result = await this.checker.latest(newest.subscriptionId);
    if (!result) return undefined;
    const s = providerStrings[newest.lang];
    const missing = missingProviders(result);
    const name = result.subscription.displayName ? `${result.subscription.displayName} (${result.subscription.id})` : result.subscription.id;
    const state = missing.length === 0 ? s.ready : `${format(s.partly, { count: registeredCount(result) })} ${format(s.registerBefore, { list: missing.join(', ') })}`;
    return { subscriptionId: result.subscription.id, checkedAt: result.checkedAt, allRegistered: missing.length === 0, summary: `${name}: ${state}` };
  }

  /**
   * Follows again the registrations no poller follows (an instance stopped and handed its
   * registration over, or crashed and its lease ran out), updating the same card until they end:
   * at start-up, and then every `registrationSweepSeconds`, so an instance already running (a
   * rolling update, a second instance) picks them up too. In the background; stop() ends it.
   */
  resumeInterrupted(): void {
    this.sweep();
    this.sweepTimer ??= setInterval(() => this.sweep(), this.deps.settings.registrationSweepSeconds * 1000).unref();
  }

  /** One sweep at a time per instance; between instances, takeOver's conditional write decides. */
  private sweep(): void {
    if (this.stopped || this.sweeping) return;
    this.sweeping = true;
    void this.deps.background.run('provider registration sweep', async () => {
      try {
        await this.resumeAll();
      } finally {
        this.sweeping = false;
      }
    });
  }

  private async resumeAll(): Promise<void> {
    for (const orphan of await this.registrar.orphaned()) {
      // Stopping: what is left stays due for another instance.
      if (this.stopped) return;
      const lock = await this.registrar.takeOver(orphan);
      if (!lock) continue;
      const stored = await this.records.cards.get(lock.cardId);
      const log = { subscriptionId: orphan.subscriptionId, registrationId: lock.registrationId, handedOver: Boolean(orphan.lock.pausedAt) };
      this.deps.log.info(log, 'provider registration resumed');
      // Without its card (deleted) there is nothing to show, but the outcome is still recorded.
      const report = stored ? (progress: RegistrationProgress) => this.reportProgress(lock.cardId, stored.value, progress) : async () => {};
      void this.deps.background.run('provider registration', () => this.registrar.resume(orphan.subscriptionId, lock, report));
    }
  }

  /**
   * A subscription's location list, read with the provider check's identity, endpoint and
   * limits (the naming capability's region refresh). Rejects with an ArmProblem.
   */
  listLocations(subscriptionId: string, signal?: AbortSignal): Promise<SubscriptionLocation[]> {
    return this.deps.arm.listLocations(subscriptionId, signal);
  }

  /**
   * Stops the sweeps and the registration pollers; each poller hands its registration over to
   * another instance's sweep or the next start-up (the background service awaits them).
   */
  stop(): void {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    this.registrar.stop();
  }

  /** Posts the check: the result if Azure answers quickly, else "checking…" replaced later. */
  private async post(turn: TurnInfo, subscriptionId: string): Promise<void> {
    const cardId = randomUUID();
    const card: PostedCheckCard = {
      conversationId: turn.conversation.id,
      activityId: '',
      subscriptionId,
      lang: turn.lang,
      timezone: turn.timezone,
      showRegister: turn.conversation.type === 'personal' && this.isAdmin(turn),
      postedAt: this.deps.clock.now().toISOString(),
    };
    const work = this.check(subscriptionId, turn.log);
    const settled = await settleWithin(work, this.deps.settings.replyWithinMs);
    const now = this.deps.clock.now();
    const early = settled && pinned(settled, now);
    noteProblem(card, early, now);
    // Saved before posting: a client may ask for its own view as soon as the card appears.
    await this.records.cards.upsert(cardId, card);
    const first = early ? await this.cardFor(early, card, cardId, this.baseViewer(card)) : checkingCard(turn.lang, subscriptionId, cardId);
    card.activityId = await this.deps.outbox.send(turn.conversation.id, first);
    await this.records.cards.upsert(cardId, card);
    if (!early) void this.deps.background.run('provider check', async () => this.updateForEveryone(cardId, card, await work), turn.log);
  }

  /** A check whose failure is logged with ARM's status and code (people see only the message). */
  private async check(subscriptionId: string, log: Logger, options: { fresh?: boolean } = {}): Promise<CheckOutcome> {
    const outcome = await this.checker.check(subscriptionId, options);
    if (!outcome.ok) log.warn({ subscriptionId, problem: outcome.problem.kind, ...outcome.problem.detail }, 'provider check failed');
    return outcome;
  }

  private async reportProgress(cardId: string, card: PostedCheckCard, progress: RegistrationProgress): Promise<void> {
    const outcome: CheckOutcome | undefined = progress.result ? { ok: true, result: progress.result, fromCache: false } : await this.checker.check(card.subscriptionId);
    const now = this.deps.clock.now();
    // A wait Azure asked for is kept as a time, so the card and every later view name the same one.
    const problem = progress.problem && shownProblem(progress.problem, now);
    const registration: ShownRegistration = {
      registrationId: progress.lock.registrationId,
      phase: progress.phase,
      startedByName: progress.lock.startedBy.name,
      startedAt: progress.lock.startedAt,
      namespaces: progress.lock.namespaces,
      ...(problem ? { problem } : {}),
    };
    const failedCheck = outcome.ok ? undefined : (problem ?? shownProblem(outcome.problem, now));
    const reply = outcome.ok
      ? resultCard(outcome.result, this.baseViewer(card), { cardId, cloud: this.deps.azure.cloud, registration: this.viewOf(registration), now })
      : problemCard(card.subscriptionId, armProblemOf(failedCheck!), this.baseViewer(card), { cardId, now });
    // Noted before the card is replaced: a reader's own view, asked for when the new card shows, says the same.
    await this.noteShown(cardId, { lastProblem: failedCheck, lastRegistration: registration });
    await this.deliver(cardId, card, reply);
    if (progress.phase !== 'running') {
      this.deps.log.info({ subscriptionId: card.subscriptionId, registrationId: progress.lock.registrationId, outcome: progress.phase, problem: progress.problem?.kind }, 'provider registration finished');
    }
  }

  /** A check's result (or failure) replaces the card for everyone, and with it any registration outcome it showed. */
  private async updateForEveryone(cardId: string, card: PostedCheckCard, checked: CheckOutcome): Promise<void> {
    const now = this.deps.clock.now();
    const outcome = pinned(checked, now);
    noteProblem(card, outcome, now);
    card.lastRegistration = undefined;
    await this.noteShown(cardId, { lastProblem: card.lastProblem, lastRegistration: undefined });
    await this.deliver(cardId, card, await this.cardFor(outcome, card, cardId, this.baseViewer(card)));
  }

  /**
   * Writes on the card's record what the card everyone gets shows now (readers' own views are
   * built from it). A failed write is logged and the card still replaced: a registration poller
   * must not stop over it.
   */
  private async noteShown(cardId: string, shown: Pick<PostedCheckCard, 'lastProblem' | 'lastRegistration'>): Promise<void> {
    try {
      await this.records.cards.change(cardId, (current) => {
        const next: PostedCheckCard = { ...current, lastProblem: shown.lastProblem, lastRegistration: shown.lastRegistration };
        if (!next.lastProblem) delete next.lastProblem;
        if (!next.lastRegistration) delete next.lastRegistration;
        return next;
      });
    } catch (error) {
      this.deps.log.warn({ err: error, cardId }, 'provider check card: what it shows was not saved, readers may see an older view');
    }
  }

  private deliver(cardId: string, card: PostedCheckCard, reply: CardReply): Promise<void> {
    return this.deps.sharedCards.update(`providerCheck:${cardId}`, async () => ({ card, reply }));
  }

  /** A check's card; `ended` is how a registration on it ended, shown unless one runs now. */
  private async cardFor(outcome: CheckOutcome, card: PostedCheckCard, cardId: string, viewer: CardViewer, notice?: string, ended?: RegistrationView): Promise<CardReply> {
    const now = this.deps.clock.now();
    if (!outcome.ok) return problemCard(card.subscriptionId, outcome.problem, viewer, { cardId, now, notice });
    const lock = await this.registrar.running(card.subscriptionId);
    return resultCard(outcome.result, viewer, {
      cardId,
      cloud: this.deps.azure.cloud,
      fromCache: outcome.fromCache,
      registration: lock ? this.registrationView(lock, 'running') : ended,
      notice: notice ?? (outcome.shared ? providerStrings[viewer.lang].sharedNote : undefined),
      now,
    });
  }

  private registrationView(lock: RegistrationLock, phase: RegistrationView['phase']): RegistrationView {
    return { phase, startedByName: lock.startedBy.name, startedAt: lock.startedAt, namespaces: lock.namespaces, capMinutes: this.capMinutes() };
  }

  private viewOf(shown: ShownRegistration): RegistrationView {
    return {
      phase: shown.phase,
      startedByName: shown.startedByName,
      startedAt: shown.startedAt,
      namespaces: shown.namespaces,
      problem: shown.problem && armProblemOf(shown.problem),
      capMinutes: this.capMinutes(),
    };
  }

  /**
   * How the last registration on a card ended, if it did. One the card shows as running but no
   * lock holds any more (its poller died) is not shown: the next sweep follows it to its end.
   */
  private endedRegistration(shown: ShownRegistration | undefined): RegistrationView | undefined {
    return shown && shown.phase !== 'running' ? this.viewOf(shown) : undefined;
  }

  private capMinutes(): number {
    return Math.max(1, Math.round(this.deps.settings.pollCapMs / 60_000));
  }

  /** The card a button sits on, looked up on the server and only within this conversation. */
  private async postedCard(
    turn: TurnInfo,
    data: CheckCardRef,
    options: { posted: boolean } = { posted: true },
  ): Promise<{ cardId: string; card: PostedCheckCard } | undefined> {
    const cardId = data.cardId;
    const stored = await this.records.cards.get(cardId);
    if (!stored || conversationScope(stored.value.conversationId) !== turn.conversation.scopeId) return undefined;
    // Buttons that update the message need its id; a reader's own view does not.
    if (options.posted && !stored.value.activityId) return undefined;
    return { cardId, card: stored.value };
  }

  private outOfDate(turn: TurnInfo): CardActionResult {
    return { kind: 'message', text: providerStrings[turn.lang].outOfDate };
  }

  private isAdmin(turn: TurnInfo): boolean {
    const id = turn.user.aadObjectId;
    return Boolean(id) && this.deps.adminIds.includes(id!);
  }

  private viewerOf(turn: TurnInfo): CardViewer {
    return { lang: turn.lang, timezone: turn.timezone, canRegister: this.isAdmin(turn) };
  }

  private baseViewer(card: PostedCheckCard): CardViewer {
    return { lang: card.lang, timezone: card.timezone, canRegister: card.showRegister };
  }

}

/** A stored result, shown as it is (it is what the card already says). */
function known(result: ProviderCheckResult): CheckOutcome {
  return { ok: true, result, fromCache: false };
}

/** Remembers on the card record whether it shows a failed check. */
function noteProblem(card: PostedCheckCard, outcome: CheckOutcome | undefined, now: Date): void {
  card.lastProblem = outcome && !outcome.ok ? shownProblem(outcome.problem, now) : undefined;
}

/** What a card keeps of a problem it shows: a wait Azure asked for becomes the time it ends. */
function shownProblem(problem: ArmProblem, now: Date): ShownProblem {
  const { retryAfterSeconds, permission } = problem.detail;
  const retryAt = problem.detail.retryAt ?? (retryAfterSeconds ? new Date(now.getTime() + retryAfterSeconds * 1000).toISOString() : undefined);
  return { kind: problem.kind, ...(retryAfterSeconds ? { retryAfterSeconds } : {}), ...(retryAt ? { retryAt } : {}), ...(permission ? { permission } : {}) };
}

function armProblemOf(shown: ShownProblem): ArmProblem {
  const { kind, ...detail } = shown;
  return new ArmProblem(kind, detail);
}

/** A failed check with the end of Azure's wait fixed at `now`, so the card and later views agree on it. */
function pinned(outcome: CheckOutcome, now: Date): CheckOutcome {
  return outcome.ok ? outcome : { ok: false, problem: armProblemOf(shownProblem(outcome.problem, now)) };
}
