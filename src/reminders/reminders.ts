import { createHash, randomUUID } from 'node:crypto';
import { expiryReminderDates } from '../checks';
import type { ExpiringCertificate, ExpiryReminders } from '../checks';
import type { Clock } from '../clock';
import type { ApprovalFollowUp, ApprovalFollowUps, WaitingPeriodReminder, WaitingPeriodReminders } from '../cutover/ports';
import { format, Lang } from '../i18n/language';
import type { SharedCards } from '../ports';
import type { Store } from '../storage/store';
import { plainText } from '../text/markdown';
import { CardActionResult, CardReply, conversationScope, messageCard, Reply, TurnInfo } from '../turn';
import { parseDelay, parseDueTime } from './dueTime';
import { followUpKey, isActive, isFollowUp, Reminder, waitingPeriodKey } from './reminder';
import { rearm, ReminderBook } from './reminderBook';
import { localTime, reminderCard, reminderListCard, reminderWhat } from './reminderCards';
import { codeOf, newReminderCode, readReminderCode } from './reminderCode';
import { reminderStrings } from './strings';
import type { ReminderAction, ReminderPage } from './verbs';

const DAY_MS = 24 * 60 * 60_000;
/** Longest "extend the wait" the card offers a choice for (a week) times a margin for typed values. */
const MAX_EXTEND_DAYS = 30;
/** Reminders named when a number is ambiguous: enough to find the one meant, short enough to read. */
const CHOICES_SHOWN = 6;

type Found = { ok: true; reminder: Reminder } | { ok: false; reply: Reply };

/**
 * The reminders capability: people set, list, snooze and cancel reminders in a conversation, a
 * finished cutover schedules its waiting-period reminder here, and a certificate check its expiry
 * reminders. Delivery is the scheduler's job; this class only changes what is stored.
 */
export class Reminders implements WaitingPeriodReminders, ExpiryReminders, ApprovalFollowUps {
  readonly book: ReminderBook;
  private readonly sharedCards: SharedCards | undefined;
  private readonly maxPending: number;

  constructor(
    store: Store,
    private readonly clock: Clock,
    options: {
      /** To update a delivered reminder card for everyone after Done/Snooze/Extend. */
      sharedCards?: SharedCards;
      /** See ReminderSettings.retentionDays. */
      retentionDays: number;
      /** See ReminderSettings.maxPending. */
      maxPending?: number;
    },
  ) {
    this.book = new ReminderBook(store, options.retentionDays);
    this.sharedCards = options.sharedCards;
    this.maxPending = options.maxPending ?? 50;
  }

  /** `remind me in 2 days to remove the old CMG`, `herinner me morgen 09:00 …` */
  async request(turn: TurnInfo, text: string): Promise<Reply> {
    const s = reminderStrings[turn.lang];
    const now = this.clock.now();
    const parsed = parseDueTime(text, now, turn.timezone);
    if (!parsed.ok) return messageCard(s.problemTitle, s.problems[parsed.problem], 'warning');
    const existing = await this.book.all(turn.conversation);
    if (existing.filter(isActive).length >= this.maxPending) return this.tooMany(turn.lang);
    const reminder = await this.book.add({
      id: randomUUID(),
      code: newReminderCode(new Set(existing.map(codeOf))),
      conversationId: turn.conversation.id,
      kind: 'request',
      note: parsed.rest.slice(0, 300) || undefined,
      lang: turn.lang,
      timezone: turn.timezone,
      requestedBy: { name: turn.user.name, aadObjectId: turn.user.aadObjectId },
      createdAt: now.toISOString(),
      dueAt: parsed.dueAt.toISOString(),
      state: 'pending',
      round: 1,
      attempts: 0,
      throttles: 0,
    });
    // The note is the person's own words: shown literally, never as Markdown.
    const note = reminder.note ? `: ${plainText(reminder.note, 300)}` : '';
    const code = codeOf(reminder);
    return messageCard(s.scheduledTitle, `${format(s.scheduledBody, { time: localTime(reminder.dueAt, turn.lang, turn.timezone), note })}\n\n${format(s.scheduledHint, { code })}`);
  }

  async list(turn: TurnInfo, page = 1): Promise<CardReply> {
    return reminderListCard(await this.book.listed(turn.conversation), turn.lang, turn.timezone, page);
  }

  /** The list's Previous / Next buttons. */
  async page(turn: TurnInfo, data: ReminderPage): Promise<CardActionResult> {
    return { kind: 'card', reply: await this.list(turn, data.page) };
  }

