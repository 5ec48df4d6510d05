import { format, Lang } from '../i18n/language';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import { approversOf, ApproverPolicy, currentVotes, isApprover, isRequester, mayDecide, requiredApprovals } from './lifecycle';
import { Actor, AuditEntry, CutoverPlan, isOpen, Person, PlanStatus, waitingPeriodEnd } from './plan';
import { cutoverStrings, CutoverStrings } from './strings';
import { formatDays, formatDuration, formatTime } from '../i18n/time';
import { CUTOVER_VERBS } from './verbs';
import type { FormField, FormProblem } from './planForm';

const FORM_FIELDS: FormField[] = ['cmgName', 'region', 'certificatePath', 'plannedDate', 'plannedTime', 'waitingDays', 'notes'];

/**
 * Card data for every cutover card. One plan card template serves every viewer: what differs
 * (buttons, the reason box, a notice) is switched by flags computed here from who is looking,
 * so the shared card and each personal view can never drift apart in content.
 */
export type NoticeTone = 'good' | 'warning' | 'attention';
export interface Notice {
  text: string;
  tone: NoticeTone;
}

const STATUS_COLORS: Record<PlanStatus, string> = {
  pending: 'Accent',
  approved: 'Good',
  rejected: 'Attention',
  cancelled: 'Default',
  expired: 'Warning',
  done: 'Good',
  closed: 'Default',
};
const NOTICE_COLORS: Record<NoticeTone, string> = { good: 'Good', warning: 'Warning', attention: 'Attention' };

export function nameOf(actor: Actor | undefined, s: CutoverStrings): string {
  if (actor === 'system') return s.system;
  return actor?.name ? plainText(actor.name, 100) : s.someone;
}

export function planTitle(plan: CutoverPlan, lang: Lang): string {
  return format(cutoverStrings[lang].planTitle, { id: plan.id, cmg: plan.cmgName });
}

/** Who may approve, as the card says it: the names the member lookup found, and how many it did not. */
export function approversText(plan: CutoverPlan, policy: ApproverPolicy, lang: Lang): string {
  const s = cutoverStrings[lang];
  const ids = approversOf(plan, policy);
  const names = ids.map((id) => plan.approverNames?.[id]).filter((name): name is string => Boolean(name)).map((name) => plainText(name, 100));
  const unknown = ids.length - names.length;
  if (names.length === 0) return format(s.approversNoneKnown, { count: unknown });
  return unknown > 0 ? format(s.approversUnknown, { names: names.join(', '), count: unknown }) : names.join(', ');
}

function planFacts(plan: CutoverPlan, lang: Lang, policy?: ApproverPolicy): { title: string; value: string }[] {
  const s = cutoverStrings[lang];
  const f = s.facts;
  const facts = [
    { title: f.cmg, value: plainText(plan.cmgName, 100) },
    { title: f.region, value: `${plan.region.displayName} (${plan.region.name})` },
    {
      title: f.certificate,
      value: format(plan.certificatePath === 'ownDomain' ? f.certOwnDomain : f.certCloudapp, { domain: plainText(plan.certificateDomain, 253) }),
    },
    { title: f.oldName, value: plan.oldServiceName },
    { title: f.newName, value: plan.newServiceName },
  ];
  if (plan.cname) facts.push({ title: f.cname, value: plainText(`${plan.cname.host} → ${plan.cname.target}`, 300) });
  if (plan.certificatePath === 'cloudappNet') facts.push({ title: f.connectionPoint, value: f.connectionPointValue });
  facts.push(
    { title: f.planned, value: formatTime(plan.plannedAt, lang, plan.timezone) },
    { title: f.waiting, value: format(f.waitingValue, { days: formatDays(plan.waitingDays, lang) }) },
    { title: f.requestedBy, value: nameOf(plan.requester, s) },
  );
  if (plan.status === 'pending') facts.push({ title: f.decideBy, value: formatTime(plan.expiresAt, lang, plan.timezone) });
  if (plan.status === 'pending' && policy && approversOf(plan, policy).length > 0) facts.push({ title: f.approvers, value: approversText(plan, policy, lang) });
  const required = requiredApprovals(plan);
  if (required > 1 && (plan.status === 'pending' || plan.status === 'approved')) {
    const approvals = currentVotes(plan).filter((vote) => vote.outcome === 'approved').length;
    facts.push({ title: f.approvals, value: format(f.approvalsValue, { approvals, required }) });
  }
  if (plan.providerCheck) facts.push({ title: f.providerCheck, value: plainText(plan.providerCheck.summary, 300) });
  facts.push({ title: f.revision, value: String(plan.revision) });
  return facts;
}

