import { format, Lang } from '../i18n/language';
import { formatDuration, formatTime } from '../i18n/time';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import { isActive, Reminder } from './reminder';
import { reminderStrings } from './strings';

/** Reminder times show the weekday: "Tue 6 Jan 2026, 09:00 (Europe/Amsterdam)" reads as the day people plan by. */
export const localTime = (iso: string, lang: Lang, zone: string | undefined): string => formatTime(iso, lang, zone, { weekday: true });

/** Lateness below this is the poll interval at work, not an outage worth mentioning. */
const LATE_NOTE_AFTER_MS = 5 * 60_000;

export interface ReminderCardState {
  /** After Done / Snooze / Extend: the line that replaces the buttons. */
  status?: string;
}

/** The proactive card: the waiting period is over (or the person's own note), what to do now, and the buttons. */
export function reminderCard(reminder: Reminder, view: ReminderCardState = {}): CardReply<'reminder'> {
  const s = reminderStrings[reminder.lang];
  const cutover = reminder.cutover;
  const cmg = cutover ? plainText(cutover.cmgName, 100) : '';
  const title = cutover ? format(s.waitingOverTitle, { cmg }) : s.requestTitle;
  const facts = [
    ...(cutover
      ? [
          { title: s.factCmg, value: plainText(cutover.cmgName, 100) },
          { title: s.factOldName, value: plainText(cutover.oldServiceName, 200) },
          { title: s.factNewName, value: plainText(cutover.newServiceName, 200) },
        ]
      : []),
    { title: s.factDue, value: localTime(reminder.dueAt, reminder.lang, reminder.timezone) },
  ];
  const notes = [
    ...(reminder.lateMs !== undefined && reminder.lateMs >= LATE_NOTE_AFTER_MS ? [{ text: format(s.lateNote, { late: formatDuration(reminder.lateMs, reminder.lang, 'nearest') }) }] : []),
    ...(reminder.inDoubt ? [{ text: s.inDoubtNote }] : []),
  ];
  const status = view.status ?? (reminder.state === 'cancelled' ? s.cancelledStatus : '');
  const data = {
    title,
    intro: cutover ? format(s.waitingOverIntro, { newName: plainText(cutover.newServiceName, 200) }) : s.requestIntro,
    note: reminder.note ? plainText(reminder.note, 300) : '',
    facts,
    stepsTitle: s.stepsTitle,
    steps: s.steps.map((step, i) => ({ text: `${i + 1}\\. ${step}` })),
    notes,
    status,
    active: status === '',
    reminderId: reminder.id,
    round: reminder.round,
    labels: { done: s.done, snooze: s.snooze, extend: s.extend, extendBy: s.extendBy, extendConfirm: s.extendConfirm },
    extendChoices: s.extendChoices.map((choice) => ({ title: choice.title, value: String(choice.days) })),
  };
  const summary = cutover ? format(s.summaryWaiting, { cmg: cutover.cmgName }) : format(s.summaryRequest, { note: reminder.note || s.requestTitle });
  return card('reminder', data, summary.slice(0, 200));
}

/** What a reminder is about, in one line for the list. */
export function reminderWhat(reminder: Reminder, lang: Lang): string {
  const s = reminderStrings[lang];
  if (reminder.cutover) return format(s.waitingWhat, { cmg: plainText(reminder.cutover.cmgName, 100) });
  return reminder.note ? plainText(reminder.note, 200) : s.requestTitle;
}

/** The conversation's reminders, numbered as the text commands refer to them. */
export function reminderListCard(reminders: Reminder[], lang: Lang, timezone: string | undefined): CardReply<'reminderList'> {
  const s = reminderStrings[lang];
  const items = reminders.map((reminder, i) => {
    const sent = reminder.state === 'sent' && reminder.sentAt;
    const failure = reminder.state === 'failed' ? reminder.failure : undefined;
    return {
      id: reminder.id,
      round: reminder.round,
      number: String(i + 1),
      what: reminderWhat(reminder, lang),
      when: sent ? `${s.listSent}: ${localTime(reminder.sentAt!, lang, timezone)}` : `${s.listDue}: ${localTime(reminder.dueAt, lang, timezone)}`,
      state: s.states[reminder.state],
      color: reminder.state === 'failed' ? 'Attention' : isActive(reminder) ? 'Accent' : 'Good',
      detail: failure ? format(s.failures[failure.reason], { detail: plainText(failure.detail, 120), attempts: reminder.attempts }) : '',
      active: reminder.state === 'pending',
    };
  });
  const zone = timezone ?? 'UTC';
  return card(
    'reminderList',
    { title: s.listTitle, empty: s.listEmpty, items, hint: format(s.listHint, { zone }), labels: { snooze: s.snoozeButton, cancel: s.cancelButton } },
    s.listTitle,
  );
}