  /** `cancel reminder BXKQ` (or an old list number, when it can only mean one reminder). */
  async cancel(turn: TurnInfo, ref: string): Promise<Reply> {
    const s = reminderStrings[turn.lang];
    const found = await this.find(turn, ref, 'cancel');
    if (!found.ok) return found.reply;
    const code = codeOf(found.reminder);
    const outcome = await this.book.change(found.reminder.id, (r) => (r.state === 'pending' ? { ...r, state: 'cancelled', closedBy: { name: turn.user.name, at: this.now() } } : undefined));
    if (outcome.status !== 'ok') return messageCard('', this.notActiveText(turn.lang, code, outcome), 'warning');
    return messageCard(s.cancelledTitle, format(s.cancelledBody, { code, what: reminderWhat(outcome.reminder, turn.lang) }));
  }

  /** `snooze reminder BXKQ` (a day) or `snooze reminder BXKQ 3 hours`: counted from now. */
  async snooze(turn: TurnInfo, ref: string, delayText: string | undefined): Promise<Reply> {
    const s = reminderStrings[turn.lang];
    const found = await this.find(turn, ref, 'snooze');
    if (!found.ok) return found.reply;
    const code = codeOf(found.reminder);
    const typed = Boolean(delayText?.trim());
    const delayMs = typed ? parseDelay(delayText!)?.as('milliseconds') : DAY_MS;
    if (!delayMs || delayMs < 60_000 || delayMs > 90 * DAY_MS) return messageCard('', format(s.badDelay, { code }), 'warning');
    // A typed length says when ("2 hours" from now); without one it is the button's day's delay.
    const due = (r: Reminder) => (typed ? this.fromNow(delayMs) : this.postponed(r, delayMs));
    const outcome = await this.book.change(found.reminder.id, (r) => (r.state === 'sending' || r.state === 'cancelled' || r.state === 'done' ? undefined : rearm(r, due(r))));
    if (outcome.status !== 'ok') return messageCard('', this.notActiveText(turn.lang, code, outcome), 'warning');
    const time = localTime(outcome.reminder.dueAt, turn.lang, turn.timezone);
    return messageCard(s.snoozedTitle, format(s.snoozedBody, { code, what: reminderWhat(outcome.reminder, turn.lang), time }));
  }

  /** Card buttons: Done / Snooze 1 day / Extend the wait on the reminder card; Snooze / Cancel in the list. */
  async cardAction(turn: TurnInfo, verb: 'done' | 'snooze' | 'extend' | 'cancel', data: ReminderAction): Promise<CardActionResult> {
    const s = reminderStrings[turn.lang];
    const id = data.reminderId;
    const stored = await this.book.get(id);
    // Only people in the reminder's own conversation (in a channel: any of its threads) can act on
    // it; card data is not proof of that. A plan's nudges belong to the cutover capability: no
    // reminder button changes them.
    if (!stored || conversationScope(stored.value.conversationId) !== turn.conversation.scopeId || isFollowUp(stored.value)) return { kind: 'message', text: s.outOfDate };
    const fromList = data.from === 'list';
    const round = data.round;
    const who = turn.user.name ?? '';
    let change: (r: Reminder) => Reminder | undefined;
    switch (verb) {
      case 'done':
        change = (r) => (r.round === round && (r.state === 'sent' || r.state === 'failed') ? { ...r, state: 'done', closedBy: { name: who, at: this.now() } } : undefined);
        break;
      case 'cancel':
        change = (r) => (r.state === 'pending' ? { ...r, state: 'cancelled', closedBy: { name: who, at: this.now() } } : undefined);
        break;
      case 'snooze':
        change = (r) => (r.round === round && r.state !== 'sending' && r.state !== 'done' && r.state !== 'cancelled' ? rearm(r, this.postponed(r, DAY_MS)) : undefined);
        break;
      case 'extend': {
        const days = Number(data.extendDays);
        if (!Number.isInteger(days) || days < 1 || days > MAX_EXTEND_DAYS) return { kind: 'error', status: 400, code: 'BadExtend', message: s.badDelay };
        // Only a waiting period can be extended; the card offers the button nowhere else.
        change = (r) => (r.kind === 'waitingPeriod' && r.round === round && (r.state === 'sent' || r.state === 'failed') ? rearm(r, this.fromNow(days * DAY_MS)) : undefined);
        break;
      }
    }
    const outcome = await this.book.change(id, change);
    if (outcome.status === 'notFound') return { kind: 'message', text: s.outOfDate };
    if (fromList) return { kind: 'card', reply: await this.list(turn, data.page) };
    const updated = this.deliveredCardView(outcome.reminder, stored.value, turn.lang, turn.timezone, outcome.status === 'ok' ? verb : undefined, who);
    const activityId = stored.value.activityId;
    if (outcome.status === 'ok' && activityId) {
      // Everyone else in the conversation still sees the buttons; replace the card for them too.
      await this.sharedCards?.update(`reminder:${id}`, async () => ({ card: { conversationId: stored.value.conversationId, activityId }, reply: updated }), turn.log);
    }
    return { kind: 'card', reply: updated };
  }