export interface PlanCardOptions {
  lang: Lang;
  now: Date;
  policy: ApproverPolicy;
  /** Who the card is for; undefined for the shared card everybody sees. */
  viewer?: Person;
  notice?: Notice;
  /** After "Cutover done" well before the planned time: offer "Yes, it was done early". */
  confirmEarly?: boolean;
  /** The pre-removal checklist, shown before "old CMG removed" can be confirmed. */
  checklist?: Checklist;
}

/** What was checked before removing the old CMG: one line per item, already localized. */
export interface Checklist {
  lines: { text: string; color: string }[];
  allClear: boolean;
}

/** The approval card: the plan in full, its status, and the buttons this viewer may press. */
export function planCard(plan: CutoverPlan, options: PlanCardOptions): CardReply {
  const { lang, viewer, policy, now } = options;
  const s = cutoverStrings[lang];
  const requester = Boolean(viewer && isRequester(plan, viewer));
  const approver = Boolean(viewer && isApprover(policy, viewer, plan));
  const participant = requester || approver;
  const pending = plan.status === 'pending';
  const hasApprovers = approversOf(plan, policy).length > 0;
  // Approvers the lookup could not find get no personal view: the card everyone sees carries the buttons.
  const openButtons = Boolean(pending && hasApprovers && plan.openButtons);
  const canRequestAgain = plan.status === 'expired' && !plan.nextPlanId;

  const decision = plan.decision;
  const decisionText = decision
    ? format(s.decided, { outcome: s.status[decision.outcome].short, name: nameOf(decision.by, s), time: formatTime(decision.at, lang, plan.timezone) })
    : '';
  const end = waitingPeriodEnd(plan);
  let takeoverText = '';
  if (plan.takeoverAt && end) {
    takeoverText = format(s.takeover, { time: formatTime(plan.takeoverAt, lang, plan.timezone), until: formatTime(end, lang, plan.timezone) });
    if (plan.status === 'done' && now.getTime() >= end.getTime()) takeoverText += ` ${s.waitingOver}`;
  }

  const show = {
    approve: viewer ? pending && mayDecide(plan, policy, viewer) : openButtons,
    cancel: requester && (pending || plan.status === 'approved'),
    edit: requester && pending,
    done: participant && plan.status === 'approved' && !options.confirmEarly,
    doneEarly: participant && plan.status === 'approved' && Boolean(options.confirmEarly),
    removalCheck: participant && plan.status === 'done' && !options.checklist,
    oldRemoved: participant && plan.status === 'done' && Boolean(options.checklist),
    requestAgain: requester && canRequestAgain,
  };
  const lines: { text: string; color: string }[] = [];
  if (openButtons) lines.push({ text: s.openButtons, color: 'Warning' });
  if (plan.escalation) lines.push({ text: format(s.escalatedText, { time: formatTime(plan.escalation.at, lang, plan.timezone) }), color: 'Default' });
  if (plan.previousPlanId) lines.push({ text: format(s.previousPlanText, { id: plan.previousPlanId }), color: 'Default' });
  if (plan.nextPlanId) lines.push({ text: format(s.requestedAgainText, { id: plan.nextPlanId }), color: 'Default' });
  if (plan.cnameCheck && plan.cname) {
    const check = plan.cnameCheck;
    lines.push({
      text: format(s.cnameCheck[check.verdict], {
        time: formatTime(check.at, lang, plan.timezone),
        host: plainText(plan.cname.host, 253),
        target: plainText(check.target ?? '', 253),
        newName: plan.newServiceName,
      }),
      color: check.verdict === 'scaleSet' ? 'Good' : 'Warning',
    });
  }
  // Several approvals needed: each decision on this revision, with its time.
  const votes = requiredApprovals(plan) > 1 ? currentVotes(plan) : [];
  let refreshUserIds: string[] = [];
  // Open plans keep refreshing for approvers and the requester (Teams allows 60 ids), so a
  // decision made by someone else reaches their personal view; an expired plan still refreshes
  // for its requester, who may request it again. Otherwise nobody: the card is the same for all.
  if (isOpen(plan.status)) refreshUserIds = plan.viewerTeamsIds.slice(0, 60);
  else if (canRequestAgain && plan.requester.teamsId) refreshUserIds = [plan.requester.teamsId];
  const data = {
    title: planTitle(plan, lang),
    statusText: s.status[plan.status].long,
    statusColor: STATUS_COLORS[plan.status],
    hasNotice: Boolean(options.notice),
    notice: options.notice?.text ?? '',
    noticeColor: NOTICE_COLORS[options.notice?.tone ?? 'good'],
    facts: planFacts(plan, lang, policy),
    lines,
    hasChecklist: Boolean(options.checklist),
    checklistTitle: s.checklist.title,
    checklist: options.checklist?.lines ?? [],
    hasVotes: votes.length > 0,
    votesTitle: s.votesTitle,
    votes: votes.map((vote) => ({
      text: format(s.vote, { name: nameOf(vote.by, s), outcome: s.status[vote.outcome].short, time: formatTime(vote.at, lang, plan.timezone) }),
      reason: vote.reason ? format(s.decidedReason, { reason: plainText(vote.reason, 500) }) : '',
    })),
    hasNotes: Boolean(plan.notes),
    notesLabel: s.facts.notes,
    notes: plan.notes ? plainText(plan.notes, 1000) : '',
    decisionText,
    reasonText: decision?.reason ? format(s.decidedReason, { reason: plainText(decision.reason, 500) }) : '',
    takeoverText,
    noApproversText: pending && policy.approverIds.length === 0 ? s.noApprovers : '',
    planId: plan.id,
    revision: plan.revision,
    show,
    hasActions: Object.values(show).some(Boolean),
    labels: s.buttons,
    verbs: CUTOVER_VERBS,
    refreshUserIds,
  };
  return card('cutoverPlan', data, `${data.title}: ${data.statusText}`);
}

