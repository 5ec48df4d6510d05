import { randomUUID } from 'node:crypto';
import {
  Activity,
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  ChannelAccount,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { languageOf } from '../i18n/language';
import type { Logger } from '../log';
import { renderCard } from '../rendering/cardTemplates';
import type { CardActionResult, ConversationType, Reply, TurnInfo } from '../turn';
import type { CardAction, Command } from './commands';
import { ConversationReferences } from './conversationReferences';
import { errorCard, welcomeCard } from './help';
import { toActivity } from './render';
import { botStrings } from './strings';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Per-turn facts the log line needs, kept on the TurnContext. */
const TURN_LOG = Symbol('turnLog');
interface TurnLog {
  correlationId: string;
  command?: string;
}

/**
 * The Teams face: resolves language, identity and text once per turn, routes through the
 * command and card-action tables, and turns capability replies into activities.
 */
export class CmgBot extends TeamsActivityHandler {
  private readonly commandsByOrder: Command[];
  private readonly actionsByVerb: Map<string, CardAction>;

  constructor(
    commands: Command[],
    cardActions: CardAction[],
    private readonly references: ConversationReferences,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {
    super();
    this.commandsByOrder = commands;
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

  /** Every turn: one structured log line with its type, command and duration. */
  override async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    const turnLog: TurnLog = { correlationId: randomUUID() };
    context.turnState.set(TURN_LOG, turnLog);
    try {
      await super.run(context);
    } catch (error) {
      await this.reportError(context, error);
    } finally {
      this.log.info(
        {
          correlationId: turnLog.correlationId,
          activityType: context.activity.type,
          activityName: context.activity.name,
          conversationType: context.activity.conversation?.conversationType,
          command: turnLog.command,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
        },
        'turn',
      );
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = this.turnInfo(context);
    await this.saveReference(context);
    const value = context.activity.value as Record<string, unknown> | undefined;
    const text = messageText(context);
    // Action.Submit (older clients, or our own fallbacks) arrives as a message with data.
    if (!text && value && typeof value.verb === 'string') {
      const result = await this.runCardAction(context, turn, value.verb, value, 'manual');
      if (result.kind === 'card') await context.sendActivity(toActivity(result.reply));
      else await context.sendActivity(result.kind === 'message' ? result.text : result.message);
      return;
    }
    const replies = await this.route(context, turn, text);
    for (const reply of replies) await context.sendActivity(toActivity(reply));
  }

  private async route(context: TurnContext, turn: TurnInfo, text: string): Promise<Reply[]> {
    for (const command of this.commandsByOrder) {
      for (const pattern of command.patterns) {
        const match = text.match(pattern);
        if (match) {
          turnLogOf(context).command = command.name;
          const result = await command.run(turn, match, text);
          return Array.isArray(result) ? result : [result];
        }
      }
    }
    return [];
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const turn = this.turnInfo(context);
    const action = invokeValue?.action;
    const data = (action?.data ?? {}) as Record<string, unknown>;
    // Agents Playground omits `trigger`; anything but "automatic" is a person pressing a button.
    const trigger = (invokeValue as { trigger?: string }).trigger === 'automatic' ? 'automatic' : 'manual';
    const result = await this.runCardAction(context, turn, action?.verb ?? '', data, trigger);
    return invokeResponse(result);
  }

  private async runCardAction(
    context: TurnContext,
    turn: TurnInfo,
    verb: string,
    data: Record<string, unknown>,
    trigger: 'manual' | 'automatic',
  ): Promise<CardActionResult> {
    turnLogOf(context).command = `card:${verb}`;
    const action = this.actionsByVerb.get(verb);
    if (!action) return { kind: 'message', text: botStrings[turn.lang].unknownAction };
    return action.run(turn, data, trigger);
  }

  private async greet(context: TurnContext): Promise<void> {
    await this.saveReference(context);
    const conversationId = context.activity.conversation.id;
    if (await this.references.claimWelcome(conversationId, this.now())) {
      await context.sendActivity(toActivity(welcomeCard(languageOf(localeOf(context.activity)))));
    }
  }

  private async saveReference(context: TurnContext): Promise<void> {
    const activity = context.activity;
    await this.references.save(activity.conversation.id, {
      reference: TurnContext.getConversationReference(activity),
      locale: localeOf(activity),
      tenantId: activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
      updatedAt: this.now().toISOString(),
    });
  }

  private turnInfo(context: TurnContext): TurnInfo {
    const activity = context.activity;
    const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string }; team?: { id?: string } };
    const locale = localeOf(activity);
    return {
      lang: languageOf(locale),
      locale,
      timezone: timezoneOf(activity),
      user: { id: activity.from?.id ?? '', aadObjectId: activity.from?.aadObjectId?.toLowerCase(), name: activity.from?.name },
      conversation: {
        id: activity.conversation.id,
        type: conversationTypeOf(activity),
        tenantId: activity.conversation.tenantId ?? channelData.tenant?.id,
        teamId: channelData.team?.id,
      },
      correlationId: turnLogOf(context).correlationId,
    };
  }

  /** Logs the failure with its correlation id and shows the user a short card with the same id. */
  private async reportError(context: TurnContext, error: unknown): Promise<void> {
    const { correlationId } = turnLogOf(context);
    this.log.error({ correlationId, err: error }, 'turn failed');
    const lang = languageOf(localeOf(context.activity));
    if (context.activity.type === 'invoke') {
      // The invoke response is what Teams shows; an error body keeps the card as it was.
      await context
        .sendActivity({
          type: 'invokeResponse',
          value: {
            status: 200,
            body: { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message: `${botStrings[lang].errorTitle} (${correlationId})` } },
          },
        })
        .catch(() => undefined);
      return;
    }
    try {
      await context.sendActivity(toActivity(errorCard(lang, correlationId)));
    } catch (sendError) {
      this.log.warn({ correlationId, err: sendError }, 'could not send the error card');
    }
  }
}