  // ---- WaitingPeriodReminders (the cutover capability's port) ----

  async scheduleWaitingPeriodEnd(plan: WaitingPeriodReminder): Promise<void> {
    // Not counted against the conversation's limit: a finished cutover must always get its reminder.
    const existing = await this.book.all({ id: plan.conversationId, scopeId: conversationScope(plan.conversationId) });
    await this.book.add({
      id: waitingPeriodKey(plan.planId),
      code: newReminderCode(new Set(existing.map(codeOf))),
      conversationId: plan.conversationId,
      kind: 'waitingPeriod',
      cutover: { planId: plan.planId, cmgName: plan.cmgName, oldServiceName: plan.oldServiceName, newServiceName: plan.newServiceName },
      lang: plan.lang,
      timezone: plan.timezone,
      createdAt: this.now(),
      dueAt: new Date(plan.dueAt).toISOString(),
      state: 'pending',
      round: 1,
      attempts: 0,
      throttles: 0,
    });
  }

  async cancelForPlan(planId: string): Promise<void> {
    await this.cancelPending(waitingPeriodKey(planId));
  }

  /** Cancels the reminder under `key` if it has not gone out yet; anything else stays as it is. */
  private async cancelPending(key: string): Promise<void> {
    await this.book.change(key, (r) => (r.state === 'pending' ? { ...r, state: 'cancelled', closedBy: { at: this.now() } } : undefined));
  }

  // ---- ApprovalFollowUps (the cutover capability's nudges and escalation) ----

  async scheduleFollowUp(followUp: ApprovalFollowUp): Promise<void> {
    // Create-only under the plan's key: a retried create keeps the first; the scheduler owns it from here.
    await this.book.add({
      id: followUpKey(followUp.planId, followUp.kind),
      conversationId: followUp.conversationId,
      kind: followUp.kind === 'nudge' ? 'approvalNudge' : 'approvalEscalation',
      followUp: { planId: followUp.planId },
      lang: followUp.lang,
      createdAt: this.now(),
      dueAt: new Date(followUp.dueAt).toISOString(),
      state: 'pending',
      round: 1,
      attempts: 0,
      throttles: 0,
    });
  }

  async cancelFollowUps(planId: string): Promise<void> {
    for (const kind of ['nudge', 'escalation'] as const) await this.cancelPending(followUpKey(planId, kind));
  }

  // ---- ExpiryReminders (the checks capability's port) ----

  /**
   * "Remind us before it expires": one reminder 30 and one 7 days before the certificate's
   * notAfter. Each is stored under a key made of the conversation, the certificate's fingerprint
   * and the lead time, create-only, so pressing twice (or on two copies of the card) schedules
   * each once; the scheduler delivers them like any reminder, across restarts.
   */
  async remindBeforeExpiry(turn: TurnInfo, certificate: ExpiringCertificate): Promise<string> {
    const s = reminderStrings[turn.lang];
    const now = this.clock.now();
    // The answer is shown as plain text on the card: the name keeps only what a host name has.
    const name = certificate.name.replace(/[^\w.*-]|_/g, '').slice(0, 253);
    const date = localTime(certificate.validTo.toISOString(), turn.lang, turn.timezone);
    const moments = expiryReminderDates(certificate.validTo, now);
    if (moments.length === 0) return format(s.expiryTooLate, { name, date });
    const conversationId = turn.conversation.id;
    const existing = await this.book.all(turn.conversation);
    const taken = new Set(existing.map(codeOf));
    const keys = moments.map(({ daysBefore }) => expiryKey(turn.conversation.scopeId, certificate.fingerprint256, daysBefore));
    const known = new Map(existing.map((reminder) => [reminder.id, reminder]));
    const missing = moments.filter((_, i) => !known.has(keys[i]));
    if (missing.length > 0 && existing.filter(isActive).length + missing.length > this.maxPending) return format(s.tooManyText, { max: this.maxPending });
    const scheduled: Reminder[] = [];
    for (const [i, { daysBefore, at }] of moments.entries()) {
      const code = known.get(keys[i])?.code ?? newReminderCode(taken);
      taken.add(code);
      scheduled.push(
        await this.book.add({
          id: keys[i],
          code,
          conversationId,
          kind: 'expiry',
          expiry: { name: certificate.name.slice(0, 253), fingerprint256: certificate.fingerprint256, validTo: certificate.validTo.toISOString(), daysBefore },
          lang: turn.lang,
          timezone: turn.timezone,
          requestedBy: { name: turn.user.name, aadObjectId: turn.user.aadObjectId },
          createdAt: now.toISOString(),
          dueAt: at.toISOString(),
          state: 'pending',
          round: 1,
          attempts: 0,
          throttles: 0,
        }),
      );
    }
    // Each moment has commas of its own, so they are set apart with semicolons.
    const list = scheduled.map((reminder) => format(s.expiryMoment, { days: reminder.expiry?.daysBefore ?? 0, time: localTime(reminder.dueAt, turn.lang, turn.timezone), code: codeOf(reminder) })).join('; ');
    return format(missing.length === 0 ? s.expiryAlreadyBody : s.expiryScheduledBody, { name, date, moments: list });
  }

