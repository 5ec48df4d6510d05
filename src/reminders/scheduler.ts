import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { FollowUpSource } from '../cutover/ports';
import type { Reply } from '../turn';
import type { Logger } from '../log';
import type { Store, StoredItem } from '../storage/store';
import { DeliveryError, Outbox } from '../ports';
import { conversationScope } from '../turn';
import { retryDelayMs, throttleDelayMs } from './backoff';
import { Pace, realPace } from './pace';
import { RateWindow, SendRateLimiter, TEAMS_CONVERSATION_LIMITS, TEAMS_GLOBAL_LIMITS } from './rateLimiter';
import { deliveryKeyOf, isActive, isFollowUp, Reminder } from './reminder';
import { rearm, ReminderBook } from './reminderBook';
import { reminderCard } from './reminderCards';
import type { ReminderSettings } from './settings';
import { SendingTurn, SendingTurns } from './sendingTurns';

/** 429s in a row before a reminder is given up: the channel is refusing for far longer than a burst. */
const MAX_THROTTLES = 30;
/** A rate-limit wait longer than this ends the conversation's turn; the next poll picks it up again. */
const LONGEST_WAIT_IN_TURN_MS = 10_000;
/** Sleep in slices so stop() is never held up by a long wait. */
const SLEEP_SLICE_MS = 200;
/** Writes that record a delivered reminder, and the pause before the second (then twice that). */
const MARK_ATTEMPTS = 3;
const MARK_RETRY_MS = 250;
const GLOBAL = '*';

export interface SchedulerOptions {
  store: Store;
  outbox: Outbox;
  clock: Clock;
  log: Logger;
  settings: ReminderSettings;
  /** Names this instance in leases and logs. */
  instanceId?: string;
  pace?: Pace;
  random?: () => number;
  conversationLimits?: readonly RateWindow[];
  globalLimits?: readonly RateWindow[];
  /** Writes the card of a cutover plan's nudge or escalation when it falls due (the cutover capability). */
  followUps?: FollowUpSource;
}

/** What one poll did; for logs, tests and the benchmark. */
export interface PollResult {
  due: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  /** Finished reminders deleted because their retention ended. */
  purged: number;
}

const NOTHING: PollResult = { due: 0, sent: 0, retried: 0, failed: 0, skipped: 0, purged: 0 };

/**
 * Delivers due reminders: a short, unref'd poll timer asks the store for due reminders (indexed
 * by due time, so no long timers and nothing lost in a restart); one instance at a time sends to
 * a conversation (see SendingTurns); each reminder is claimed with a version-checked write that
 * also records the intent to send, then sent, then marked sent.
 *
 * Exactly once: a second instance cannot claim a reminder another has claimed (the write is
 * conditional on the version it read), and a stop lets sends in flight finish and be marked. Only
 * a crash in the moment between the channel accepting a card and the "sent" write leaves a
 * reminder `sending` under a lease that expires; it is then sent again with a note, because a
 * duplicate is better than a lost reminder.
 */