/** Latest audit entries the history card shows; older ones are counted, so the card stays small however long the history. */
export const HISTORY_SHOWN = 25;

/** What an audit entry adds to its line: escalation facts, links, partial approvals (empty when nothing). */
function entryDetail(entry: AuditEntry, lang: Lang): string {
  const h = cutoverStrings[lang].history;
  const d = entry.detail;
  if (!d) return '';
  if (entry.action === 'escalated') {
    const names = (d.added ?? []).map((name) => plainText(name, 100)).join(', ') || '—';
    return format(h.escalated, { waited: formatDuration((d.waitedHours ?? 0) * 3600_000, lang), names });
  }
  if (entry.action === 'requestedAgain' && d.linkedPlanId) return format(h.linkedTo, { id: d.linkedPlanId });
  if (entry.action === 'created' && d.linkedPlanId) return format(h.linkedFrom, { id: d.linkedPlanId });
  if (d.approvals !== undefined && d.required !== undefined) return format(h.approvals, { approvals: d.approvals, required: d.required });
  return '';
}

/** The history card for `cutover status <id>`: the plan's facts and its latest transitions. */
export function historyCard(plan: CutoverPlan, lang: Lang): CardReply {
  const s = cutoverStrings[lang];
  const shown = plan.audit.slice(-HISTORY_SHOWN);
  const earlier = plan.audit.length - shown.length + (plan.auditDropped ?? 0);
  const entries = shown.map((entry) => {
    const from = entry.from ? s.status[entry.from].short : s.history.start;
    const detail = entryDetail(entry, lang);
    return {
      time: formatTime(entry.at, lang, plan.timezone),
      text: `${format(s.history.entry, { who: nameOf(entry.by, s), action: s.action[entry.action] })} (${from} → ${s.status[entry.to].short}, r${entry.revision})${detail ? `: ${detail}` : ''}`,
      reason: entry.reason ? format(s.history.reason, { reason: plainText(entry.reason, 500) }) : '',
    };
  });
  const title = format(s.history.title, { id: plan.id });
  return card(
    'cutoverStatus',
    {
      title,
      statusText: s.status[plan.status].long,
      statusColor: STATUS_COLORS[plan.status],
      facts: planFacts(plan, lang),
      earlierText: earlier > 0 ? format(s.history.earlier, { count: earlier }) : '',
      entries,
    },
    `${title}: ${s.status[plan.status].long}`,
  );
}

/** Someone the nudge mentions: Teams shows `text` as a mention of `id`. */
export interface Mention {
  id: string;
  name: string;
}

