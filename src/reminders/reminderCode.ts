import { createHash, randomInt } from 'node:crypto';
import type { Reminder } from './reminder';

/**
 * Short reminder ids. Consonants only: a code is never a number (so "reminder 2" still means a
 * list position and never an id), never spells a word, and has no 0/O or 1/I/L to misread.
 * 19⁴ ≈ 130,000 codes; a conversation holds at most a few hundred reminders.
 */
const LETTERS = 'BCDFGHJKMNPQRSTVWXZ';
const LENGTH = 4;
const CODE = new RegExp(`^[${LETTERS}]{${LENGTH}}$`);

/** A code no reminder in `taken` has. */
export function newReminderCode(taken: ReadonlySet<string>, pick: (n: number) => number = randomInt): string {
  for (;;) {
    const code = Array.from({ length: LENGTH }, () => LETTERS[pick(LETTERS.length)]).join('');
    if (!taken.has(code)) return code;
  }
}

/** The reminder's code; one stored before codes existed gets a stable one from its id. */
export function codeOf(reminder: Pick<Reminder, 'id' | 'code'>): string {
  if (reminder.code) return reminder.code;
  const digest = createHash('sha256').update(reminder.id).digest();
  return Array.from({ length: LENGTH }, (_, i) => LETTERS[digest[i] % LETTERS.length]).join('');
}

/** A typed code in any case, with or without a leading #; undefined when it cannot be one. */
export function readReminderCode(text: string): string | undefined {
  const code = text.trim().replace(/^#/, '').toUpperCase();
  return CODE.test(code) ? code : undefined;
}