function turnLogOf(context: TurnContext): TurnLog {
  return context.turnState.get(TURN_LOG) as TurnLog;
}

function includesBot(members: ChannelAccount[] | undefined, bot: ChannelAccount): boolean {
  return (members ?? []).some((member) => member.id === bot.id);
}

function conversationTypeOf(activity: Activity): ConversationType {
  const type = activity.conversation.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  if (activity.conversation.isGroup) return 'groupChat';
  return 'personal';
}

function clientInfo(activity: Activity): { locale?: string; timezone?: string } | undefined {
  return activity.entities?.find((entity) => entity.type === 'clientInfo') as { locale?: string; timezone?: string } | undefined;
}

function localeOf(activity: Activity): string | undefined {
  return activity.locale || clientInfo(activity)?.locale || undefined;
}

function timezoneOf(activity: Activity): string | undefined {
  return activity.localTimezone || clientInfo(activity)?.timezone || undefined;
}

/** The message text with the bot's @mention removed (channels and group chats) and spaces tidied. */
function messageText(context: TurnContext): string {
  const activity = context.activity;
  let text = activity.text ?? '';
  if (activity.recipient?.id) text = TurnContext.removeMentionText(activity, activity.recipient.id) ?? text;
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function invokeResponse(result: CardActionResult): AdaptiveCardInvokeResponse {
  switch (result.kind) {
    case 'card':
      return { statusCode: 200, type: CARD_CONTENT_TYPE, value: renderCard(result.reply.template, result.reply.data) };
    case 'message':
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text as unknown as Record<string, unknown> };
    case 'error':
      return {
        statusCode: result.status,
        type: 'application/vnd.microsoft.error',
        value: { code: result.code, message: result.message } as unknown as Record<string, unknown>,
      };
  }
}
