import { format, Lang } from '../i18n/language';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import { ApproverPolicy, isApprover, isRequester, mayDecide } from './lifecycle';
import { Actor, CutoverPlan, isOpen, Person, PlanStatus, waitingPeriodEnd } from './plan';
import { cutoverStrings, CutoverStrings } from './strings';
import { formatDays, formatTime } from '../i18n/time';
import { CUTOVER_VERBS } from './verbs';

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

function planFacts(plan: CutoverPlan, lang: Lang): { title: string; value: string }[] {
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
}

/** The approval card: the plan in full, its status, and the buttons this viewer may press. */
export function planCard(plan: CutoverPlan, options: PlanCardOptions): CardReply {
  const { lang, viewer, policy, now } = options;
  const s = cutoverStrings[lang];
  const requester = Boolean(viewer && isRequester(plan, viewer));
  const approver = Boolean(viewer && isApprover(policy, viewer));
  const participant = requester || approver;
  const pending = plan.status === 'pending';

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
    approve: Boolean(viewer && pending && mayDecide(plan, policy, viewer)),
    cancel: requester && (pending || plan.status === 'approved'),
    edit: requester && pending,
    done: participant && plan.status === 'approved',
    oldRemoved: participant && plan.status === 'done',
  };
  const data = {
    title: planTitle(plan, lang),
    statusText: s.status[plan.status].long,
    statusColor: STATUS_COLORS[plan.status],
    hasNotice: Boolean(options.notice),
    notice: options.notice?.text ?? '',
    noticeColor: NOTICE_COLORS[options.notice?.tone ?? 'good'],
    facts: planFacts(plan, lang),
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
    // Open plans keep refreshing for approvers and the requester (Teams allows 60 ids), so a
    // decision made by someone else reaches their personal view. A closed plan lists nobody:
    // its card is the same for everyone, and a manual refresh just shows it again.
    refreshUserIds: isOpen(plan.status) ? plan.viewerTeamsIds.slice(0, 60) : [],
  };
  return card('cutoverPlan', data, `${data.title}: ${data.statusText}`);
}

/** The history card for `cutover status <id>`: the plan's facts and every transition. */
export function historyCard(plan: CutoverPlan, lang: Lang): CardReply {
  const s = cutoverStrings[lang];
  const entries = plan.audit.map((entry) => {
    const from = entry.from ? s.status[entry.from].short : s.history.start;
    return {
      time: formatTime(entry.at, lang, plan.timezone),
      text: `${format(s.history.entry, { who: nameOf(entry.by, s), action: s.action[entry.action] })} (${from} → ${s.status[entry.to].short}, r${entry.revision})`,
      reason: entry.reason ? format(s.history.reason, { reason: plainText(entry.reason, 500) }) : '',
    };
  });
  const title = format(s.history.title, { id: plan.id });
  return card(
    'cutoverStatus',
    { title, statusText: s.status[plan.status].long, statusColor: STATUS_COLORS[plan.status], facts: planFacts(plan, lang), entries },
    `${title}: ${s.status[plan.status].long}`,
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
  problems: string[];
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
  return card(
    'cutoverForm',
    {
      title,
      intro: s.intro,
      hasProblems: state.problems.length > 0,
      problemsTitle: s.problemsTitle,
      problems: state.problems.map((problem) => ({ text: problem })),
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