/** The nudge (or escalation) card in the approval conversation, mentioning the approvers who have not decided. */
export function nudgeCard(
  plan: CutoverPlan,
  options: { lang: Lang; kind: 'nudge' | 'escalation'; mentions: Mention[]; unresolved: number; now: Date },
): CardReply {
  const { lang, kind, now } = options;
  const s = cutoverStrings[lang];
  const n = s.nudge;
  // The mention text must match the entity exactly; display names are escaped like all user text.
  const mentions = options.mentions.map((m) => ({ id: m.id, name: plainText(m.name, 100), text: `<at>${plainText(m.name, 100)}</at>` }));
  const who = mentions.length ? mentions.map((m) => m.text).join(', ') : n.nobodyMentioned;
  const values = {
    mentions: who,
    id: plan.id,
    cmg: plainText(plan.cmgName, 100),
    waited: formatDuration(now.getTime() - Date.parse(plan.createdAt), lang, 'nearest'),
    deadline: formatTime(plan.expiresAt, lang, plan.timezone),
  };
  const title = format(kind === 'nudge' ? n.title : n.escalationTitle, { id: plan.id });
  const lines: { text: string }[] = [];
  if (options.unresolved === 1) lines.push({ text: n.unresolvedOne });
  else if (options.unresolved > 1) lines.push({ text: format(n.unresolvedMany, { count: options.unresolved }) });
  const required = requiredApprovals(plan);
  if (required > 1) lines.push({ text: format(n.approvalsSoFar, { approvals: currentVotes(plan).filter((v) => v.outcome === 'approved').length, required }) });
  return card(
    'cutoverNudge',
    {
      title,
      body: format(kind === 'nudge' ? n.body : n.escalationBody, values),
      lines,
      facts: planFacts(plan, lang).filter((fact) => [s.facts.cmg, s.facts.planned, s.facts.newName].includes(fact.title)),
      mentions: mentions.map((m) => ({ text: m.text, id: m.id, name: m.name })),
      planId: plan.id,
      showPlanTitle: s.buttons.showPlan,
      showPlanVerb: CUTOVER_VERBS.refresh,
    },
    title,
  );
}

/** `cutovers`: the open plans of a conversation. */
export function listCard(plans: CutoverPlan[], lang: Lang): CardReply {
  const s = cutoverStrings[lang];
  const items = plans.map((plan) => ({
    id: plan.id,
    status: s.status[plan.status].long,
    line: format(s.list.line, { cmg: plainText(plan.cmgName, 100), newName: plan.newServiceName, planned: formatTime(plan.plannedAt, lang, plan.timezone) }),
  }));
  return card('cutoverList', { title: s.list.title, items, empty: items.length ? '' : s.list.empty, hint: s.list.hint }, s.list.title);
}

/** What the plan form shows: the values so far and, after a failed submit, what to fix. */
export interface PlanFormState {
  cmgName: string;
  region: string;
  certificatePath: 'ownDomain' | 'cloudappNet';
  plannedDate: string;
  plannedTime: string;
  waitingDays: number | string;
  notes: string;
  zone: string;
  problems: FormProblem[];
  /** A new plan: the form's one-time id. An edit: the plan and the revision being edited. */
  target: { kind: 'new'; formId: string } | { kind: 'edit'; planId: string; revision: number };
}

export function formCard(state: PlanFormState, lang: Lang): CardReply {
  const s = cutoverStrings[lang].form;
  const edit = state.target.kind === 'edit';
  const title = state.target.kind === 'edit' ? format(s.editTitle, { id: state.target.planId }) : s.title;
  const submitData =
    state.target.kind === 'edit' ? { planId: state.target.planId, revision: state.target.revision } : { formId: state.target.formId };
  const waiting = Number(state.waitingDays);
  // A problem about one field is shown right under it; the box on top holds the rest.
  const errors = Object.fromEntries(
    FORM_FIELDS.map((field) => [field, state.problems.filter((p) => p.field === field).map((p) => p.text).join(' ')]),
  ) as Record<FormField, string>;
  const general = state.problems.filter((p) => !p.field).map((p) => ({ text: p.text }));
  if (state.problems.some((p) => p.field)) general.push({ text: s.fieldsBelow });
  return card(
    'cutoverForm',
    {
      title,
      intro: s.intro,
      hasProblems: general.length > 0,
      problemsTitle: s.problemsTitle,
      problems: general,
      errors,
      labels: { ...s, plannedDate: format(s.plannedDate, { zone: state.zone }), plannedTime: format(s.plannedTime, { zone: state.zone }) },
      values: {
        cmgName: state.cmgName,
        region: state.region,
        certificatePath: state.certificatePath,
        plannedDate: state.plannedDate,
        plannedTime: state.plannedTime,
        waitingDays: Number.isFinite(waiting) && String(state.waitingDays).trim() !== '' ? waiting : 1,
        notes: state.notes,
      },
      submitVerb: edit ? CUTOVER_VERBS.update : CUTOVER_VERBS.create,
      submitTitle: edit ? s.submitEdit : s.submit,
      submitData,
    },
    title,
  );
}
