import { formCard, historyCard, listCard, nudgeCard, planCard } from '../../src/cutover/views';
import { apply } from '../../src/cutover/lifecycle';
import type { CutoverPlan } from '../../src/cutover/plan';
import { refusalNotice } from '../../src/cutover/notices';
import { cutoverStrings } from '../../src/cutover/strings';
import { format, LANGUAGES } from '../../src/i18n/language';
import { DAY, HOUR, LEAD, later, OTHER, pendingPlan, POLICY, REQUESTER, walk } from '../unit/cutover/samplePlans';

const BACKUP = { aadObjectId: '44444444-4444-4444-4444-444444444444', teamsId: '29:bo', name: 'Bo Backup' };
const TWO = { ...POLICY, approverIds: [LEAD.aadObjectId!, OTHER.aadObjectId!] };

/** Applies one command with another policy, failing loudly if refused. */
function step(plan: CutoverPlan, command: Parameters<typeof apply>[1], actor: Parameters<typeof apply>[2], at: Date, policy = TWO): CutoverPlan {
  const next = apply(plan, command, actor, at, policy);
  if (next.kind !== 'changed') throw new Error(`refused: ${JSON.stringify(next.refusal)}`);
  return next.plan;
}
import type { CardSample } from './types';

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => {
  const pending = pendingPlan(lang);
  const cloudapp = pendingPlan(lang, { cmgName: 'GraniteFalls.cloudapp.net', certificatePath: 'cloudappNet', region: 'westeurope' });
  const approved = walk(pending, [[{ kind: 'approve', revision: 1, reason: 'Change window agreed with the *service desk*' }, LEAD, later(HOUR)]]);
  const done = walk(approved, [[{ kind: 'done', confirmedEarly: true }, REQUESTER, later(5 * DAY)]]);
  const closed = walk(done, [[{ kind: 'oldCmgRemoved' }, LEAD, later(8 * DAY)]]);
  const options = { lang, now: later(HOUR), policy: POLICY };
  const names = { [LEAD.aadObjectId!]: LEAD.name!, [OTHER.aadObjectId!]: OTHER.name!, [BACKUP.aadObjectId]: BACKUP.name };
  // Two approvals needed, one given, escalated to a backup approver, one approver not found: open buttons.
  const twoNeeded: CutoverPlan = { ...pending, approvalsRequired: 2, approverNames: { [LEAD.aadObjectId!]: LEAD.name! }, openButtons: true };
  const oneOfTwo = step(twoNeeded, { kind: 'approve', revision: 1, reason: 'Fine by me' }, LEAD, later(HOUR));
  const escalated = step(oneOfTwo, { kind: 'escalate', approverIds: [BACKUP.aadObjectId], waitedHours: 24, names: [BACKUP.name] }, 'system', later(DAY));
  const bothApproved = step({ ...oneOfTwo, approverNames: names, openButtons: false }, { kind: 'approve', revision: 1 }, OTHER, later(2 * HOUR));
  const expired = walk(pending, [[{ kind: 'expire' }, 'system', later(80 * HOUR)]]);
  const requestedAgain = walk(expired, [[{ kind: 'requestAgain', newPlanId: 'CM4RT2' }, REQUESTER, later(81 * HOUR)]]);
  const again: CutoverPlan = { ...pending, id: 'CM4RT2', previousPlanId: expired.id, audit: [{ ...pending.audit[0], detail: { linkedPlanId: expired.id } }] };
  // A long history: many edits, of which the card shows the latest and counts the rest.
  let edited = pending;
  for (let i = 0; i < 150; i++) edited = walk(edited, [[{ kind: 'edit', revision: edited.revision, details: pending, expiresAt: later(72 * HOUR).toISOString() }, REQUESTER, later(i * 60_000)]]);
  const mentions = [
    { id: '29:olly', name: OTHER.name! },
    { id: '29:bo', name: BACKUP.name },
  ];
  const doneChecked: CutoverPlan = { ...done, cnameCheck: { at: later(5 * DAY).toISOString(), verdict: 'classic', target: 'granitefalls.cloudapp.net' } };
  const checklist = (allClear: boolean) => ({
    allClear,
    lines: [
      { text: allClear ? '✓ The waiting period is over.' : '✗ The waiting period runs until 7 Jan 2026, 10:00 (Europe/Amsterdam): 2 days left.', color: allClear ? 'Good' : 'Attention' },
      { text: '✓ GraniteFalls.contoso.com points at the scale-set name GraniteFalls.EastUS.CloudApp.Azure.com.', color: 'Good' },
      { text: '? Check that GraniteFalls.contoso.com presents the CMG certificate: I cannot reach it from here.', color: 'Warning' },
    ],
  });
  return [
    { name: `cutover plan, done, CNAME still classic (${lang})`, reply: planCard(doneChecked, { ...options, viewer: REQUESTER }) },
    { name: `cutover plan, pre-removal checklist, not clear (${lang})`, reply: planCard(doneChecked, { ...options, viewer: REQUESTER, checklist: checklist(false) }) },
    { name: `cutover plan, pre-removal checklist, all clear (${lang})`, reply: planCard(doneChecked, { ...options, now: later(9 * DAY), viewer: LEAD, checklist: checklist(true) }) },
    { name: `cutover plan, two approvals needed, one given, open buttons (${lang})`, reply: planCard(escalated, { ...options, policy: TWO }) },
    { name: `cutover plan, two approvals needed, approver view (${lang})`, reply: planCard(escalated, { ...options, policy: TWO, viewer: OTHER }) },
    { name: `cutover plan, approved by two (${lang})`, reply: planCard(bothApproved, { ...options, policy: TWO }) },
    { name: `cutover plan, expired, requester view (${lang})`, reply: planCard(expired, { ...options, viewer: REQUESTER }) },
    { name: `cutover plan, requested again (${lang})`, reply: planCard(requestedAgain, options) },
    { name: `cutover plan, a new plan requested again (${lang})`, reply: planCard(again, { ...options, viewer: LEAD }) },
    {
      name: `cutover plan, done early? (${lang})`,
      reply: planCard(approved, { ...options, viewer: REQUESTER, confirmEarly: true, notice: refusalNotice({ code: 'doneEarly', plannedAt: approved.plannedAt }, approved, lang) }),
    },
    { name: `cutover history, escalated and partly approved (${lang})`, reply: historyCard(escalated, lang) },
    { name: `cutover history, requested again (${lang})`, reply: historyCard(requestedAgain, lang) },
    { name: `cutover history, a new plan requested again (${lang})`, reply: historyCard(again, lang) },
    { name: `cutover history, 150 edits (${lang})`, reply: historyCard(edited, lang) },
    { name: `cutover nudge (${lang})`, reply: nudgeCard(oneOfTwo, { lang, kind: 'nudge', mentions: mentions.slice(0, 1), unresolved: 1, now: later(8 * HOUR) }) },
    { name: `cutover nudge, nobody found (${lang})`, reply: nudgeCard(pending, { lang, kind: 'nudge', mentions: [], unresolved: 2, now: later(8 * HOUR) }) },
    { name: `cutover escalation (${lang})`, reply: nudgeCard(escalated, { lang, kind: 'escalation', mentions: mentions.slice(1), unresolved: 0, now: later(DAY) }) },
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
      name: `cutover form, empty (${lang})`,
      reply: formCard(
        {
          cmgName: '',
          region: '',
          certificatePath: 'ownDomain',
          plannedDate: '',
          plannedTime: '',
          waitingDays: 2,
          notes: '',
          zone: 'Europe/Amsterdam',
          // The bot's own messages in the card's language, as readPlanForm gives them for an empty form.
          problems: [
            { field: 'cmgName', text: cutoverStrings[lang].problems.cmgMissing },
            { field: 'region', text: cutoverStrings[lang].problems.regionMissing },
            { field: 'plannedDate', text: cutoverStrings[lang].problems.dateMissing },
            { field: 'plannedTime', text: cutoverStrings[lang].problems.timeMissing },
          ],
          target: { kind: 'new', formId: '0f8fad5b-d9cb-469f-a165-70867728950e' },
        },
        lang,
      ),
    },
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
          problems: [
            { field: 'cmgName', text: format(cutoverStrings[lang].problems.ownDomainNeedsFullName, { prefix: 'GraniteFalls' }) },
            { text: format(cutoverStrings[lang].quota.tooManyOpen, { max: 20 }) },
          ],
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
