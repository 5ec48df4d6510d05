import { errorCard, helpCard, welcomeCard } from '../../src/bot/help';
import { messageCard } from '../../src/turn';
import { LANGUAGES } from '../../src/i18n/language';
import type { CardSample } from './types';

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang): CardSample[] => [
  { name: `help (${lang})`, reply: helpCard(lang) },
  { name: `welcome (${lang})`, reply: welcomeCard(lang) },
  { name: `error (${lang})`, reply: errorCard(lang, '3f2c9a4e-0d6b-4d1e-9a55-1c2b3d4e5f60') },
]).concat([
  { name: 'message (warning)', reply: messageCard('Heads up', 'Something to know', 'warning') },
  { name: 'message (no title)', reply: messageCard('', 'Only a body') },
]);
