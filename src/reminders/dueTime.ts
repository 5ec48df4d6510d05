import * as chrono from 'chrono-node';
import { DateTime, Duration } from 'luxon';
import { usableZone } from '../i18n/time';

/**
 * Understands when a person wants to be reminded, in English or Dutch, in their own time zone:
 * "in 2 days", "over 3 dagen", "in 10 minutes", "in 1 week and 2 days", "tomorrow 09:00",
 * "morgen om 9:30", "today at 17:00", "at 16:45", "on 2026-03-02 at 08:00" by our own rules;
 * weekdays, dates and vaguer phrases ("next Tuesday", "volgende week", "2 maart", "over een paar
 * dagen") through chrono-node's English and Dutch parsers.
 *
 * Calendar units (days, weeks) keep the wall-clock time across a daylight-saving change, as a
 * person means it: "in 2 days" at 10:00 on a Saturday is 10:00 on Monday even if the clocks moved.
 */

export type DueTimeProblem = 'noTime' | 'tooSoon' | 'tooFar' | 'badTime';

export type DueTimeResult =
  | { ok: true; dueAt: Date; /** The text with the time expression removed: what to remind of. */ rest: string }
  | { ok: false; problem: DueTimeProblem };

/** Shortest and longest delay a reminder accepts: from minutes up to a quarter of a year. */
export const MIN_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 90 * 24 * 60 * 60_000;

/** When "tomorrow" comes without a time: the start of a working day. */
const DEFAULT_HOUR = 9;

const UNIT_WORDS: Record<'minutes' | 'hours' | 'days' | 'weeks', string> = {
  minutes: 'm|mins?|minutes?|minuut|minuten',
  hours: 'h|hrs?|hours?|uur|uren',
  days: 'd|days?|dag|dagen',
  weeks: 'w|wks?|weeks?|weken',
};
const UNIT = `(?:${Object.values(UNIT_WORDS).join('|')})`;
// Number words need a space before the unit, so "and" is never read as "an d(ay)".
const COUNT = '(?<![\\p{L}\\d])(?:\\d{1,4}\\s*|(?:an?|one|een|één)\\s+)';
const AMOUNT = `${COUNT}${UNIT}(?![\\p{L}\\d])`;
const RELATIVE = new RegExp(`(?<![\\p{L}\\d])(?:in|over|na|after)\\s+(${AMOUNT}(?:\\s*(?:,|and|en|\\+)?\\s*${AMOUNT})*)`, 'iu');
const DAY_AT = /(?<![\p{L}\d])(tomorrow|morgen|today|vandaag)(?:\s*(?:at|om|,))?(?:\s+(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|uur|u\b|h\b)?)?(?![\p{L}\d])/iu;
const DATE_AT = /(?<![\p{L}\d])(?:on|op)\s+(\d{4})-(\d{2})-(\d{2})(?:\s*(?:at|om)?\s+(\d{1,2})[:.](\d{2}))?(?![\p{L}\d])/iu;
const AT = /(?<![\p{L}\d])(?:at|om)\s+(\d{1,2})[:.](\d{2})\s*(am|pm|uur|u\b|h\b)?(?![\p{L}\d])/iu;

/** Dutch for "a few" that chrono's Dutch parser reads only as "paar"; replaced in place so indexes stay. */
const A_FEW_NL = /(?<![\p{L}\d])(?:een paar|enkele)(?![\p{L}\d])/giu;

/** "maandagochtend", "vrijdagmiddag": Dutch writes the part of the day onto the weekday; chrono reads them apart. */
const DAY_PART_NL = /(?<![\p{L}\d])(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(ochtend|middag|avond)(?![\p{L}\d])/giu;

/** Words before a weekday or date that belong to it ("on Tuesday", "op 2 april", "aanstaande vrijdag") and not to the reminder's text. */
const LEAD = /(?:(?:on|op)\s+)?(?:(?:aanstaande|komende|coming|next|volgende)\s+)?$/i;

/**
 * "next Friday" / "volgende vrijdag" said on a Monday: chrono reads the Friday of next week, while
 * people setting a reminder mostly mean the coming one (and the card shows the date to check).
 * The word is blanked (indexes stay) so chrono reads the weekday alone; on that same weekday it
 * still means a week later.
 */
const NEXT_WEEKDAY = /(?<![\p{L}\d])(?:next|volgende)(?=\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?![\p{L}\d]))/giu;

/** Parts of the day chrono places on its own clock; only the morning keeps our start of the working day. */
const DAY_PART_HOURS = /^casualReference\/(?:afternoon|evening|night|noon|midnight)$/;

/**
 * The longest date or time either of chrono's parsers finds, placed on the reader's clock (the
 * Dutch parser reads only "14:00" of "friday at 14:00", the English one only "14:00" of "vrijdag
 * om 14:00"). Relative phrases ("next week", "over een paar dagen") keep the wall-clock time,
 * like our own "in 2 days"; a day named without a time ("on Tuesday", "2 maart") means the
 * start of that working day, and a weekday that has already begun means next week's.
 */
