import { randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { format, Lang } from '../i18n/language';
import type { RegionCatalog } from '../naming';
import type { Store, StoredItem } from '../storage/store';
import type { Logger } from '../log';
import type { Outbox, SharedCards } from '../ports';
import type { CardActionResult, CardReply, Reply, TurnInfo } from '../turn';
import { conversationScope, messageCard, text } from '../turn';
import { apply, approversOf, ApproverPolicy, isApprover, isRequester, PlanCommand, Refusal, undecidedApprovers } from './lifecycle';
import { refusalNotice } from './notices';
import { CutoverPlan, detailsOf, isOpen, Person, PlanDetails, waitingPeriodEnd } from './plan';
import { certificatePathOf, FormProblem, readPlanForm, textOf } from './planForm';
import { PlanRepository } from './planRepository';
import type { ApprovalFollowUps, CutoverProbes, FollowUpKind, FollowUpSource, LatestProviderCheck, Member, MemberDirectory, WaitingPeriodReminders } from './ports';
import type { CutoverSettings } from './settings';
import { cutoverStrings } from './strings';
import { formatDuration, formatTime, usableZone } from '../i18n/time';
import { localParts } from './time';
import type { PlanCancel, PlanDecision, PlanDone, PlanEditData, PlanFormData, PlanOffer, PlanRef } from './verbs';
import { Checklist, formCard, historyCard, listCard, Mention, Notice, nudgeCard, planCard, PlanFormState } from './views';
import { plainText } from '../text/markdown';

export interface CutoverDependencies {
  store: Store;
  clock: Clock;
  outbox: Outbox;
  /** Replaces the shared approval card for everyone after a change, in order per plan. */
  sharedCards: SharedCards;
  members: MemberDirectory;
  reminders: WaitingPeriodReminders;
  policy: ApproverPolicy;
  settings: CutoverSettings;
  log: Logger;
  providerChecks?: LatestProviderCheck;
  /** The app's region catalog, so regions added by a subscription refresh are known here too. */
  regions: RegionCatalog;
  /** Nudges and escalation of waiting plans, delivered by the durable scheduler; none without it. */
  followUps?: ApprovalFollowUps;
  /** The live CNAME and endpoint checks, for "cutover done" and the pre-removal checklist; without them the card says to check by hand. */
  probes?: CutoverProbes;
}

/** Who gets a personal view of the card, and whether the card everyone sees needs the buttons. */
type ApproverViews = Pick<CutoverPlan, 'viewerTeamsIds' | 'openButtons' | 'approverNames'>;

type Outcome =
  | { kind: 'changed'; plan: CutoverPlan }
  | { kind: 'refused'; refusal: Refusal; plan: CutoverPlan }
  | { kind: 'notFound' };

/** Plan ids tried before giving up on a form (each collision is one in 32^5). */
const MAX_ID_ATTEMPTS = 5;
const HOUR_MS = 60 * 60 * 1000;
/** How long a reserved place for a plan being created counts before it lapses (a create takes well under this). */
const RESERVATION_MS = 60_000;
/** Plan ids people can read aloud and type: no 0/O or 1/I. */
const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Cutover plans from form to closure: creates plans and posts their approval card, applies each
 * button press through the lifecycle with a conditional write (so the first decision wins and
 * replays change nothing), and keeps the shared card in step for everyone.
 */
export class CutoverService implements FollowUpSource {
  private readonly plans: PlanRepository;

  constructor(private readonly deps: CutoverDependencies) {
    this.plans = new PlanRepository(deps.store);
  }

  // ---- text commands ------------------------------------------------------------------------

  /** `plan cutover [name] [region]`: the plan form, pre-filled with what was typed. */
  async planCommand(turn: TurnInfo, args: string): Promise<Reply> {
    const [name = '', ...regionWords] = args.trim().split(/\s+/).filter(Boolean);
    const regionText = regionWords.join(' ');
    const match = regionText ? this.deps.regions.resolve(regionText) : undefined;
    return this.newForm(turn, {
      cmgName: name,
      region: match?.kind === 'found' ? match.region.name : regionText,
      certificatePath: /\.cloudapp\.net$/i.test(name) ? 'cloudappNet' : 'ownDomain',
    });
  }

  /** `edit cutover <id>`: the form with the plan's current values, for its requester. */
  async editCommand(turn: TurnInfo, planId: string): Promise<Reply> {
    const result = await this.editForm(turn, { planId });
    if (result.kind === 'card') return result.reply;
    return text(result.kind === 'message' ? result.text : result.message);
  }

  async statusCommand(turn: TurnInfo, planId: string): Promise<Reply> {
    const s = cutoverStrings[turn.lang];
    const item = await this.loadFor(turn, normalizeId(planId));
    if (!item) return text(format(s.notFound, { id: normalizeId(planId) }));
    let plan = item.value;
    // An approval card that could not be posted (the bot was not yet in the approvers'
    // conversation) goes out now, as the delivery-failed message promised.
    if (!plan.card && plan.status === 'pending' && this.deps.clock.now().getTime() < Date.parse(plan.expiresAt)) {
      const posted = await this.postApprovalCard(plan, this.deps.settings.approvalConversationId ?? plan.conversationId, turn.log);
      if (!posted.ok) return text(format(s.deliveryFailed, { id: plan.id, reason: posted.reason }));
      plan = posted.plan;
    }
    return historyCard(plan, turn.lang);
  }

  /** `cutovers`: open plans requested in this conversation (the channel, for a channel thread), oldest first. */
  async listCommand(turn: TurnInfo): Promise<Reply> {
    const open = await this.openPlansIn(scopeOf(turn), turn);
    open.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return listCard(open, turn.lang);
  }

  // ---- card actions -------------------------------------------------------------------------

  /** `cutover.new` from the guidance or service-names card: the form, pre-filled. */
  async newFromOffer(turn: TurnInfo, data: PlanOffer): Promise<CardActionResult> {
    return {
      kind: 'card',
      reply: this.newForm(turn, { cmgName: textOf(data.cmgName), region: textOf(data.region), certificatePath: certificatePathOf(data.certificatePath) }),
    };
  }

  /** `cutover.create`: a submitted plan form becomes a pending plan and an approval card. */
  async create(turn: TurnInfo, data: PlanFormData): Promise<CardActionResult> {
    const { clock, settings } = this.deps;
    const s = cutoverStrings[turn.lang];
    const now = clock.now();
    const zone = usableZone(turn.timezone);
    const formId = /^[\w-]{8,64}$/.test(textOf(data.formId)) ? textOf(data.formId) : randomUUID();
    const providerCheck = await this.deps.providerChecks?.latestFor(turn.conversation.scopeId).catch(() => undefined);
    const form = readPlanForm(data, { lang: turn.lang, zone, now, providerCheck, regions: this.deps.regions });
    const formWith = (problems: FormProblem[]): CardActionResult => ({ kind: 'card', reply: formCard({ ...formValues(data, zone, settings), problems, target: { kind: 'new', formId } }, turn.lang) });
    if (!form.ok) return formWith(form.problems);
    const requester = personOf(turn);
    const unreachable = this.unreachableApprovals(requester, turn.lang);
    if (unreachable) return formWith([{ text: unreachable }]);
    // A form submitted again (a retry, a double click) shows its plan, whatever the quota says now.
    const earlier = await this.plans.planOfForm(formId);
    const candidateId = newPlanId();
    const quota = earlier ? undefined : await this.reserveOpenPlan(turn, requester, candidateId);
    // Over the quota the form stays as typed, with the reason on top.
    if (quota) return formWith([{ text: quota }]);

    const cardConversationId = settings.approvalConversationId ?? turn.conversation.id;
    const views = await this.resolveApprovers(cardConversationId, { requester, viewerTeamsIds: [] }, turn.log);
    const claim = await this.plans.claimForm(formId, candidateId);
    if (!claim.claimed) {
      if (!earlier) await this.plans.release(scopeOf(turn), candidateId).catch(() => undefined);
      // A retried or double-clicked submit: show the plan the first submit made.
      const existing = await this.loadFor(turn, claim.planId);
      if (!existing) return { kind: 'message', text: format(s.alreadyCreated, { id: claim.planId }) };
      return this.viewFor(turn, existing.value, { text: format(s.alreadyCreated, { id: claim.planId }), tone: 'warning' });
    }
    let plan: CutoverPlan | undefined;
    for (let attempt = 0, id = claim.planId; !plan && attempt < MAX_ID_ATTEMPTS; attempt++, id = newPlanId()) {
      // Another plan has this id (rare): the form now stands for the next id tried.
      if (attempt > 0) await this.plans.repointForm(formId, id);
      const candidate = this.newPlan(turn, id, form.details, requester, views, cardConversationId, now);
      const written = await this.plans.create(candidate);
      if (written.status === 'ok') plan = candidate;
    }
    if (!plan) throw new Error('could not allocate a cutover plan id');

    const posted = await this.postApprovalCard(plan, cardConversationId, turn.log);
    if (!posted.ok) return { kind: 'message', text: format(s.deliveryFailed, { id: plan.id, reason: posted.reason }) };
    plan = posted.plan;
    if (cardConversationId === turn.conversation.id) {
      // The plan card was just posted here: the form becomes a one-line confirmation, not a second plan card.
      return { kind: 'card', reply: messageCard('', format(s.created, { id: plan.id, cmg: plainCmg(plan) })) };
    }
    return this.viewFor(turn, plan, { text: format(s.createdElsewhere, { id: plan.id, cmg: plainCmg(plan) }), tone: 'good' });
  }

  /** "Request again" on an expired plan: a new plan with the same details, linked both ways, and a fresh approval card. */
  async requestAgain(turn: TurnInfo, data: PlanRef): Promise<CardActionResult> {
    const s = cutoverStrings[turn.lang];
    const planId = normalizeId(data.planId);
    const item = await this.loadFor(turn, planId);
    if (!item) return { kind: 'message', text: format(s.notFound, { id: planId }) };
    const requester = personOf(turn);
    const unreachable = this.unreachableApprovals(item.value.requester, turn.lang);
    if (unreachable) return this.viewFor(turn, item.value, { text: unreachable, tone: 'warning' });
    const newId = newPlanId();
    const quota = item.value.status === 'expired' && isRequester(item.value, requester) && !item.value.nextPlanId ? await this.reserveOpenPlan(turn, requester, newId) : undefined;
    if (quota) return this.viewFor(turn, item.value, { text: quota, tone: 'warning' });
    const now = this.deps.clock.now();
    // The old plan records the link first (conditional): a double click finds it linked and is refused.
    const outcome = await this.transition(planId, { kind: 'requestAgain', newPlanId: newId }, requester, now);
    if (outcome.kind === 'notFound') return { kind: 'message', text: format(s.notFound, { id: planId }) };
    if (outcome.kind === 'refused') return this.viewFor(turn, outcome.plan, refusalNotice(outcome.refusal, outcome.plan, turn.lang));
    const old = outcome.plan;
    void this.updateSharedCard(old.id, turn.log);
    const cardConversationId = old.card?.conversationId ?? this.deps.settings.approvalConversationId ?? old.conversationId;
    const views = await this.resolveApprovers(cardConversationId, { requester: old.requester, viewerTeamsIds: [] }, turn.log);
    const again: CutoverPlan = {
      ...this.newPlan(turn, newId, detailsOf(old), { ...old.requester, name: requester.name ?? old.requester.name }, views, cardConversationId, now),
      conversationId: old.conversationId,
      scopeId: old.scopeId ?? old.conversationId,
      ...(old.tenantId ? { tenantId: old.tenantId } : {}),
      lang: old.lang,
      previousPlanId: old.id,
    };
    again.audit = [{ ...again.audit[0], detail: { linkedPlanId: old.id } }];
    const written = await this.plans.create(again);
    if (written.status !== 'ok') throw new Error(`cutover plan id ${newId} is taken`);
    const posted = await this.postApprovalCard(again, cardConversationId, turn.log);
    if (!posted.ok) return { kind: 'message', text: format(s.deliveryFailed, { id: again.id, reason: posted.reason }) };
    return this.viewFor(turn, posted.plan, { text: format(s.notices.requestedAgain, { id: again.id }), tone: 'good' });
  }

  /** `cutover.edit`: the requester's form for changing a pending plan. */
  async editForm(turn: TurnInfo, data: PlanRef): Promise<CardActionResult> {
    const planId = normalizeId(data.planId);
    const item = await this.loadFor(turn, planId);
    if (!item) return { kind: 'message', text: format(cutoverStrings[turn.lang].notFound, { id: planId }) };
    const plan = item.value;
    const viewer = personOf(turn);
    // The edit itself is checked again on submit; this only avoids offering a form that cannot succeed.
    const refusal: Refusal | undefined = !isRequester(plan, viewer)
      ? { code: 'notRequester' }
      : plan.status !== 'pending'
        ? { code: 'wrongStatus', status: plan.status }
        : undefined;
    if (refusal) return this.viewFor(turn, plan, refusalNotice(refusal, plan, turn.lang));
    const local = localParts(plan.plannedAt, plan.timezone);
    const state: PlanFormState = {
      cmgName: plan.certificatePath === 'ownDomain' ? plan.certificateDomain : plan.cmgName,
      region: plan.region.name,
      certificatePath: plan.certificatePath,
      plannedDate: local.date,
      plannedTime: local.time,
      waitingDays: plan.waitingDays,
      notes: plan.notes ?? '',
      zone: plan.timezone,
      problems: [],
      target: { kind: 'edit', planId: plan.id, revision: plan.revision },
    };
    return { kind: 'card', reply: formCard(state, turn.lang) };
  }

  /** `cutover.update`: a submitted edit form; the plan gets a new revision and needs approval again. */
  async update(turn: TurnInfo, data: PlanEditData): Promise<CardActionResult> {
    const { clock, settings } = this.deps;
    const planId = normalizeId(data.planId);
    const revision = data.revision;
    const existing = await this.loadFor(turn, planId);
    if (!existing) return { kind: 'message', text: format(cutoverStrings[turn.lang].notFound, { id: planId }) };
    const zone = existing.value.timezone;
    const now = clock.now();
    const form = readPlanForm(data, { lang: turn.lang, zone, now, providerCheck: existing.value.providerCheck, regions: this.deps.regions });
    if (!form.ok) {
      const state = { ...formValues(data, zone, settings), problems: form.problems, target: { kind: 'edit' as const, planId, revision } };
      return { kind: 'card', reply: formCard(state, turn.lang) };
    }
    const expiresAt = new Date(now.getTime() + settings.approvalExpiryHours * HOUR_MS).toISOString();
    return this.act(turn, planId, { kind: 'edit', revision, details: form.details, expiresAt }, 'edited');
  }

  /** `cutover.refresh` (Teams asks when a listed user looks at the card): that user's view. */
  async refresh(turn: TurnInfo, data: PlanRef): Promise<CardActionResult> {
    const planId = normalizeId(data.planId);
    const item = await this.loadFor(turn, planId);
    if (!item) return { kind: 'message', text: format(cutoverStrings[turn.lang].notFound, { id: planId }) };
    // Approvers are looked up again on every refresh: someone added to the chat later gets their buttons.
    const plan = await this.refreshApprovers(item.value, turn.log);
    return this.viewFor(turn, plan);
  }

  approve(turn: TurnInfo, data: PlanDecision): Promise<CardActionResult> {
    return this.act(turn, normalizeId(data.planId), { kind: 'approve', revision: data.revision, reason: reasonOf(data) }, 'approved');
  }

  reject(turn: TurnInfo, data: PlanDecision): Promise<CardActionResult> {
    return this.act(turn, normalizeId(data.planId), { kind: 'reject', revision: data.revision, reason: reasonOf(data) }, 'rejected');
  }

  cancel(turn: TurnInfo, data: PlanCancel): Promise<CardActionResult> {
    return this.act(turn, normalizeId(data.planId), { kind: 'cancel', reason: reasonOf(data) }, 'cancelled');
  }

  markDone(turn: TurnInfo, data: PlanDone): Promise<CardActionResult> {
    return this.act(turn, normalizeId(data.planId), { kind: 'done', confirmedEarly: data.early === true || data.early === 'true' }, 'done');
  }

  /** "Old CMG removed": checks the waiting period, the CNAME and the new endpoint now, then offers the confirmation. */
  async removalCheck(turn: TurnInfo, data: PlanRef): Promise<CardActionResult> {
    const s = cutoverStrings[turn.lang];
    const planId = normalizeId(data.planId);
    const item = await this.loadFor(turn, planId);
    if (!item) return { kind: 'message', text: format(s.notFound, { id: planId }) };
    const plan = item.value;
    const viewer = personOf(turn);
    if (plan.status !== 'done') return this.viewFor(turn, plan, refusalNotice({ code: 'wrongStatus', status: plan.status }, plan, turn.lang));
    if (!isRequester(plan, viewer) && !isApprover(this.deps.policy, viewer, plan)) return this.viewFor(turn, plan, refusalNotice({ code: 'notParticipant' }, plan, turn.lang));
    const checklist = await this.preRemovalChecklist(plan, turn.lang, turn.log);
    const notice: Notice = { text: checklist.allClear ? s.checklist.allClear : s.checklist.notClear, tone: checklist.allClear ? 'good' : 'warning' };
    return { kind: 'card', reply: planCard(plan, { ...this.viewOptions(turn), notice, checklist }) };
  }

  confirmOldRemoved(turn: TurnInfo, data: PlanRef): Promise<CardActionResult> {
    return this.act(turn, normalizeId(data.planId), { kind: 'oldCmgRemoved' }, 'closed');
  }

  // ---- periodic work ------------------------------------------------------------------------

  /** Expires every pending plan whose decision deadline has passed; returns how many. */
  async expireOverdue(now: Date = this.deps.clock.now()): Promise<number> {
    let expired = 0;
    for (;;) {
      const due = await this.plans.overdue(now, 50);
      if (due.length === 0) return expired;
      let progressed = false;
      for (const item of due) {
        const outcome = await this.expireIfDue(item, now);
        if (outcome.expired) {
          expired++;
          progressed = true;
        }
      }
      if (!progressed) return expired;
    }
  }

  /**
   * The scheduler's question when a nudge or escalation falls due: the card to post in the
   * approval conversation, or nothing once the plan is decided. Safe to repeat for a retried
   * delivery: the escalation is recorded once (conditional write), its card can be sent again.
   */
  async prepareFollowUp(followUp: { planId: string; kind: FollowUpKind; dueAt: string }): Promise<{ reply: Reply; nextDueAt?: string } | undefined> {
    const { clock, settings, policy, log } = this.deps;
    const item = await this.load(followUp.planId);
    if (!item || item.value.status !== 'pending') return undefined;
    let plan = item.value;
    const now = clock.now();
    const conversationId = plan.card?.conversationId ?? settings.approvalConversationId ?? plan.conversationId;
    if (followUp.kind === 'escalation') {
      const backups = settings.escalationIds.filter((id) => !policy.approverIds.includes(id));
      if (backups.length === 0) return undefined;
      const found = await this.lookUp(conversationId, backups, log);
      if (!plan.escalation) {
        const names = backups.map((id) => found?.get(id)?.name ?? plan.approverNames?.[id]).filter((name): name is string => Boolean(name));
        const waitedHours = Math.round(((now.getTime() - Date.parse(plan.createdAt)) / HOUR_MS) * 100) / 100;
        const outcome = await this.transition(plan.id, { kind: 'escalate', approverIds: backups, waitedHours, names }, 'system', now);
        if (outcome.kind !== 'changed' && !(outcome.kind === 'refused' && outcome.plan.escalation && outcome.plan.status === 'pending')) return undefined;
        plan = outcome.plan;
        log.info({ planId: plan.id, waitedHours, added: backups.length }, 'cutover plan escalated to the backup approvers');
      }
      // The backup approvers get their personal views (or the open buttons) on the shared card.
      plan = await this.refreshApprovers(plan, log, true);
      const mentions = mentionsOf(backups, found);
      return { reply: nudgeCard(plan, { lang: plan.lang, kind: 'escalation', mentions, unresolved: backups.length - mentions.length, now }) };
    }
    const undecided = undecidedApprovers(plan, policy);
    if (undecided.length === 0) return undefined;
    const found = await this.lookUp(conversationId, undecided, log);
    plan = await this.refreshApprovers(plan, log);
    const mentions = mentionsOf(undecided, found);
    // The next nudge one interval on, skipping intervals that passed while the bot was down.
    const interval = settings.nudgeHours * HOUR_MS;
    let next = Date.parse(followUp.dueAt) + interval;
    while (next <= now.getTime()) next += interval;
    const nextDueAt = next < Date.parse(plan.expiresAt) ? new Date(next).toISOString() : undefined;
    return { reply: nudgeCard(plan, { lang: plan.lang, kind: 'nudge', mentions, unresolved: undecided.length - mentions.length, now }), nextDueAt };
  }

  // ---- internals ----------------------------------------------------------------------------

  /** Runs the CNAME check of a done own-domain plan and stores its verdict on the plan (shown on every view). */
  private async recordCnameCheck(plan: CutoverPlan, log: Logger): Promise<CutoverPlan> {
    const { probes, clock } = this.deps;
    if (!probes || plan.certificatePath !== 'ownDomain' || !plan.cname) return plan;
    let state: Awaited<ReturnType<CutoverProbes['cname']>>;
    try {
      state = await probes.cname(plan.cname.host, plan.region.name);
    } catch (error) {
      log.warn({ err: error, planId: plan.id }, 'the CNAME check after the cutover failed');
      return plan;
    }
    const cnameCheck = { at: clock.now().toISOString(), verdict: state.verdict, ...(state.target ? { target: state.target } : {}) };
    const outcome = await this.plans.change(plan.id, (current) => (current.status === 'done' ? { ...current, cnameCheck } : undefined));
    return outcome.status === 'ok' ? outcome.item.value : plan;
  }

  /** Waiting period over, CNAME on the scale-set name, the new endpoint presenting the expected certificate: each checked now. */
  private async preRemovalChecklist(plan: CutoverPlan, lang: TurnInfo['lang'], log: Logger): Promise<Checklist> {
    const c = cutoverStrings[lang].checklist;
    const { probes, clock } = this.deps;
    const now = clock.now();
    const lines: Checklist['lines'] = [];
    let allClear = true;
    const add = (ok: boolean | undefined, text: string) => {
      if (ok !== true) allClear = false;
      lines.push({ text, color: ok === true ? 'Good' : ok === false ? 'Attention' : 'Warning' });
    };
    const end = waitingPeriodEnd(plan)!;
    const until = formatTime(end, lang, plan.timezone);
    if (now.getTime() >= end.getTime()) add(true, format(c.waitingOver, { until }));
    else add(false, format(c.waitingRunning, { until, left: formatDuration(end.getTime() - now.getTime(), lang) }));

    const newName = plan.newServiceName;
    if (plan.certificatePath === 'ownDomain' && plan.cname) {
      const host = plainText(plan.cname.host, 253);
      const state = probes ? await probes.cname(plan.cname.host, plan.region.name).catch((error: unknown) => (log.warn({ err: error, planId: plan.id }, 'pre-removal CNAME check failed'), undefined)) : undefined;
      if (!state) add(undefined, format(c.cnameUnknown, { host, newName }));
      else if (state.verdict === 'scaleSet') add(true, format(c.cnameOk, { host, newName }));
      else if (state.verdict === 'classic') add(false, format(c.cnameClassic, { host, target: plainText(state.target ?? plan.oldServiceName, 253) }));
      else if (state.verdict === 'other') add(false, format(c.cnameOther, { host, target: plainText(state.target ?? '', 253), newName }));
      else add(false, format(c.cnameUnresolved, { host }));
    }
    // After the switch the own-domain name reaches the new CMG; a cloudapp.net CMG is reached by its new name.
    const endpointHost = plan.certificatePath === 'ownDomain' && plan.cname ? plan.cname.host : newName;
    const host = plainText(endpointHost, 253);
    const presented = probes ? await probes.endpoint(endpointHost).catch((error: unknown) => (log.warn({ err: error, planId: plan.id }, 'pre-removal endpoint check failed'), undefined)) : undefined;
    if (!presented) add(undefined, format(c.endpointUnknown, { host }));
    else if (presented.kind === 'failed') add(false, format(presented.reason === 'refused' ? c.endpointRefused : presented.reason === 'unresolved' ? c.endpointUnresolved : c.endpointFailed, { host }));
    else if (!presented.nameMatches) add(false, format(c.endpointMismatch, { host }));
    else if (presented.expired) add(false, format(c.endpointExpired, { host }));
    else if (!presented.chainTrusted) add(false, format(c.endpointUntrusted, { host }));
    else add(true, format(c.endpointOk, { host }));
    return { lines, allClear };
  }

  /** A new pending plan of the turn's conversation scope and tenant. */
  private newPlan(turn: TurnInfo, id: string, details: PlanDetails, requester: Person, views: ApproverViews, cardConversationId: string, now: Date): CutoverPlan {
    const { settings } = this.deps;
    return {
      ...details,
      id,
      conversationId: turn.conversation.id,
      scopeId: scopeOf(turn),
      ...(turn.conversation.tenantId ? { tenantId: turn.conversation.tenantId } : {}),
      cardScopeId: cardConversationId === turn.conversation.id ? scopeOf(turn) : conversationScope(cardConversationId),
      lang: turn.lang,
      requester,
      status: 'pending',
      revision: 1,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + settings.approvalExpiryHours * HOUR_MS).toISOString(),
      ...views,
      approvalsRequired: settings.approvalsRequired,
      votes: [],
      audit: [{ at: now.toISOString(), by: requester, action: 'created', to: 'pending', revision: 1 }],
    };
  }

  /** Posts a new plan's approval card, remembers where it went and schedules the plan's nudges and escalation. */
  private async postApprovalCard(plan: CutoverPlan, conversationId: string, log: Logger): Promise<{ ok: true; plan: CutoverPlan } | { ok: false; reason: string }> {
    const { settings, followUps } = this.deps;
    let current: CutoverPlan;
    try {
      const activityId = await this.deps.outbox.send(conversationId, planCard(plan, { lang: plan.lang, now: this.deps.clock.now(), policy: this.deps.policy }));
      current = (await this.attachCard(plan.id, { conversationId, activityId }, log)) ?? plan;
    } catch (error) {
      log.warn({ err: error, planId: plan.id }, 'could not post the cutover approval card');
      return { ok: false, reason: (error as Error).message };
    }
    if (followUps) {
      const created = Date.parse(plan.createdAt);
      const moments: { kind: FollowUpKind; at: number }[] = [];
      if (settings.nudgeHours > 0) moments.push({ kind: 'nudge', at: created + settings.nudgeHours * HOUR_MS });
      if (settings.escalationIds.some((id) => !this.deps.policy.approverIds.includes(id))) moments.push({ kind: 'escalation', at: created + settings.escalateAfterHours * HOUR_MS });
      for (const moment of moments.filter((m) => m.at < Date.parse(plan.expiresAt))) {
        try {
          await followUps.scheduleFollowUp({ planId: plan.id, kind: moment.kind, conversationId, dueAt: new Date(moment.at).toISOString(), lang: plan.lang });
        } catch (error) {
          log.warn({ err: error, planId: plan.id, followUp: moment.kind }, 'could not schedule a cutover follow-up');
        }
      }
    }
    return { ok: true, plan: current };
  }

  /** Open plans of a conversation scope (pending ones expired first, so the count is honest). */
  private async openPlansIn(scopeId: string, turn: TurnInfo): Promise<CutoverPlan[]> {
    const stored = await this.plans.inConversation(scopeId);
    const open: CutoverPlan[] = [];
    const now = this.deps.clock.now().getTime();
    for (const item of stored) {
      // Only a plan past its deadline is read again (and expired); the listed version serves the rest.
      const overdue = item.value.status === 'pending' && now >= Date.parse(item.value.expiresAt);
      const current = overdue ? ((await this.load(item.key)) ?? item) : item;
      if (isOpen(current.value.status) && this.visibleTo(turn, current.value)) open.push(current.value);
    }
    return open;
  }

  /**
   * Why a plan this person requests could never be approved, or undefined when it could: the
   * approvers (backups included) who may decide on it, the requester left out, are fewer than the
   * approvals a plan needs. Refused up front rather than left waiting until it expires. Without
   * any approvers configured the plan is still made: its card says that nobody can approve it yet.
   */
  private unreachableApprovals(requester: Person, lang: Lang): string | undefined {
    const { settings, policy } = this.deps;
    if (policy.approverIds.length === 0 || policy.allowSelfApproval) return undefined;
    const deciders = new Set([...policy.approverIds, ...settings.escalationIds]);
    const available = [...deciders].filter((id) => id !== requester.aadObjectId).length;
    if (available >= settings.approvalsRequired) return undefined;
    return format(cutoverStrings[lang].tooFewApprovers, { required: settings.approvalsRequired, available });
  }

  /**
   * Takes a place for a new plan within the open-plan limits of the conversation and the person,
   * or says why not. Plans already stored count from the listing; plans being created at this
   * moment count through their reservation (a conditional write on one document per scope), so
   * sixty simultaneous submits cannot all pass the same check.
   */
  private async reserveOpenPlan(turn: TurnInfo, requester: Person, planId: string): Promise<string | undefined> {
    const { settings, clock } = this.deps;
    const q = cutoverStrings[turn.lang].quota;
    const open = await this.openPlansIn(scopeOf(turn), turn);
    const openIds = new Set(open.map((plan) => plan.id));
    const mineOpen = open.filter((plan) => isRequester(plan, requester)).length;
    const me = requester.aadObjectId ?? requester.teamsId ?? '';
    const now = clock.now();
    return this.plans.reserve(scopeOf(turn), (entries) => {
      // A reservation counts until its plan shows in the listing, or lapses after a minute.
      const inFlight = entries.filter((entry) => !openIds.has(entry.planId) && now.getTime() - Date.parse(entry.at) < RESERVATION_MS);
      if (open.length + inFlight.length >= settings.maxOpenPlans) return { refusal: format(q.tooManyOpen, { max: settings.maxOpenPlans }) };
      if (mineOpen + inFlight.filter((entry) => entry.by === me).length >= settings.maxOpenPlansPerPerson) {
        return { refusal: format(q.tooManyOpenForPerson, { max: settings.maxOpenPlansPerPerson }) };
      }
      return { entries: [...inFlight, { planId, by: me, at: now.toISOString() }] };
    });
  }

  /**
   * May this turn see the plan? Only in the conversation scope it was requested in and the one
   * holding its approval card, and never from another tenant. Everywhere else the plan does not
   * exist, so its id reveals nothing.
   */
  private visibleTo(turn: TurnInfo, plan: CutoverPlan): boolean {
    const tenant = turn.conversation.tenantId;
    if (plan.tenantId && plan.tenantId !== tenant) return false;
    const scope = scopeOf(turn);
    const own = plan.scopeId ?? plan.conversationId;
    if (scope === own || turn.conversation.id === plan.conversationId) return true;
    const cardScope = plan.cardScopeId ?? (plan.card ? conversationScope(plan.card.conversationId) : undefined);
    return Boolean(cardScope && (scope === cardScope || turn.conversation.id === plan.card?.conversationId));
  }

  /** A plan this turn may see, expired first if due; undefined for an unknown id and for a plan of another conversation alike. */
  private async loadFor(turn: TurnInfo, planId: string): Promise<StoredItem<CutoverPlan> | undefined> {
    const item = await this.load(planId);
    return item && this.visibleTo(turn, item.value) ? item : undefined;
  }

  private newForm(turn: TurnInfo, prefill: { cmgName: string; region: string; certificatePath?: 'ownDomain' | 'cloudappNet' }): CardReply {
    const zone = usableZone(turn.timezone);
    return formCard(
      {
        ...formValues({ ...prefill, waitingDays: String(this.deps.settings.defaultWaitingDays) }, zone, this.deps.settings),
        problems: [],
        target: { kind: 'new', formId: randomUUID() },
      },
      turn.lang,
    );
  }

  /** Applies one button press and reports to the presser; the shared card follows in the background. */
  private async act(turn: TurnInfo, planId: string, command: PlanCommand, success: keyof typeof NOTICE_OF): Promise<CardActionResult> {
    const s = cutoverStrings[turn.lang];
    // A plan of another conversation is answered like an unknown id, before anything is applied.
    const visible = await this.loadFor(turn, planId);
    if (!visible) return { kind: 'message', text: format(s.notFound, { id: planId }) };
    const outcome = await this.transition(planId, command, personOf(turn), this.deps.clock.now(), visible);
    if (outcome.kind === 'notFound') return { kind: 'message', text: format(s.notFound, { id: planId }) };
    if (outcome.kind === 'refused') {
      const early = outcome.refusal.code === 'doneEarly';
      return { kind: 'card', reply: planCard(outcome.plan, { ...this.viewOptions(turn), notice: refusalNotice(outcome.refusal, outcome.plan, turn.lang), confirmEarly: early }) };
    }

    let plan = outcome.plan;
    await this.afterChange(plan, turn.log);
    // Marked done with an own-domain certificate: does the CNAME already point at the new name?
    if (success === 'done' && plan.status === 'done') plan = await this.recordCnameCheck(plan, turn.log);
    void this.updateSharedCard(plan.id, turn.log);
    const votes = (plan.votes ?? []).filter((vote) => vote.revision === plan.revision && vote.outcome === 'approved').length;
    const notice =
      success === 'approved' && plan.status === 'pending'
        ? format(s.notices.approvedPartly, { approvals: votes, required: plan.approvalsRequired ?? 1 })
        : s.notices[NOTICE_OF[success]];
    return this.viewFor(turn, plan, { text: notice, tone: 'good' });
  }

  /** Side effects that belong to exactly one transition: only the write that won gets here. */
  private async afterChange(plan: CutoverPlan, log: Logger): Promise<void> {
    const { reminders } = this.deps;
    try {
      if (plan.status === 'done') {
        await reminders.scheduleWaitingPeriodEnd({
          planId: plan.id,
          conversationId: plan.conversationId,
          dueAt: waitingPeriodEnd(plan)!.toISOString(),
          lang: plan.lang,
          timezone: plan.timezone,
          cmgName: plan.cmgName,
          oldServiceName: plan.oldServiceName,
          newServiceName: plan.newServiceName,
        });
      } else if (plan.status === 'cancelled' || plan.status === 'closed') {
        await reminders.cancelForPlan(plan.id);
      }
      // Decided or withdrawn: its nudges and escalation have nothing left to ask.
      if (plan.status === 'approved' || plan.status === 'rejected' || plan.status === 'cancelled') await this.deps.followUps?.cancelFollowUps(plan.id);
    } catch (error) {
      // The plan's state is already recorded; a missing reminder must not undo or hide that.
      log.warn({ err: error, planId: plan.id }, 'could not update the waiting-period reminder');
    }
  }

  /**
   * Reads a plan, applies the command, writes only if nobody wrote in between. On a conflict the
   * command is applied again to the newer plan, where a second approval then finds the plan
   * already decided and is refused: one decision, however many clicks arrive at once.
   */
  private async transition(planId: string, command: PlanCommand, actor: Person | 'system', now: Date, read?: StoredItem<CutoverPlan>): Promise<Outcome> {
    const item = read ?? (await this.load(planId));
    if (!item) return { kind: 'notFound' };
    let refusal: Refusal | undefined;
    const outcome = await this.plans.change(
      planId,
      (plan) => {
        const next = apply(plan, command, actor, now, this.deps.policy);
        refusal = next.kind === 'refused' ? next.refusal : undefined;
        return next.kind === 'changed' ? next.plan : undefined;
      },
      { from: item },
    );
    switch (outcome.status) {
      case 'ok':
        return { kind: 'changed', plan: outcome.item.value };
      case 'unchanged':
        return { kind: 'refused', refusal: refusal!, plan: outcome.item.value };
      case 'notFound':
        return { kind: 'notFound' };
      case 'tooManyConflicts':
        throw new Error(`cutover plan ${planId}: too many concurrent changes`);
    }
  }

  /** Reads a plan, expiring it first if its decision deadline has passed (so every reader agrees). */
  private async load(planId: string): Promise<StoredItem<CutoverPlan> | undefined> {
    const item = await this.plans.get(planId);
    return item ? (await this.expireIfDue(item, this.deps.clock.now())).item : undefined;
  }

  private async expireIfDue(item: StoredItem<CutoverPlan>, now: Date): Promise<{ item: StoredItem<CutoverPlan> | undefined; expired: boolean }> {
    if (item.value.status !== 'pending' || now.getTime() < Date.parse(item.value.expiresAt)) return { item, expired: false };
    // Conditional: whoever writes first (an approval just in time, another reader expiring it) wins.
    const outcome = await this.plans.change(
      item.key,
      (plan) => {
        const expired = apply(plan, { kind: 'expire' }, 'system', now, this.deps.policy);
        return expired.kind === 'changed' ? expired.plan : undefined;
      },
      { from: item },
    );
    if (outcome.status === 'ok') {
      void this.updateSharedCard(item.key, this.deps.log);
      return { item: outcome.item, expired: true };
    }
    return { item: outcome.status === 'unchanged' ? outcome.item : await this.plans.get(item.key), expired: false };
  }

  /** Remembers where the approval card went; retried because a decision may land in between. */
  private async attachCard(planId: string, card: { conversationId: string; activityId: string }, log: Logger): Promise<CutoverPlan | undefined> {
    let stale = false;
    const outcome = await this.plans.change(planId, (plan) => {
      stale = plan.revision !== 1 || plan.status !== 'pending';
      return { ...plan, card };
    });
    if (outcome.status !== 'ok') return undefined;
    // If a decision landed before the id was stored, the card went out stale: bring it up to date.
    if (stale) void this.updateSharedCard(planId, log);
    return outcome.item.value;
  }

  private viewOptions(turn: TurnInfo) {
    return { lang: turn.lang, now: this.deps.clock.now(), policy: this.deps.policy, viewer: personOf(turn) };
  }

  private viewFor(turn: TurnInfo, plan: CutoverPlan, notice?: Notice): CardActionResult {
    return { kind: 'card', reply: planCard(plan, { ...this.viewOptions(turn), notice }) };
  }

  /** Members found for these Entra ids in the conversation, or undefined when the lookup failed. */
  private async lookUp(conversationId: string, aadObjectIds: readonly string[], log: Logger): Promise<Map<string, Member> | undefined> {
    try {
      return await this.deps.members.members(conversationId, aadObjectIds);
    } catch (error) {
      log.warn({ err: error, conversationId }, 'could not look up approvers in the conversation');
      return undefined;
    }
  }

  /**
   * Who gets a personal view (approvers found in the conversation, and the requester), their
   * names for the card, and whether the card everyone sees must carry the buttons because an
   * approver could not be found (lookup failed, 404, or not a member yet).
   */
  private async resolveApprovers(conversationId: string, plan: Pick<CutoverPlan, 'requester' | 'viewerTeamsIds' | 'escalation' | 'approverNames'>, log: Logger): Promise<ApproverViews> {
    const { policy } = this.deps;
    const requester = plan.requester;
    const ids = approversOf(plan, policy).filter((id) => policy.allowSelfApproval || id !== requester.aadObjectId);
    const found = await this.lookUp(conversationId, ids, log);
    const names: Record<string, string> = { ...(plan.approverNames ?? {}) };
    for (const [id, member] of found ?? []) if (member.name) names[id] = member.name;
    const approverIds = found ? [...found.values()].map((member) => member.id) : plan.viewerTeamsIds;
    return {
      viewerTeamsIds: [...new Set([...approverIds, ...(requester.teamsId ? [requester.teamsId] : [])])],
      openButtons: ids.length > 0 && (!found || ids.some((id) => !found.has(id))),
      approverNames: names,
    };
  }

  /** Looks the approvers up again; stores and shows what changed (always updates the shared card when `force`). */
  private async refreshApprovers(plan: CutoverPlan, log: Logger, force = false): Promise<CutoverPlan> {
    if (!isOpen(plan.status)) {
      if (force) void this.updateSharedCard(plan.id, log);
      return plan;
    }
    const conversationId = plan.card?.conversationId ?? this.deps.settings.approvalConversationId ?? plan.conversationId;
    const views = await this.resolveApprovers(conversationId, plan, log);
    const same =
      JSON.stringify([...views.viewerTeamsIds].sort()) === JSON.stringify([...plan.viewerTeamsIds].sort()) &&
      Boolean(views.openButtons) === Boolean(plan.openButtons) &&
      JSON.stringify(views.approverNames) === JSON.stringify(plan.approverNames ?? {});
    if (same) {
      if (force) void this.updateSharedCard(plan.id, log);
      return plan;
    }
    const outcome = await this.plans.change(plan.id, (current) => (isOpen(current.status) ? { ...current, ...views } : undefined));
    void this.updateSharedCard(plan.id, log);
    return outcome.status === 'ok' || outcome.status === 'unchanged' ? outcome.item.value : plan;
  }

  /** Replaces the shared card for everyone, after the invoke has been answered; it shows the plan as stored when its turn comes. */
  private updateSharedCard(planId: string, log: Logger): Promise<void> {
    return this.deps.sharedCards.update(
      `cutover:${planId}`,
      async () => {
        const item = await this.plans.get(planId);
        const card = item?.value.card;
        if (!item || !card) return undefined;
        const plan = item.value;
        return { card, reply: planCard(plan, { lang: plan.lang, now: this.deps.clock.now(), policy: this.deps.policy }), version: item.version };
      },
      log,
    );
  }
}

