import { randomUUID } from 'node:crypto';
import { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, ChannelAccount, TeamsActivityHandler, TurnContext } from 'botbuilder';
import { format, Lang, languageOf } from '../i18n/language';
import { formatNumber } from '../i18n/locale';
import type { Logger } from '../log';
import type { CardActionResult, Reply, TurnInfo } from '../turn';
import { cardDataOf, localeOf, messageText, tenantIdOf, tenantOf, turnFacts } from './activityFacts';
import type { ActivityRenderer } from './activityRenderer';
import type { AdaptiveCard } from './cardRenderer';
import { CardAction, Command, routeText, Trigger } from './commands';
import { ConversationReferences } from './conversationReferences';
import { errorCard, welcomeCard } from './help';
import type { TenantPolicy, TurnLimits } from './settings';
import { botStrings } from './strings';
import { TurnBudget } from './turnBudget';

/** Per-turn facts, kept on the TurnContext: the id every log line and error card carries, and the turn's logger. */
const TURN = Symbol('turn');
interface TurnState {
  correlationId: string;
  /** Made on first use: most turns log nothing but their one line, which needs no child logger. */
  readonly log: Logger;
  command?: string;
}

/** The invoke responses this bot gives, as Teams reads them. */
export type InvokeBody =
  | { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: AdaptiveCard }
  | { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string }
  | { statusCode: 400 | 403 | 404 | 409 | 413 | 429 | 500; type: 'application/vnd.microsoft.error'; value: { code: string; message: string } };

/** Who the bot serves and how much one activity or person may ask of it (src/bot/settings.ts). */
export interface TurnPolicy {
  tenants: TenantPolicy;
  limits: TurnLimits;
}

/** Why an activity was refused before any capability saw it. */
type Refusal =
  | { reason: 'tenantConflict' | 'tenantNotAllowed'; tenantId?: string }
  | { reason: 'tooManyTurns'; quiet: boolean }
  | { reason: 'messageTooLong' | 'cardDataTooLarge'; length: number; max: number };

/**
 * The Teams face: resolves language, identity and text once per turn, routes through the
 * command and card-action tables, and turns capability replies into activities.
 */
export class CmgBot extends TeamsActivityHandler {
  private readonly actionsByVerb: Map<string, CardAction>;
  private readonly budget: TurnBudget;

  constructor(
    private readonly commands: readonly Command[],
    cardActions: readonly CardAction[],
    private readonly references: ConversationReferences,
    private readonly renderer: ActivityRenderer,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly policy: TurnPolicy,
  ) {
    super();
    this.budget = new TurnBudget(policy.limits.userTurnsPerMinute);
    this.actionsByVerb = new Map(cardActions.map((action) => [action.verb, action]));

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.greet(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.references.remove(context.activity.conversation.id);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (includesBot(context.activity.membersAdded, context.activity.recipient)) await this.greet(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (includesBot(context.activity.membersRemoved, context.activity.recipient)) {
        await this.references.remove(context.activity.conversation.id);
      }
      await next();
    });
  }

