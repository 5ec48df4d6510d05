import { LANGUAGES, Lang } from '../i18n/language';
import { card, CardReply } from '../turn';
import { botStrings } from './strings';

/**
 * The command each help row's example runs, in the rows' order (the same in both languages).
 * A test routes every example and checks it lands here.
 */
export const HELP_ROUTES = ['knowledge.ask', 'naming.serviceNames', 'guidance.start', 'providers.check', 'namePreflight.check', 'checks.cname', 'checks.certificate', 'cutover.plan', 'reminders.request'] as const;

function build(lang: Lang, kind: 'help' | 'welcome'): CardReply<'help'> {
  const s = botStrings[lang];
  const title = kind === 'help' ? s.helpTitle : s.welcomeTitle;
  // Frozen: the same data object every time, so its rendered card is reused.
  const data = Object.freeze({ title, intro: kind === 'help' ? s.helpIntro : s.welcomeIntro, capabilities: s.capabilities, footer: s.tryIt });
  return Object.freeze(card('help', data, title));
}

const HELP = new Map(LANGUAGES.map((lang) => [lang, build(lang, 'help')]));
const WELCOME = new Map(LANGUAGES.map((lang) => [lang, build(lang, 'welcome')]));

export function helpCard(lang: Lang): CardReply<'help'> {
  return HELP.get(lang)!;
}

export function welcomeCard(lang: Lang): CardReply<'help'> {
  return WELCOME.get(lang)!;
}

export function errorCard(lang: Lang, correlationId: string): CardReply<'error'> {
  const s = botStrings[lang];
  return card('error', { title: s.errorTitle, body: s.errorBody, referenceLabel: s.errorReference, correlationId }, s.errorTitle);
}
