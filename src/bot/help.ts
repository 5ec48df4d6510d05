import type { Lang } from '../i18n/language';
import { card, CardReply } from '../turn';
import { botStrings } from './strings';

export function helpCard(lang: Lang): CardReply {
  const s = botStrings[lang];
  return card('help', { title: s.helpTitle, intro: s.helpIntro, capabilities: s.capabilities, footer: s.tryIt }, s.helpTitle);
}

export function welcomeCard(lang: Lang): CardReply {
  const s = botStrings[lang];
  return card('help', { title: s.welcomeTitle, intro: s.welcomeIntro, capabilities: s.capabilities, footer: s.tryIt }, s.welcomeTitle);
}

export function errorCard(lang: Lang, correlationId: string): CardReply {
  const s = botStrings[lang];
  return card('error', { title: s.errorTitle, body: s.errorBody, referenceLabel: s.errorReference, correlationId }, s.errorTitle);
}

/** A plain titled message card, for short notices that still deserve a card. */
export function messageCard(title: string, body: string, tone: 'default' | 'warning' | 'error' = 'default'): CardReply {
  return card('message', { title, body, tone }, title || body);
}
