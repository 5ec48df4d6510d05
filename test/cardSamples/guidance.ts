import { buildChecklist, Guidance } from '../../src/guidance';
import type { GuidanceAnswers } from '../../src/guidance';
import { guidanceChecklistCard, guidanceStepCard } from '../../src/guidance/guidanceCards';
import { progress, stepById } from '../../src/guidance/questions';
import { LANGUAGES } from '../../src/i18n/language';
import { defaultRegionCatalog } from '../../src/naming';
import type { CardSample } from './types';

const guidance = new Guidance();
const catalog = defaultRegionCatalog;

const cases: Record<string, GuidanceAnswers> = {
  'own domain, 2107': { classicToday: 'yes', csp: 'no', moveNow: 'yes', version: '2107', cloud: 'public', commonName: 'GraniteFalls.contoso.com', region: 'eastus' },
  'cloudapp.net, 2010, US Government': { classicToday: 'yes', csp: 'no', moveNow: 'yes', version: '2010', cloud: 'usgov', commonName: 'GraniteFalls', region: 'westeurope', certificateDomain: 'cloudappNet' },
  'keep classic, 2403': { classicToday: 'yes', csp: 'no', moveNow: 'no', version: '2403', cloud: 'public' },
  'CSP, new': { classicToday: 'no', csp: 'yes', version: '2203', cloud: 'public', commonName: 'Northwind', region: 'swedencentral' },
};

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => [
  { name: `guidance first step (${lang})`, reply: guidance.start(lang) },
  {
    name: `guidance names step with errors keeps input (${lang})`,
    reply: guidanceStepCard(lang, catalog, stepById('names'), progress('names', { classicToday: 'yes', csp: 'no', moveNow: 'yes', version: '2111', cloud: 'public' }), { classicToday: 'yes', csp: 'no', moveNow: 'yes', version: '2111', cloud: 'public' }, {
      values: { commonName: 'Granite_Falls', region: 'Narnia' },
      errors: { commonName: 'The CMG name "Granite_Falls" contains "_".', region: 'I do not know the region "Narnia".' },
    }),
  },
  ...Object.entries(cases).map(([name, answers]) => ({
    name: `guidance checklist, ${name} (${lang})`,
    reply: guidanceChecklistCard(lang, catalog, answers, buildChecklist(answers, catalog)),
  })),
]);