function chronoDue(text: string, now: Date, zone: string): { due: DateTime; index: number; length: number } | undefined {
  const local = DateTime.fromJSDate(now, { zone });
  const next = text.search(NEXT_WEEKDAY) >= 0;
  const prepared = text.replace(A_FEW_NL, (words) => 'paar'.padStart(words.length)).replace(NEXT_WEEKDAY, (word) => ' '.repeat(word.length));
  const results = [chrono.nl.casual, chrono.en.casual].flatMap((parser) => parser.parse(prepared, { instant: now, timezone: local.offset }, { forwardDate: true }).slice(0, 1));
  const result = results.reduce<(typeof results)[number] | undefined>((best, next) => (!best || next.text.length > best.text.length ? next : best), undefined);
  if (!result) return undefined;
  const start = result.start;
  const tags = result.tags();
  const clock = start.isCertain('hour') || tags.has('result/relativeDate') || [...tags].some((tag) => DAY_PART_HOURS.test(tag));
  let due = DateTime.fromObject(
    {
      year: start.get('year') ?? local.year,
      month: start.get('month') ?? local.month,
      day: start.get('day') ?? local.day,
      hour: clock ? (start.get('hour') ?? DEFAULT_HOUR) : DEFAULT_HOUR,
      minute: clock ? (start.get('minute') ?? 0) : 0,
    },
    { zone },
  );
  // "friday" said on a Friday after nine: the person means the coming one, not a moment ago.
  if (start.isCertain('weekday') && !start.isCertain('day') && (due.toMillis() <= now.getTime() || (next && due.hasSame(local, 'day')))) due = due.plus({ weeks: 1 });
  const lead = LEAD.exec(text.slice(0, result.index))?.[0].length ?? 0;
  return { due, index: result.index - lead, length: result.text.length + lead };
}

/** Parses a delay on its own ("1 day", "2 uur", "30 minutes"), e.g. for snoozing. */
export function parseDelay(text: string): Duration | undefined {
  const trimmed = text.trim();
  if (!new RegExp(`^(?:(?:for|voor|in|over)\\s+)?${AMOUNT}(?:\\s*(?:,|and|en|\\+)?\\s*${AMOUNT})*$`, 'iu').test(trimmed)) return undefined;
  return durationOf(trimmed);
}

function durationOf(amounts: string): Duration | undefined {
  const parts = [...amounts.matchAll(new RegExp(`(${COUNT})(${UNIT})(?![\\p{L}\\d])`, 'giu'))];
  if (parts.length === 0) return undefined;
  const total: Record<'minutes' | 'hours' | 'days' | 'weeks', number> = { minutes: 0, hours: 0, days: 0, weeks: 0 };
  for (const [, count, unit] of parts) {
    const n = /^\d+$/.test(count.trim()) ? Number(count.trim()) : 1;
    const name = (Object.keys(UNIT_WORDS) as (keyof typeof UNIT_WORDS)[]).find((key) => new RegExp(`^(?:${UNIT_WORDS[key]})$`, 'i').test(unit))!;
    total[name] += n;
  }
  return Duration.fromObject(total);
}

function hour24(hour: number, suffix: string | undefined): number {
  const s = suffix?.toLowerCase();
  if (s === 'pm' && hour < 12) return hour + 12;
  if (s === 'am' && hour === 12) return 0;
  return hour;
}

/**
 * Finds the first time expression in `text` and computes the due time from `now` in `timezone`.
 * Anything outside the accepted range is a problem value the caller explains to the user.
 */
export function parseDueTime(typed: string, now: Date, timezone: string | undefined): DueTimeResult {
  const text = typed.replace(DAY_PART_NL, '$1 $2');
  const zone = usableZone(timezone);
  const local = DateTime.fromJSDate(now, { zone });
  let due: DateTime | undefined;
  let match: RegExpMatchArray | null;
  let found: { index: number; length: number } | undefined;

  if ((match = text.match(RELATIVE))) {
    const duration = durationOf(match[1]);
    if (!duration) return { ok: false, problem: 'noTime' };
    due = local.plus(duration);
  } else if ((match = text.match(DAY_AT))) {
    const day = /^(tomorrow|morgen)$/i.test(match[1]) ? local.plus({ days: 1 }) : local;
    const hour = match[2] !== undefined ? hour24(Number(match[2]), match[4]) : DEFAULT_HOUR;
    const minute = match[3] !== undefined ? Number(match[3]) : 0;
    if (hour > 23 || minute > 59) return { ok: false, problem: 'badTime' };
    due = day.set({ hour, minute, second: 0, millisecond: 0 });
  } else if ((match = text.match(DATE_AT))) {
    const hour = match[4] !== undefined ? Number(match[4]) : DEFAULT_HOUR;
    const minute = match[5] !== undefined ? Number(match[5]) : 0;
    due = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour, minute }, { zone });
    if (!due.isValid || hour > 23 || minute > 59) return { ok: false, problem: 'badTime' };
  } else if ((match = text.match(AT))) {
    const hour = hour24(Number(match[1]), match[3]);
    const minute = Number(match[2]);
    if (hour > 23 || minute > 59) return { ok: false, problem: 'badTime' };
    due = local.set({ hour, minute, second: 0, millisecond: 0 });
    // "at 08:00" said in the afternoon means tomorrow morning.
    if (due <= local) due = due.plus({ days: 1 });
  }
  if (match) found = { index: match.index!, length: match[0].length };
  // chrono also reads what our rules read only part of ("op dinsdag om 14:00" is more than "om 14:00").
  const parsed = chronoDue(text, now, zone);
  if (parsed && (!found || (parsed.index <= found.index && parsed.index + parsed.length >= found.index + found.length && parsed.length > found.length))) {
    if (!parsed.due.isValid) return { ok: false, problem: 'badTime' };
    due = parsed.due;
    found = parsed;
  }
  if (!due || !found) return { ok: false, problem: 'noTime' };

  const delay = due.toMillis() - now.getTime();
  if (delay < MIN_DELAY_MS) return { ok: false, problem: 'tooSoon' };
  if (delay > MAX_DELAY_MS) return { ok: false, problem: 'tooFar' };
  const rest = (text.slice(0, found.index) + ' ' + text.slice(found.index + found.length))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:to|that|about|om|dat|aan|te)\s+/i, '')
    .replace(/^[\s,:;.-]+|[\s,;]+$/g, '');
  return { ok: true, dueAt: due.toUTC().toJSDate(), rest };
}