export class ReminderScheduler {
  readonly instanceId: string;
  private readonly book: ReminderBook;
  private readonly turns: SendingTurns;
  private readonly limiter: SendRateLimiter;
  private readonly globalLimiter: SendRateLimiter;
  private readonly pace: Pace;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<PollResult> | undefined;
  private stopping = false;

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.pace = options.pace ?? realPace;
    this.random = options.random ?? Math.random;
    this.book = new ReminderBook(options.store, options.settings.retentionDays);
    this.limiter = new SendRateLimiter(options.conversationLimits ?? TEAMS_CONVERSATION_LIMITS);
    this.globalLimiter = new SendRateLimiter(options.globalLimits ?? TEAMS_GLOBAL_LIMITS);
    this.turns = new SendingTurns(options.store, options.clock, this.instanceId, options.settings.leaseMs, this.limiter, () => this.pace.now());
  }

  start(): void {
    if (this.timer || this.stopping) return;
    this.timer = setInterval(() => void this.poll(), this.options.settings.pollIntervalMs);
    this.timer.unref();
    // Reminders that fell due while the bot was down go out now, not one interval later.
    void this.poll();
  }

  /** Stops polling; sends in flight finish and are marked; nothing is claimed any more. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.polling?.catch(() => undefined);
  }

  /** One poll, unless one is running (then waits for that one). */
  poll(): Promise<PollResult> {
    if (this.polling) return this.polling;
    if (this.stopping) return Promise.resolve({ ...NOTHING });
    this.polling = this.pollOnce()
      .catch((error: unknown) => {
        this.options.log.error({ err: error, instance: this.instanceId }, 'reminder poll failed');
        return { ...NOTHING };
      })
      .finally(() => {
        this.polling = undefined;
      });
    return this.polling;
  }

  private async pollOnce(): Promise<PollResult> {
    const now = this.options.clock.now();
    const listed = await this.book.collection.listDue(now.toISOString(), this.options.settings.batchSize);
    // Finished reminders come due when their retention ends: the same poll deletes them.
    const expired = listed.filter((item) => !isActive(item.value));
    const due = listed.filter((item) => isActive(item.value));
    const result: PollResult = { ...NOTHING, due: due.length };
    for (const item of expired) {
      if (this.stopping) break;
      // Conditional: a snooze in the meantime re-armed it, and then it stays.
      if ((await this.book.collection.delete(item.key, item.version)) === 'ok') result.purged++;
    }
    // The due list only says which conversations have work; each is then served as a whole. A
    // conversation here is a scope (a channel with all its threads: one partition, one pace).
    const byConversation = new Map<string, StoredItem<Reminder>[]>();
    for (const item of due) {
      const scope = conversationScope(item.value.conversationId);
      byConversation.set(scope, [...(byConversation.get(scope) ?? []), item]);
    }
    const conversations = [...byConversation.keys()];
    // Each instance walks the conversations in its own random order, so instances polling the
    // same due list spread over different conversations instead of queueing for the same turn.
    // One conversation's failure (a busy store) is its own: the poll, and so a stop, still waits
    // for every other conversation's sends in flight.
    await eachWithLimit(shuffled(conversations, this.random), this.options.settings.concurrentConversations, (conversationId) =>
      this.serveConversation(conversationId, byConversation.get(conversationId) ?? [], result).catch((error: unknown) => {
        this.options.log.error({ err: error, conversationId, instance: this.instanceId }, 'could not serve the reminders of a conversation');
      }),
    );
    return result;
  }

  private async serveConversation(conversationId: string, listed: StoredItem<Reminder>[], result: PollResult): Promise<void> {
    if (this.stopping) return;
    let turn: StoredItem<SendingTurn> | undefined = await this.turns.take(conversationId);
    if (!turn) {
      result.skipped++;
      return;
    }
    try {
      // Holding the turn, deliver everything due in this conversation, not only what the
      // (bounded) due list happened to include.
      const items = await this.dueIn(conversationId, listed);
      for (const item of items) {
        if (this.stopping) break;
        // A long pause (a Retry-After) ends the turn; the next poll comes back to the conversation.
        if (this.slotWaitMs(conversationId) > LONGEST_WAIT_IN_TURN_MS) break;
        turn = await this.turns.keep(conversationId, turn);
        if (!turn) return;
        const outcome = await this.deliver(item);
        result[outcome]++;
      }
    } finally {
      if (turn) await this.turns.release(conversationId, turn).catch((error: unknown) => this.options.log.warn({ err: error, conversationId }, 'could not release a sending turn'));
    }
  }

  /**
   * The conversation's reminders that are due now (or were abandoned mid-send), earliest first:
   * the store's due index of this one partition, so a conversation with a long history costs no
   * more than one with none. What the global due list already read is merged in by key.
   */
  private async dueIn(conversationId: string, listed: StoredItem<Reminder>[]): Promise<StoredItem<Reminder>[]> {
    const now = this.options.clock.now().toISOString();
    const inPartition = await this.book.collection.listDue(now, this.options.settings.batchSize, conversationId);
    const byKey = new Map([...listed, ...inPartition].map((item) => [item.key, item]));
    const order = new Map(inPartition.map((item, i) => [item.key, i]));
    return [...byKey.values()].filter((item) => isActive(item.value)).sort((a, b) => (order.get(a.key) ?? -1) - (order.get(b.key) ?? -1));
  }

  private slotWaitMs(conversationId: string): number {
    const now = this.pace.now();
    return Math.max(this.limiter.waitMs(conversationId, now), this.globalLimiter.waitMs(GLOBAL, now));
  }

  /**
   * Waits until a send to the conversation stays within the limits and takes that slot; the
   * slot's time, or undefined when the scheduler is stopping. Called right before the request,
   * after the claim, so store latency does not skew the recorded times; `settleSlot` moves the
   * slot to when the channel answered.
   */
  private async waitForSlot(conversationId: string): Promise<number | undefined> {
    for (;;) {
      if (this.stopping) return undefined;
      const wait = this.slotWaitMs(conversationId);
      if (wait === 0) {
        // Checked and recorded in one synchronous step, so concurrent conversations cannot share a slot.
        const now = this.pace.now();
        this.limiter.record(conversationId, now);
        this.globalLimiter.record(GLOBAL, now);
        return now;
      }
      await this.pace.sleep(Math.min(wait, SLEEP_SLICE_MS));
    }
  }

  /** The send that took the slot at `startedAt` is answered (or refused): pace from now on. */
  private settleSlot(conversationId: string, startedAt: number): void {
    const now = this.pace.now();
    this.limiter.settle(conversationId, startedAt, now);
    this.globalLimiter.settle(GLOBAL, startedAt, now);
  }

  /** Claims, sends and marks one reminder; the outcome counts towards the poll's result. */
  private async deliver(listed: StoredItem<Reminder>): Promise<'sent' | 'retried' | 'failed' | 'skipped'> {
    const claimed = await this.claim(listed);
    if (!claimed) return 'skipped';
    const { log, clock, outbox } = this.options;
    const context = { reminderId: claimed.value.id, deliveryKey: deliveryKeyOf(claimed.value), conversationId: claimed.value.conversationId, instance: this.instanceId };
    // A plan's follow-up: the claim is ours, so its card is asked for once per round (again only on a retry).
    let followUp: { reply: Reply; nextDueAt?: string } | undefined;
    if (isFollowUp(claimed.value)) {
      try {
        followUp = await this.prepareFollowUp(claimed.value);
      } catch (error) {
        return this.handleFailure(claimed, error, context);
      }
      if (!followUp) {
        // The plan was decided (or is gone): nothing to send, and nothing more to come.
        await this.book.collection.replace(claimed.key, { ...claimed.value, state: 'done', lease: undefined, closedBy: { at: clock.now().toISOString() } }, claimed.version);
        return 'skipped';
      }
    }
    const scope = conversationScope(claimed.value.conversationId);
    const slot = await this.waitForSlot(scope);
    if (slot === undefined) {
      // Stopping before the send: hand the reminder back untouched for whoever polls next.
      await this.book.collection.replace(claimed.key, { ...claimed.value, state: listed.value.state, lease: listed.value.lease, inDoubt: listed.value.inDoubt }, claimed.version);
      return 'skipped';
    }
    const reminder = claimed.value;
    const lateMs = Math.max(0, clock.now().getTime() - new Date(reminder.dueAt).getTime());
    let activityId: string;
    try {
      const reply = followUp ? followUp.reply : reminderCard({ ...reminder, lateMs });
      activityId = await outbox.send(reminder.conversationId, reply).finally(() => this.settleSlot(scope, slot));
    } catch (error) {
      return this.handleFailure(claimed, error, context);
    }
    // The card has arrived. From here only recording that can fail, and that is never a failed
    // delivery: the reminder is not re-armed for a retry, nor listed as not delivered.
    const sentAt = clock.now().toISOString();
    const sent: Reminder = { ...reminder, state: 'sent', activityId, sentAt, lateMs, lease: undefined, retryAt: undefined };
    // A repeating nudge is armed for its next round in the same conditional write that records this one.
    const next = followUp?.nextDueAt ? { ...rearm(reminder, new Date(followUp.nextDueAt)), sentAt, lateMs } : sent;
    const marked = await this.markSent(reminder.id, next, claimed.version, context);
    if (marked === 'takenOver') log.warn({ ...context }, 'reminder sent, but its claim was taken over before it could be marked');
    log.info({ ...context, lateMs, attempts: reminder.attempts, inDoubt: reminder.inDoubt }, 'reminder sent');
    return 'sent';
  }

  /**
   * Records a delivered reminder, trying the write again when the store fails (busy, briefly
   * unreachable). If it never succeeds the reminder stays `sending` under this instance's lease:
   * once that runs out it is sent again with the note that it may be a copy, never silently twice.
   */
  private async markSent(key: string, next: Reminder, version: string, context: Record<string, unknown>): Promise<'ok' | 'takenOver' | 'unrecorded'> {
    for (let attempt = 1; ; attempt++) {
      try {
        const written = await this.book.collection.replace(key, next, version);
        return written.status === 'ok' ? 'ok' : 'takenOver';
      } catch (error) {
        if (attempt >= MARK_ATTEMPTS) {
          this.options.log.error({ ...context, err: error }, 'reminder sent, but it could not be recorded as sent; it will be sent again, marked as a possible copy, when its lease ends');
          return 'unrecorded';
        }
        await this.pace.sleep(MARK_RETRY_MS * attempt);
      }
    }
  }

  private async prepareFollowUp(reminder: Reminder): Promise<{ reply: Reply; nextDueAt?: string } | undefined> {
    const source = this.options.followUps;
    if (!source || !reminder.followUp) return undefined;
    return source.prepareFollowUp({ planId: reminder.followUp.planId, kind: reminder.kind === 'approvalNudge' ? 'nudge' : 'escalation', dueAt: reminder.dueAt });
  }

  /**
   * The atomic claim: a write conditional on the version that was read, which moves the reminder
   * to `sending` under this instance's lease. It fails if anyone changed the reminder since (a
   * person cancelled it, another instance claimed it). A reminder found `sending` under an
   * expired lease was being sent when its instance died: it may or may not have arrived.
   */
  private async claim(listed: StoredItem<Reminder>): Promise<StoredItem<Reminder> | undefined> {
    const now = this.options.clock.now();
    const outcome = await this.book.collection.change(
      listed.key,
      (current) => {
        const due = current.state === 'pending' && (current.retryAt ?? current.dueAt) <= now.toISOString() && current.dueAt <= now.toISOString();
        const abandoned = current.state === 'sending' && (current.lease?.until ?? '') <= now.toISOString();
        if (!due && !abandoned) return undefined;
        if (abandoned) this.options.log.warn({ reminderId: current.id, previousOwner: current.lease?.owner }, 'reminder was being sent when its instance stopped; sending again');
        return {
          ...current,
          state: 'sending',
          inDoubt: abandoned || current.inDoubt,
          lease: { owner: this.instanceId, until: new Date(now.getTime() + this.options.settings.leaseMs).toISOString() },
        };
      },
      // Starts from the listed version; one re-read on a conflict, after which another instance has it.
      { from: listed, attempts: 2 },
    );
    return outcome.status === 'ok' ? outcome.item : undefined;
  }

  private async handleFailure(claimed: StoredItem<Reminder>, error: unknown, context: Record<string, unknown>): Promise<'retried' | 'failed'> {
    const { log, clock, settings } = this.options;
    const reminder = claimed.value;
    const status = error instanceof DeliveryError ? error.status : undefined;
    const detail = status ? `HTTP ${status}` : error instanceof Error ? error.message.slice(0, 200) : String(error);
    const now = clock.now();
    let next: Reminder;
    if (error instanceof DeliveryError && error.isPermanent) {
      next = { ...reminder, state: 'failed', lease: undefined, failure: { reason: status === 403 ? 'removed' : 'notFound', status, detail, at: now.toISOString() } };
    } else if (status === 429) {
      const throttles = reminder.throttles + 1;
      const delay = throttleDelayMs(error instanceof DeliveryError ? error.retryAfterSeconds : undefined, throttles, this.random);
      this.limiter.pause(conversationScope(reminder.conversationId), this.pace.now() + delay);
      next =
        throttles > MAX_THROTTLES
          ? { ...reminder, throttles, state: 'failed', lease: undefined, failure: { reason: 'gaveUp', status, detail, at: now.toISOString() } }
          : { ...reminder, throttles, state: 'pending', lease: undefined, retryAt: new Date(now.getTime() + delay).toISOString() };
    } else {
      const attempts = reminder.attempts + 1;
      next =
        attempts >= settings.maxAttempts
          ? { ...reminder, attempts, state: 'failed', lease: undefined, failure: { reason: 'gaveUp', status, detail, at: now.toISOString() } }
          : {
              ...reminder,
              attempts,
              state: 'pending',
              lease: undefined,
              // No answer came: the card may have arrived, so the next try says it may be a copy.
              ...(error instanceof DeliveryError && error.unanswered ? { inDoubt: true } : {}),
              retryAt: new Date(now.getTime() + retryDelayMs(attempts, settings.retryBaseMs, settings.retryMaxMs, this.random)).toISOString(),
            };
    }
    const written = await this.book.collection.replace(reminder.id, next, claimed.version);
    if (written.status !== 'ok') log.warn({ ...context }, 'reminder delivery failed and its claim was taken over meanwhile');
    const level = next.state === 'failed' ? 'warn' : 'info';
    log[level]({ ...context, status, detail, attempts: next.attempts, throttles: next.throttles, retryAt: next.retryAt }, next.state === 'failed' ? 'reminder not delivered' : 'reminder delivery will be retried');
    return next.state === 'failed' ? 'failed' : 'retried';
  }
}

/** A copy of `items` in random order (Fisher–Yates). */
function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function eachWithLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}
