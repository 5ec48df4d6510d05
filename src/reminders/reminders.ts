import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { WaitingPeriodReminder, WaitingPeriodReminders } from '../cutover/ports';
import { format, Lang } from '../i18n/language';
import type { SharedCards } from '../ports';
import type { Store } from '../storage/store';
import { plainText } from '../text/markdown';
import { CardActionResult, CardReply, messageCard, Reply, TurnInfo } from '../turn';
import { parseDelay, parseDueTime } from './dueTime';
import { isActive, Reminder, waitingPeriodKey } from './reminder';
import { rearm, ReminderBook } from './reminderBook';
import { localTime, reminderCard, reminderListCard, reminderWhat } from './reminderCards';
import { reminderStrings } from './strings';
import type { ReminderAction } from './verbs';


const DAY_MS = 24 * 60 * 60_000;
/** Longest "extend the wait" the card offers a choice for (a week) times a margin for typed values. */
const MAX_EXTEND_DAYS = 30;

/**
 * The reminders capability: people set, list, snooze and cancel reminders in a conversation,
 * and a finished cutover schedules its waiting-period reminder here. Delivery is the
 * scheduler's job; this class only changes what is stored.
 */
export class Reminders implements WaitingPeriodReminders {
  readonly book: ReminderBook;

  constructor(
    store: Store,
    private readonly clock: Clock,
    options: {
      /** To update a delivered reminder card for everyone after Done/Snooze/Extend. */
      sharedCards?: SharedCards;
      /** See ReminderSettings.retentionDays. */
      retentionDays: number;
    },
  ) {
    this.book = new ReminderBook(store, options.retentionDays);
    this.sharedCards = options.sharedCards;
  }

  private readonly sharedCards: SharedCards | undefined;

