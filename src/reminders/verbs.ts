import { z } from 'zod';

/** Card verbs of the reminder card and the reminder list. */
export const REMINDER_VERBS = {
  done: 'reminder.done',
  snooze: 'reminder.snooze',
  extend: 'reminder.extend',
  cancel: 'reminder.cancel',
  /** Another page of the reminder list. */
  page: 'reminder.page',
} as const;

/** A page of the list; bounded so a forged number cannot make the bot walk far. */
const PAGE = z.coerce.number().int().min(1).max(1000);

/** What a reminder button sends back: which reminder, which delivery of it, and from where. */
export const REMINDER_ACTION = z.object({
  reminderId: z.string().min(1).max(200),
  round: z.coerce.number().int().min(1),
  /** Pressed in the list (the answer is the list again) rather than on the delivered card. */
  from: z.literal('list').optional(),
  /** The list page the button was on, so the answer shows that page again. */
  page: PAGE.optional(),
  /** "Extend the wait": the days chosen on the card (Input.ChoiceSet values are strings). */
  extendDays: z.union([z.string(), z.number()]).optional(),
});

export type ReminderAction = z.infer<typeof REMINDER_ACTION>;

/** The list's Previous / Next buttons. */
export const REMINDER_PAGE = z.object({ page: PAGE });

export type ReminderPage = z.infer<typeof REMINDER_PAGE>;