const NOTICE_OF = {
  approved: 'approved',
  rejected: 'rejected',
  cancelled: 'cancelled',
  done: 'done',
  closed: 'closed',
  edited: 'edited',
} as const;

/** The conversation scope a turn's data belongs to (the channel, for a channel thread). */
function scopeOf(turn: TurnInfo): string {
  return turn.conversation.scopeId || turn.conversation.id;
}

/** The CMG's name for a sentence in a message (a checked host label, escaped all the same). */
function plainCmg(plan: CutoverPlan): string {
  return plainText(plan.cmgName, 100);
}

function mentionsOf(ids: readonly string[], found: Map<string, Member> | undefined): Mention[] {
  return ids.flatMap((id) => {
    const member = found?.get(id);
    return member ? [{ id: member.id, name: member.name ?? member.id }] : [];
  });
}

function personOf(turn: TurnInfo): Person {
  return { aadObjectId: turn.user.aadObjectId, teamsId: turn.user.id || undefined, name: turn.user.name };
}

function reasonOf(data: { reason?: string }): string | undefined {
  const reason = textOf(data.reason).slice(0, 500);
  return reason || undefined;
}

export function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}

function newPlanId(): string {
  let id = 'C';
  for (let i = 0; i < 5; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** Form values as the admin left them, so a refused submit does not wipe what they typed. */
function formValues(
  data: PlanFormData,
  zone: string,
  settings: CutoverSettings,
): Omit<PlanFormState, 'problems' | 'target'> {
  const waiting = textOf(data.waitingDays);
  return {
    cmgName: textOf(data.cmgName).slice(0, 253),
    region: textOf(data.region).slice(0, 100),
    certificatePath: certificatePathOf(data.certificatePath) ?? 'ownDomain',
    plannedDate: textOf(data.plannedDate).slice(0, 10),
    plannedTime: textOf(data.plannedTime).slice(0, 8),
    waitingDays: waiting || settings.defaultWaitingDays,
    notes: textOf(data.notes).slice(0, 1000),
    zone,
  };
}
