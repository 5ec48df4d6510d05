import { randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { format } from '../i18n/language';
import type { RegionCatalog } from '../naming';
import type { Store, StoredItem } from '../storage/store';
import type { Logger } from '../log';
import type { Outbox, SharedCards } from '../ports';
import type { CardActionResult, CardReply, Reply, TurnInfo } from '../turn';
import { text } from '../turn';
import { apply, ApproverPolicy, isRequester, PlanCommand, Refusal } from './lifecycle';
import { refusalNotice } from './notices';
import { CutoverPlan, isOpen, Person, waitingPeriodEnd } from './plan';
import { certificatePathOf, readPlanForm, textOf } from './planForm';
import { PlanRepository } from './planRepository';
import type { LatestProviderCheck, MemberDirectory, WaitingPeriodReminders } from './ports';
import type { CutoverSettings } from './settings';
import { cutoverStrings } from './strings';
import { usableZone } from '../i18n/time';
import { localParts } from './time';
import type { PlanCancel, PlanDecision, PlanEditData, PlanFormData, PlanOffer, PlanRef } from './verbs';
import { formCard, historyCard, listCard, Notice, planCard, PlanFormState } from './views';

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
}

type Outcome =
  | { kind: 'changed'; plan: CutoverPlan }
  | { kind: 'refused'; refusal: Refusal; plan: CutoverPlan }
  | { kind: 'notFound' };

/** Plan ids tried before giving up on a form (each collision is one in 32^5). */
const MAX_ID_ATTEMPTS = 5;
const HOUR_MS = 60 * 60 * 1000;
/** Plan ids people can read aloud and type: no 0/O or 1/I. */
const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Cutover plans from form to closure: creates plans and posts their approval card, applies each
 * button press through the lifecycle with a conditional write (so the first decision wins and
 * replays change nothing), and keeps the shared card in step for everyone.
 */
