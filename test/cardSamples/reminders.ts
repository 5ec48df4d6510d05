import { LANGUAGES } from '../../src/i18n/language';
import type { Reminder } from '../../src/reminders/reminder';
import { reminderCard, reminderListCard } from '../../src/reminders/reminderCards';
import type { CardSample } from './types';

const base: Omit<Reminder, 'lang'> = {
  id: 'plan-7f3c',
  conversationId: '19:abc@thread.v2',
  kind: 'waitingPeriod',
  cutover: { planId: '7f3c', cmgName: 'GraniteFalls', oldServiceName: 'GraniteFalls.cloudapp.net', newServiceName: 'GraniteFalls.EastUS.CloudApp.Azure.Com' },
  timezone: 'Europe/Amsterdam',
  createdAt: '2026-01-05T09:00:00.000Z',
  dueAt: '2026-01-07T09:00:00.000Z',
  state: 'sent',
  round: 1,
  attempts: 0,
  throttles: 0,
};

const request: Omit<Reminder, 'lang'> = {
  ...base,
  id: 'r-1',
  kind: 'request',
  cutover: undefined,
  note: 'remove the old CMG *now* [link](https://example.com) <at>everyone</at>',
  state: 'pending',
};

const expiry: Omit<Reminder, 'lang'> = {
  ...base,
  id: 'expiry-1',
  code: 'MWRT',
  kind: 'expiry',
  cutover: undefined,
  expiry: { name: 'GraniteFalls.contoso.com', fingerprint256: 'AB:'.repeat(31) + 'AB', validTo: '2026-02-06T09:00:00.000Z', daysBefore: 30 },
};

/** 34 reminders: more than a page, so the list shows its page line and the Previous / Next buttons. */
const many = (lang: Reminder['lang']): Reminder[] =>
  Array.from({ length: 34 }, (_, i) => ({ ...request, id: `r-${i}`, code: undefined, lang, note: `check DNS ${i + 1}`, dueAt: new Date(Date.parse(request.dueAt) + i * 3_600_000).toISOString() }));

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => [
  { name: `reminder: waiting period over (${lang})`, reply: reminderCard({ ...base, lang }) },
  { name: `reminder: late and in doubt (${lang})`, reply: reminderCard({ ...base, lang, lateMs: 3 * 3_600_000 + 12 * 60_000, inDoubt: true }) },
  { name: `reminder: own request (${lang})`, reply: reminderCard({ ...request, lang }) },
  { name: `reminder: after Done (${lang})`, reply: reminderCard({ ...base, lang, state: 'done' }, { status: 'Alex marked this done.' }) },
  { name: `reminder: certificate expires in 30 days (${lang})`, reply: reminderCard({ ...expiry, lang }) },
  { name: `reminder list: empty (${lang})`, reply: reminderListCard([], lang, 'Europe/Amsterdam') },
  { name: `reminder list: page 2 of 4 (${lang})`, reply: reminderListCard(many(lang), lang, 'Europe/Amsterdam', 2) },
  {
    name: `reminder list: mixed states (${lang})`,
    reply: reminderListCard(
      [
        { ...request, lang },
        { ...base, lang, state: 'failed', failure: { reason: 'removed', status: 403, detail: 'HTTP 403', at: '2026-01-07T09:00:05.000Z' } },
        { ...base, id: 'r-3', lang, state: 'failed', attempts: 8, failure: { reason: 'gaveUp', status: 502, detail: 'HTTP 502', at: '2026-01-07T09:00:05.000Z' } },
        { ...base, id: 'r-4', lang, sentAt: '2026-01-07T09:00:01.000Z' },
        { ...expiry, lang, state: 'pending', dueAt: '2026-01-07T09:00:00.000Z' },
      ],
      lang,
      undefined,
    ),
  },
]);