  /** `remind me in 2 days to remove the old CMG`, `herinner me morgen 09:00 …` */
  async request(turn: TurnInfo, text: string): Promise<Reply> {
    const s = reminderStrings[turn.lang];
    const now = this.clock.now();
    const parsed = parseDueTime(text, now, turn.timezone);
    if (!parsed.ok) return messageCard(s.problemTitle, s.problems[parsed.problem], 'warning');
    const reminder = await this.book.add({
      id: randomUUID(),
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
    const note = reminder.note ? `: ${plainText(reminder.note, 300)}` : '';
    return messageCard(s.scheduledTitle, `${format(s.scheduledBody, { time: localTime(reminder.dueAt, turn.lang, turn.timezone), note })}\n\n${s.scheduledHint}`);
  }

  async list(turn: TurnInfo): Promise<CardReply> {
    return reminderListCard(await this.book.listed(turn.conversation.id), turn.lang, turn.timezone);
  }

  /** `cancel reminder 2` */
  async cancelNumber(turn: TurnInfo, number: number): Promise<Reply> {
    const s = reminderStrings[turn.lang];
    const found = await this.numbered(turn, number);
    if (typeof found === 'string') return messageCard('', found, 'warning');
    const outcome = await this.book.change(found.id, (r) => (r.state === 'pending' ? { ...r, state: 'cancelled', closedBy: { name: turn.user.name, at: this.now() } } : undefined));
    if (outcome.status !== 'ok') return messageCard('', this.notActiveText(turn.lang, number, outcome), 'warning');
    return messageCard(s.cancelledTitle, format(s.cancelledBody, { number, what: reminderWhat(outcome.reminder, turn.lang) }));
  }

  /** `snooze reminder 2` (a day) or `snooze reminder 2 3 hours` */
  async snoozeNumber(turn: TurnInfo, number: number, delayText: string | undefined): Promise<Reply> {
    const s = reminderStrings[turn.lang];
    const delay = delayText?.trim() ? parseDelay(delayText) : undefined;
    const delayMs = delayText?.trim() ? delay?.as('milliseconds') : DAY_MS;
    if (!delayMs || delayMs < 60_000 || delayMs > 90 * DAY_MS) return messageCard('', s.badDelay, 'warning');
    const found = await this.numbered(turn, number);
    if (typeof found === 'string') return messageCard('', found, 'warning');
    const outcome = await this.book.change(found.id, (r) => (r.state === 'sending' || r.state === 'cancelled' || r.state === 'done' ? undefined : rearm(r, this.postponed(r, delayMs))));
    if (outcome.status !== 'ok') return messageCard('', this.notActiveText(turn.lang, number, outcome), 'warning');
    const time = localTime(outcome.reminder.dueAt, turn.lang, turn.timezone);
    return messageCard(s.snoozedTitle, format(s.snoozedBody, { number, what: reminderWhat(outcome.reminder, turn.lang), time }));
  }

  /** Card buttons: Done / Snooze (1 day) / Extend the wait on the reminder card; Snooze / Cancel in the list. */
  async cardAction(turn: TurnInfo, verb: 'done' | 'snooze' | 'extend' | 'cancel', data: ReminderAction): Promise<CardActionResult> {
    const s = reminderStrings[turn.lang];
    const id = data.reminderId;
    const stored = await this.book.get(id);
    // Only people in the reminder's own conversation can act on it; card data is not proof of that.
    if (!stored || stored.value.conversationId !== turn.conversation.id) return { kind: 'message', text: s.outOfDate };
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
        change = (r) => (r.round === round && (r.state === 'sent' || r.state === 'failed') ? rearm(r, new Date(this.clock.now().getTime() + days * DAY_MS)) : undefined);
        break;
      }
    }
    const outcome = await this.book.change(id, change);
    if (outcome.status === 'notFound') return { kind: 'message', text: s.outOfDate };
    if (fromList) return { kind: 'card', reply: await this.list(turn) };
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
    await this.book.add({
      id: waitingPeriodKey(plan.planId),
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
    await this.book.change(waitingPeriodKey(planId), (r) => (r.state === 'pending' ? { ...r, state: 'cancelled', closedBy: { at: this.now() } } : undefined));
  }

  // ---- helpers ----

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** A later due time: from the current one if it is still ahead, else from now. */
  private postponed(reminder: Reminder, delayMs: number): Date {
    const base = Math.max(this.clock.now().getTime(), reminder.state === 'pending' ? new Date(reminder.dueAt).getTime() : 0);
    return new Date(base + delayMs);
  }

  /** The reminder behind a list number, or the text to answer when there is none. */
  private async numbered(turn: TurnInfo, number: number): Promise<Reminder | string> {
    const listed = await this.book.listed(turn.conversation.id);
    return listed[number - 1] ?? format(reminderStrings[turn.lang].noSuchReminder, { number });
  }

  private notActiveText(lang: Lang, number: number, outcome: { status: string; reminder?: Reminder }): string {
    const s = reminderStrings[lang];
    if (!outcome.reminder) return format(s.noSuchReminder, { number });
    return format(s.notActive, { number, state: s.states[outcome.reminder.state].toLowerCase() });
  }

  /** The delivered card after a button: its facts stay, the buttons become a status line. */
  private deliveredCardView(current: Reminder, delivered: Reminder, lang: Lang, timezone: string | undefined, action: string | undefined, who: string): CardReply {
    const s = reminderStrings[lang];
    const view: Reminder = { ...delivered, state: current.state };
    let status: string;
    if (current.state === 'done') status = format(s.doneStatus, { name: plainText(current.closedBy?.name ?? who, 100), time: localTime(current.closedBy?.at ?? this.now(), lang, timezone) });
    else if (current.state === 'cancelled') status = s.cancelledStatus;
    else if (isActive(current)) status = format(action === 'extend' ? s.extendedStatus : s.snoozedStatus, { name: plainText(who, 100), time: localTime(current.dueAt, lang, timezone) });
    else return reminderCard(current);
    return reminderCard(view, { status });
  }
}
