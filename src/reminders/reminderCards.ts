import { format, Lang } from '../i18n/language';
import { formatDuration, formatTime } from '../i18n/time';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import { isActive, Reminder } from './reminder';
import { codeOf } from './reminderCode';
import { reminderStrings } from './strings';

/** Reminder times show the weekday: "Tue 6 Jan 2026, 09:00 (Europe/Amsterdam)" reads as the day people plan by. */
export const localTime = (iso: string, lang: Lang, zone: string | undefined): string => formatTime(iso, lang, zone, { weekday: true });

/** Lateness below this is the poll interval at work, not an outage worth mentioning. */
const LATE_NOTE_AFTER_MS = 5 * 60_000;

/**
 * Reminders per list page. A row with its two buttons (and their fallbacks) and the longest note
 * is about 1.8 KB, so ten rows keep a page near 20 KB, well inside the 28 KB a card may have.
 */
export const LIST_PAGE_SIZE = 10;

const DAY_MS = 24 * 60 * 60_000;

export interface ReminderCardState {
  /** After Done / Snooze / Extend: the line that replaces the buttons. */
  status?: string;
}

/** Title, introduction, facts and steps of the delivered card, by what the reminder is about. */
function content(reminder: Reminder): { title: string; intro: string; facts: { title: string; value: string }[]; steps: string[]; summary: string } {
  const s = reminderStrings[reminder.lang];
  const { cutover, expiry } = reminder;
  if (cutover) {
    const cmg = plainText(cutover.cmgName, 100);
    return {
      title: format(s.waitingOverTitle, { cmg }),
      intro: format(s.waitingOverIntro, { newName: plainText(cutover.newServiceName, 200) }),
      facts: [
        { title: s.factCmg, value: cmg },
        { title: s.factOldName, value: plainText(cutover.oldServiceName, 200) },
        { title: s.factNewName, value: plainText(cutover.newServiceName, 200) },
      ],
      steps: s.steps,
      summary: format(s.summaryWaiting, { cmg: cutover.cmgName }),
    };
  }
  if (expiry) {
    const name = plainText(expiry.name, 253);
    const validTo = localTime(expiry.validTo, reminder.lang, reminder.timezone);
    const title = format(s.expiryTitle, { name, days: daysLeft(expiry.validTo, reminder) });
    return {
      title,
      intro: format(s.expiryIntro, { date: validTo }),
      facts: [
        { title: s.factCertificate, value: name },
        { title: s.factValidTo, value: validTo },
      ],
      steps: s.expirySteps.map((step) => format(step, { name })),
      summary: format(s.expiryTitle, { name: expiry.name, days: daysLeft(expiry.validTo, reminder) }),
    };
  }
  // A person's own reminder is about whatever they wrote: no cutover steps to go with it.
  return { title: s.requestTitle, intro: s.requestIntro, facts: [], steps: [], summary: format(s.summaryRequest, { note: reminder.note || s.requestTitle }) };
}

/** Whole days from the due time to the certificate's expiry (what the reminder was set for, 30 or 7, also when late). */
function daysLeft(validTo: string, reminder: Reminder): number {
  return Math.max(0, Math.round((Date.parse(validTo) - Date.parse(reminder.dueAt) - (reminder.lateMs ?? 0)) / DAY_MS));
}

/** The proactive card: what the reminder is about, what to do now, and the buttons. */
export function reminderCard(reminder: Reminder, view: ReminderCardState = {}): CardReply<'reminder'> {
  const s = reminderStrings[reminder.lang];
  const about = content(reminder);
  const facts = [
    ...about.facts,
    { title: s.factDue, value: localTime(reminder.dueAt, reminder.lang, reminder.timezone) },
    { title: s.factCode, value: codeOf(reminder) },
  ];
  const notes = [
    ...(reminder.lateMs !== undefined && reminder.lateMs >= LATE_NOTE_AFTER_MS ? [{ text: format(s.lateNote, { late: formatDuration(reminder.lateMs, reminder.lang, 'nearest') }) }] : []),
    ...(reminder.inDoubt ? [{ text: s.inDoubtNote }] : []),
  ];
  const status = view.status ?? (reminder.state === 'cancelled' ? s.cancelledStatus : '');
  const data = {
    title: about.title,
    intro: about.intro,
    note: reminder.note ? plainText(reminder.note, 300) : '',
    facts,
    stepsTitle: s.stepsTitle,
    steps: about.steps.map((step, i) => ({ text: `${i + 1}\\. ${step}` })),
    notes,
    status,
    active: status === '',
    reminderId: reminder.id,
    round: reminder.round,
    canExtend: reminder.kind === 'waitingPeriod',
    labels: { done: s.done, snooze: s.snooze, extend: s.extend, extendBy: s.extendBy, extendConfirm: s.extendConfirm },
    extendChoices: s.extendChoices.map((choice) => ({ title: choice.title, value: String(choice.days) })),
  };
  return card('reminder', data, about.summary.slice(0, 200));
}

/** What a reminder is about, in one line for the list. */
export function reminderWhat(reminder: Reminder, lang: Lang): string {
  const s = reminderStrings[lang];
  if (reminder.cutover) return format(s.waitingWhat, { cmg: plainText(reminder.cutover.cmgName, 100) });
  if (reminder.expiry) return format(s.expiryWhat, { name: plainText(reminder.expiry.name, 200), days: reminder.expiry.daysBefore });
  return reminder.note ? plainText(reminder.note, 200) : s.requestTitle;
}

/** One page of the conversation's reminders, each with its id, as the text commands refer to them. */
export function reminderListCard(reminders: Reminder[], lang: Lang, timezone: string | undefined, page = 1): CardReply<'reminderList'> {
  const s = reminderStrings[lang];
  const pages = Math.max(1, Math.ceil(reminders.length / LIST_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pages);
  const first = (shown - 1) * LIST_PAGE_SIZE;
  const onPage = reminders.slice(first, first + LIST_PAGE_SIZE);
  const items = onPage.map((reminder) => {
    const sent = reminder.state === 'sent' && reminder.sentAt;
    const failure = reminder.state === 'failed' ? reminder.failure : undefined;
    return {
      id: reminder.id,
      round: reminder.round,
      code: codeOf(reminder),
      what: reminderWhat(reminder, lang),
      when: sent ? `${s.listSent}: ${localTime(reminder.sentAt!, lang, timezone)}` : `${s.listDue}: ${localTime(reminder.dueAt, lang, timezone)}`,
      state: s.states[reminder.state],
      color: reminder.state === 'failed' ? 'Attention' : isActive(reminder) ? 'Accent' : 'Good',
      detail: failure ? format(s.failures[failure.reason], { detail: plainText(failure.detail, 120), attempts: reminder.attempts }) : '',
      active: reminder.state === 'pending',
      page: shown,
    };
  });
  const zone = timezone ?? 'UTC';
  // The hint's example is a reminder on this page that the commands can act on.
  const example = codeOf(onPage.find((reminder) => reminder.state === 'pending') ?? onPage[0] ?? { id: '', code: 'BXKQ' });
  return card(
    'reminderList',
    {
      title: s.listTitle,
      empty: s.listEmpty,
      pageText: pages > 1 ? format(s.listPage, { from: first + 1, to: first + onPage.length, total: reminders.length }) : '',
      items,
      hint: format(s.listHint, { zone, code: example }),
      labels: { snooze: s.snooze, cancel: s.cancelButton, previous: s.previousPage, next: s.nextPage },
      hasPrevious: shown > 1,
      hasNext: shown < pages,
      previousPage: shown - 1,
      nextPage: shown + 1,
    },
    s.listTitle,
  );
}
