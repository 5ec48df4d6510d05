import { formCard, historyCard, listCard, planCard } from '../../src/cutover/views';
import { refusalNotice } from '../../src/cutover/notices';
import { LANGUAGES } from '../../src/i18n/language';
import { DAY, HOUR, LEAD, later, pendingPlan, POLICY, REQUESTER, walk } from '../unit/cutover/samplePlans';
import type { CardSample } from './types';

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => {
  const pending = pendingPlan(lang);
  const cloudapp = pendingPlan(lang, { cmgName: 'GraniteFalls.cloudapp.net', certificatePath: 'cloudappNet', region: 'westeurope' });
  const approved = walk(pending, [[{ kind: 'approve', revision: 1, reason: 'Change window agreed with the *service desk*' }, LEAD, later(HOUR)]]);
  const done = walk(approved, [[{ kind: 'done' }, REQUESTER, later(5 * DAY)]]);
  const closed = walk(done, [[{ kind: 'oldCmgRemoved' }, LEAD, later(8 * DAY)]]);
  const options = { lang, now: later(HOUR), policy: POLICY };
  return [
    { name: `cutover plan, shared (${lang})`, reply: planCard(pending, options) },
    { name: `cutover plan, approver view (${lang})`, reply: planCard(pending, { ...options, viewer: LEAD }) },
    { name: `cutover plan, requester view (${lang})`, reply: planCard(pending, { ...options, viewer: REQUESTER }) },
    { name: `cutover plan, cloudapp.net (${lang})`, reply: planCard(cloudapp, { ...options, viewer: LEAD }) },
    {
      name: `cutover plan, refused (${lang})`,
      reply: planCard(pending, { ...options, viewer: REQUESTER, notice: refusalNotice({ code: 'selfApproval' }, pending, lang) }),
    },
    { name: `cutover plan, approved (${lang})`, reply: planCard(approved, { ...options, viewer: REQUESTER }) },
    { name: `cutover plan, done (${lang})`, reply: planCard(done, { ...options, now: later(6 * DAY), viewer: LEAD }) },
    { name: `cutover plan, closed (${lang})`, reply: planCard(closed, options) },
    { name: `cutover history (${lang})`, reply: historyCard(closed, lang) },
    { name: `cutover list (${lang})`, reply: listCard([pending, approved], lang) },
    { name: `cutover list, empty (${lang})`, reply: listCard([], lang) },
    {
      name: `cutover form (${lang})`,
      reply: formCard(
        {
          cmgName: 'GraniteFalls',
          region: 'eastus',
          certificatePath: 'ownDomain',
          plannedDate: '',
          plannedTime: '',
          waitingDays: 2,
          notes: '',
          zone: 'Europe/Amsterdam',
          problems: ['For a certificate in your own domain, type its full name.'],
          target: { kind: 'new', formId: '0f8fad5b-d9cb-469f-a165-70867728950e' },
        },
        lang,
      ),
    },
    {
      name: `cutover edit form (${lang})`,
      reply: formCard(
        {
          cmgName: 'GraniteFalls.contoso.com',
          region: 'eastus',
          certificatePath: 'ownDomain',
          plannedDate: '2026-01-10',
          plannedTime: '22:00',
          waitingDays: 2,
          notes: 'x',
          zone: 'UTC',
          problems: [],
          target: { kind: 'edit', planId: 'CK7Q3M', revision: 1 },
        },
        lang,
      ),
    },
  ];
});