  // ---- helpers ----

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** "Snooze 2 hours" means two hours from now, whatever the reminder's current due time. */
  private fromNow(delayMs: number): Date {
    return new Date(this.clock.now().getTime() + delayMs);
  }

  /**
   * "Snooze 1 day" on a button: a day later than it would have come, so a reminder still weeks
   * away is never pulled forward; a delivered one comes a day from now.
   */
  private postponed(reminder: Reminder, delayMs: number): Date {
    const base = Math.max(this.clock.now().getTime(), reminder.state === 'pending' ? Date.parse(reminder.dueAt) : 0);
    return new Date(base + delayMs);
  }

  private tooMany(lang: Lang): Reply {
    const s = reminderStrings[lang];
    return messageCard(s.tooManyTitle, format(s.tooMany, { max: this.maxPending }), 'warning');
  }

  /**
   * The reminder a typed reference means: its id, or a number from an older list. A number is
   * taken only when it cannot mean anything else (the conversation has one reminder waiting and
   * the number is 1); otherwise the answer names the ids to use instead.
   */
  private async find(turn: TurnInfo, ref: string, verb: 'cancel' | 'snooze'): Promise<Found> {
    const s = reminderStrings[turn.lang];
    const code = readReminderCode(ref);
    const all = await this.book.all(turn.conversation);
    const shownRef = plainText(ref.trim().slice(0, 20), 20);
    if (code) {
      const matches = all.filter((reminder) => codeOf(reminder) === code);
      const reminder = matches.find(isActive) ?? matches[0];
      return reminder ? { ok: true, reminder } : { ok: false, reply: messageCard('', format(s.noSuchReminder, { ref: shownRef }), 'warning') };
    }
    const listed = await this.book.listed(turn.conversation);
    const open = listed.filter((reminder) => isActive(reminder) || reminder.state === 'failed');
    if (ref.trim() === '1' && open.length === 1) return { ok: true, reminder: open[0] };
    const candidates = (open.length > 0 ? open : listed).slice(0, CHOICES_SHOWN);
    if (candidates.length === 0) return { ok: false, reply: messageCard('', format(s.noSuchReminder, { ref: shownRef }), 'warning') };
    // One line each, id first: the ids are what to type.
    const choices = candidates.map((reminder) => `**${codeOf(reminder)}**: ${reminderWhat(reminder, turn.lang)}`).join('\n\n');
    const example = format(verb === 'cancel' ? s.cancelExample : s.snoozeExample, { code: codeOf(candidates[0]) });
    return { ok: false, reply: messageCard('', format(s.numberAmbiguous, { choices, example }), 'warning') };
  }

  private notActiveText(lang: Lang, code: string, outcome: { status: string; reminder?: Reminder }): string {
    const s = reminderStrings[lang];
    if (!outcome.reminder) return format(s.noSuchReminder, { ref: code });
    return format(s.notActive, { code, state: s.states[outcome.reminder.state].toLowerCase() });
  }

  /** The delivered card after a button: its facts stay, the buttons become a status line. */
  private deliveredCardView(current: Reminder, delivered: Reminder, lang: Lang, timezone: string | undefined, action: string | undefined, who: string): CardReply {
    const s = reminderStrings[lang];
    const view: Reminder = { ...delivered, state: current.state };
    // Display names are the people's own text: shown literally in the card everyone sees.
    const name = plainText(current.closedBy?.name || who, 100);
    let status: string;
    if (current.state === 'done') status = format(s.doneStatus, { name, time: localTime(current.closedBy?.at ?? this.now(), lang, timezone) });
    else if (current.state === 'cancelled') status = s.cancelledStatus;
    else if (isActive(current)) status = format(action === 'extend' ? s.extendedStatus : s.snoozedStatus, { name: plainText(who, 100), time: localTime(current.dueAt, lang, timezone) });
    else return reminderCard(current);
    return reminderCard(view, { status });
  }
}

/** The key of one expiry reminder: per conversation, certificate and lead time. */
function expiryKey(conversationId: string, fingerprint256: string, daysBefore: number): string {
  const digest = createHash('sha256').update(`${conversationId}\n${fingerprint256.toUpperCase()}\n${daysBefore}`).digest('hex').slice(0, 40);
  return `expiry-${digest}`;
}