  /** Every turn: a logger carrying its correlation id, and one structured line with its type, command and duration. */
  override async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    const correlationId = randomUUID();
    const base = this.log;
    let child: Logger | undefined;
    const state: TurnState = {
      correlationId,
      get log() {
        return (child ??= base.child({ correlationId }));
      },
    };
    context.turnState.set(TURN, state);
    try {
      const refusal = this.refusal(context);
      if (refusal) await this.refuse(context, refusal);
      else await super.run(context);
    } catch (error) {
      await this.reportError(context, error);
    } finally {
      this.log.info(
        {
          correlationId,
          activityType: context.activity.type,
          activityName: context.activity.name,
          conversationType: context.activity.conversation?.conversationType,
          command: state.command,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
        },
        'turn',
      );
    }
  }

  /**
   * Checked before anything is stored or run: the tenant (allow-list, and the activity's two
   * tenant fields agreeing), the person's turns this minute, and the size of what they sent.
   */
  private refusal(context: TurnContext): Refusal | undefined {
    const activity = context.activity;
    const tenant = tenantOf(activity);
    if (tenant.conflict) return { reason: 'tenantConflict', tenantId: tenant.id };
    const tenants = this.policy.tenants;
    if (tenants.kind === 'only' && !(tenant.id && tenants.tenantIds.includes(tenant.id))) return { reason: 'tenantNotAllowed', tenantId: tenant.id };
    const who = activity.from?.aadObjectId?.toLowerCase() || activity.from?.id || '';
    if (activity.type === 'message' || activity.type === 'invoke') {
      const taken = this.budget.take(who, this.now().getTime());
      if (taken !== 'ok') return { reason: 'tooManyTurns', quiet: taken === 'overAgain' };
    }
    const limits = this.policy.limits;
    if (typeof activity.text === 'string' && activity.text.length > limits.maxMessageChars) return { reason: 'messageTooLong', length: activity.text.length, max: limits.maxMessageChars };
    const data = activity.type === 'invoke' ? (activity.value as { action?: { data?: unknown } } | undefined)?.action?.data : activity.value;
    const dataLength = data === undefined ? 0 : JSON.stringify(data)?.length ?? 0;
    if (dataLength > limits.maxCardDataChars) return { reason: 'cardDataTooLarge', length: dataLength, max: limits.maxCardDataChars };
    return undefined;
  }

  /**
   * A refused message gets one short line (a person over their turns hears it once a minute),
   * a refused invoke always an error body Teams shows on the card; other activities (installs, member
   * changes) get nothing. Nothing of a refused activity is stored.
   */
  private async refuse(context: TurnContext, refusal: Refusal): Promise<void> {
    const state = stateOf(context);
    state.command = `refused:${refusal.reason}`;
    const activity = context.activity;
    const quiet = refusal.reason === 'tooManyTurns' && refusal.quiet;
    // A message over the limit is skipped silently after the first notice; an invoke always needs its answer.
    if (quiet && activity.type !== 'invoke') return;
    if (!quiet) state.log.warn({ refusal: refusal.reason, ...('tenantId' in refusal ? { tenantId: refusal.tenantId } : {}), activityType: activity.type }, 'turn refused');
    const lang = languageOf(localeOf(activity));
    const text = refusalText(lang, refusal, this.policy.limits);
    if (activity.type === 'invoke') {
      const statusCode = refusal.reason === 'tooManyTurns' ? 429 : refusal.reason === 'cardDataTooLarge' || refusal.reason === 'messageTooLong' ? 413 : 403;
      const body: InvokeBody = { statusCode, type: 'application/vnd.microsoft.error', value: { code: refusal.reason, message: text } };
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
    } else if (activity.type === 'message') {
      await context.sendActivity(text);
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = this.turnInfo(context);
    await this.saveReference(context);
    const value = context.activity.value === undefined ? undefined : cardDataOf(context.activity.value);
    const text = messageText(context.activity);
    // Action.Submit (clients without Action.Execute, through each button's fallback) arrives as a message with data.
    if (!text && value && typeof value.verb === 'string') {
      const result = await this.runCardAction(context, turn, value.verb, value, 'manual');
      if (result.kind === 'card') await context.sendActivity(this.renderer.activity(result.reply));
      else await context.sendActivity(result.kind === 'message' ? result.text : result.message);
      return;
    }
    const replies = await this.route(context, turn, text);
    for (const reply of replies) await context.sendActivity(this.renderer.activity(reply));
  }

  private async route(context: TurnContext, turn: TurnInfo, text: string): Promise<Reply[]> {
    const routed = routeText(this.commands, text);
    if (!routed) return [];
    stateOf(context).command = routed.command.name;
    const result = await routed.command.run(turn, routed.match, text);
    return Array.isArray(result) ? result : [result];
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const turn = this.turnInfo(context);
    const action = invokeValue?.action;
    const data = cardDataOf(action?.data);
    // Agents Playground omits `trigger`; anything but "automatic" is a person pressing a button.
    const trigger = (invokeValue as { trigger?: string }).trigger === 'automatic' ? 'automatic' : 'manual';
    const result = await this.runCardAction(context, turn, action?.verb ?? '', data, trigger);
    return asInvokeResponse(this.invokeBody(result));
  }

  private async runCardAction(context: TurnContext, turn: TurnInfo, verb: string, data: Record<string, unknown>, trigger: Trigger): Promise<CardActionResult> {
    stateOf(context).command = `card:${verb}`;
    const action = this.actionsByVerb.get(verb);
    if (!action) return { kind: 'message', text: botStrings[turn.lang].unknownAction };
    const parsed = action.data.safeParse(data);
    if (!parsed.success) {
      turn.log.warn({ verb, issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`) }, 'card data refused');
      return { kind: 'error', status: 400, code: 'BadCardData', message: botStrings[turn.lang].badCardData };
    }
    return action.run(turn, parsed.data, trigger);
  }

  private invokeBody(result: CardActionResult): InvokeBody {
    switch (result.kind) {
      case 'card':
        return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: this.renderer.card(result.reply) };
      case 'message':
        return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text };
      case 'error':
        return { statusCode: result.status, type: 'application/vnd.microsoft.error', value: { code: result.code, message: result.message } };
    }
  }

  private async greet(context: TurnContext): Promise<void> {
    // Install events always write: a reinstall may come with a new service URL.
    await this.saveReference(context, { always: true });
    const conversationId = context.activity.conversation.id;
    if (await this.references.claimWelcome(conversationId, this.now())) {
      await context.sendActivity(this.renderer.activity(welcomeCard(languageOf(localeOf(context.activity)))));
    }
  }

  private async saveReference(context: TurnContext, options: { always?: boolean } = {}): Promise<void> {
    const activity = context.activity;
    const conversationId = activity.conversation.id;
    const locale = localeOf(activity);
    const tenantId = tenantIdOf(activity);
    // Most messages come from a conversation whose reference this instance already holds: checked on the activity's own parts, nothing copied.
    const facts = { reference: { channelId: activity.channelId, serviceUrl: activity.serviceUrl, conversation: activity.conversation, bot: activity.recipient, locale: activity.locale }, locale, tenantId };
    if (!options.always && this.references.isCurrent(conversationId, facts)) return;
    // Without the incoming activity's id: proactive messages are new posts, not replies to whatever was said last.
    const { activityId: _last, ...reference } = TurnContext.getConversationReference(activity);
    await this.references.save(conversationId, { reference, locale, tenantId, updatedAt: this.now().toISOString() }, options);
  }

  private turnInfo(context: TurnContext): TurnInfo {
    const state = stateOf(context);
    const facts = turnFacts(context.activity);
    return {
      ...facts,
      correlationId: state.correlationId,
      get log() {
        return state.log;
      },
    };
  }

  /** Logs the failure with its correlation id and shows the user a short card with the same id. */
  private async reportError(context: TurnContext, error: unknown): Promise<void> {
    const { correlationId, log } = stateOf(context);
    log.error({ err: error }, 'turn failed');
    const lang = languageOf(localeOf(context.activity));
    if (context.activity.type === 'invoke') {
      // The invoke response is what Teams shows; an error body keeps the card as it was.
      const body: InvokeBody = { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message: `${botStrings[lang].errorTitle} (${correlationId})` } };
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } }).catch(() => undefined);
      return;
    }
    try {
      await context.sendActivity(this.renderer.activity(errorCard(lang, correlationId)));
    } catch (sendError) {
      log.warn({ err: sendError }, 'could not send the error card');
    }
  }
}

function refusalText(lang: Lang, refusal: Refusal, limits: TurnLimits): string {
  const s = botStrings[lang];
  switch (refusal.reason) {
    case 'tenantConflict':
    case 'tenantNotAllowed':
      return s.tenantNotAllowed;
    case 'tooManyTurns':
      return format(s.tooManyTurns, { limit: formatNumber(limits.userTurnsPerMinute, lang) });
    case 'messageTooLong':
      return format(s.messageTooLong, { length: formatNumber(refusal.length, lang), max: formatNumber(refusal.max, lang) });
    case 'cardDataTooLarge':
      return format(s.cardDataTooLarge, { length: formatNumber(refusal.length, lang), max: formatNumber(refusal.max, lang) });
  }
}

function stateOf(context: TurnContext): TurnState {
  return context.turnState.get(TURN) as TurnState;
}

function includesBot(members: ChannelAccount[] | undefined, bot: ChannelAccount): boolean {
  return (members ?? []).some((member) => member.id === bot.id);
}

/** botbuilder types every invoke value as a record; ours are typed above and cast once, here. */
function asInvokeResponse(body: InvokeBody): AdaptiveCardInvokeResponse {
  return body as unknown as AdaptiveCardInvokeResponse;
}