export class CutoverService {
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
    const item = await this.load(normalizeId(planId));
    if (!item) return text(format(cutoverStrings[turn.lang].notFound, { id: normalizeId(planId) }));
    return historyCard(item.value, turn.lang);
  }

  /** `cutovers`: open plans requested in this conversation, oldest first. */
  async listCommand(turn: TurnInfo): Promise<Reply> {
    const stored = await this.plans.inConversation(turn.conversation.id);
    const open: CutoverPlan[] = [];
    for (const item of stored) {
      const current = item.value.status === 'pending' ? ((await this.load(item.key)) ?? item) : item;
      if (isOpen(current.value.status)) open.push(current.value);
    }
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
    const { clock, settings, policy } = this.deps;
    const s = cutoverStrings[turn.lang];
    const now = clock.now();
    const zone = usableZone(turn.timezone);
    const formId = /^[\w-]{8,64}$/.test(textOf(data.formId)) ? textOf(data.formId) : randomUUID();
    const providerCheck = await this.deps.providerChecks?.latestFor(turn.conversation.scopeId).catch(() => undefined);
    const form = readPlanForm(data, { lang: turn.lang, zone, now, providerCheck, regions: this.deps.regions });
    if (!form.ok) return { kind: 'card', reply: formCard({ ...formValues(data, zone, settings), problems: form.problems, target: { kind: 'new', formId } }, turn.lang) };

    const requester = personOf(turn);
    const cardConversationId = settings.approvalConversationId ?? turn.conversation.id;
    const viewerTeamsIds = await this.viewerIds(cardConversationId, requester, turn.log);
    const claim = await this.plans.claimForm(formId, newPlanId());
    if (!claim.claimed) {
      // A retried or double-clicked submit: show the plan the first submit made.
      const existing = await this.load(claim.planId);
      if (!existing) return { kind: 'message', text: format(s.alreadyCreated, { id: claim.planId }) };
      return this.viewFor(turn, existing.value, { text: format(s.alreadyCreated, { id: claim.planId }), tone: 'warning' });
    }
    let plan: CutoverPlan | undefined;
    for (let attempt = 0, id = claim.planId; !plan && attempt < MAX_ID_ATTEMPTS; attempt++, id = newPlanId()) {
      // Another plan has this id (rare): the form now stands for the next id tried.
      if (attempt > 0) await this.plans.repointForm(formId, id);
      const candidate: CutoverPlan = {
        ...form.details,
        id,
        conversationId: turn.conversation.id,
        lang: turn.lang,
        requester,
        status: 'pending',
        revision: 1,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + settings.approvalExpiryHours * HOUR_MS).toISOString(),
        viewerTeamsIds,
        audit: [{ at: now.toISOString(), by: requester, action: 'created', to: 'pending', revision: 1 }],
      };
      const written = await this.plans.create(candidate);
      if (written.status === 'ok') plan = candidate;
    }
    if (!plan) throw new Error('could not allocate a cutover plan id');

    try {
      const activityId = await this.deps.outbox.send(cardConversationId, planCard(plan, { lang: plan.lang, now, policy }));
      plan = (await this.attachCard(plan.id, { conversationId: cardConversationId, activityId }, turn.log)) ?? plan;
    } catch (error) {
      turn.log.warn({ err: error, planId: plan.id }, 'could not post the cutover approval card');
      return { kind: 'message', text: format(s.deliveryFailed, { id: plan.id, reason: (error as Error).message }) };
    }
    const created = format(cardConversationId === turn.conversation.id ? s.created : s.createdElsewhere, { id: plan.id, cmg: plan.cmgName });
    return this.viewFor(turn, plan, { text: created, tone: 'good' });
  }

  /** `cutover.edit`: the requester's form for changing a pending plan. */
  async editForm(turn: TurnInfo, data: PlanRef): Promise<CardActionResult> {
    const planId = normalizeId(data.planId);
    const item = await this.load(planId);
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
    const existing = await this.load(planId);
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
    const item = await this.load(planId);
    if (!item) return { kind: 'message', text: format(cutoverStrings[turn.lang].notFound, { id: planId }) };
    return this.viewFor(turn, item.value);
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

  markDone(turn: TurnInfo, data: PlanRef): Promise<CardActionResult> {
    return this.act(turn, normalizeId(data.planId), { kind: 'done' }, 'done');
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

  // ---- internals ----------------------------------------------------------------------------

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
    const outcome = await this.transition(planId, command, personOf(turn), this.deps.clock.now());
    if (outcome.kind === 'notFound') return { kind: 'message', text: format(cutoverStrings[turn.lang].notFound, { id: planId }) };
    if (outcome.kind === 'refused') return this.viewFor(turn, outcome.plan, refusalNotice(outcome.refusal, outcome.plan, turn.lang));

    const plan = outcome.plan;
    await this.afterChange(plan, turn.log);
    void this.updateSharedCard(plan.id, turn.log);
    return this.viewFor(turn, plan, { text: cutoverStrings[turn.lang].notices[NOTICE_OF[success]], tone: 'good' });
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
  private async transition(planId: string, command: PlanCommand, actor: Person | 'system', now: Date): Promise<Outcome> {
    const item = await this.load(planId);
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
    const expired = apply(item.value, { kind: 'expire' }, 'system', now, this.deps.policy);
    if (expired.kind === 'refused') return { item, expired: false };
    const written = await this.plans.replace(expired.plan, item.version);
    // Someone else changed (or expired) the plan in between: theirs is the current state.
    if (written.status !== 'ok') return { item: await this.plans.get(item.key), expired: false };
    void this.updateSharedCard(item.key, this.deps.log);
    return { item: written.item, expired: true };
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

  private viewFor(turn: TurnInfo, plan: CutoverPlan, notice?: Notice): CardActionResult {
    return { kind: 'card', reply: planCard(plan, { lang: turn.lang, now: this.deps.clock.now(), policy: this.deps.policy, viewer: personOf(turn), notice }) };
  }

  /** Teams ids that get a personal view: the configured approvers found in the conversation, and the requester. */
  private async viewerIds(conversationId: string, requester: Person, log: Logger): Promise<string[]> {
    let approvers: string[] = [];
    try {
      const found = await this.deps.members.teamsUserIds(conversationId, this.deps.policy.approverIds);
      approvers = [...found.values()];
    } catch (error) {
      // Without the lookup approvers still see the decision; they just get no buttons until it works.
      log.warn({ err: error, conversationId }, 'could not look up approvers in the conversation');
    }
    return [...new Set([...approvers, ...(requester.teamsId ? [requester.teamsId] : [])])];
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
        return { card, reply: planCard(plan, { lang: plan.lang, now: this.deps.clock.now(), policy: this.deps.policy }) };
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
