import { randomUUID } from 'node:crypto';

export const BOT = { id: '28:cmg-assistant-bot', name: 'CMG Assistant' };
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

/** Makes a Teams user with a stable MRI and Entra object id. */
export function teamsUser(name: string, aadObjectId: string = randomUUID()): TeamsUser {
  return { id: `29:${name.toLowerCase().replace(/\W+/g, '-')}`, aadObjectId, name };
}

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface ClientOptions {
  /** The bot's base URL, e.g. http://127.0.0.1:3978 */
  botUrl: string;
  /** Where the bot should reply: the LocalConnector's url. */
  serviceUrl: string;
  scope?: Scope;
  conversationId?: string;
  user?: TeamsUser;
  locale?: string;
  timezone?: string;
  teamId?: string;
  /** Bearer token to send, if the bot requires authentication. */
  token?: string;
}

export interface HttpResult {
  status: number;
  body: unknown;
}

/**
 * Sends Teams-shaped activities to the bot over HTTP, the way the Teams channel does:
 * messages with @mentions, locale and Entra identity, install events and card invokes.
 */
export class TeamsClient {
  readonly scope: Scope;
  readonly conversationId: string;
  readonly user: TeamsUser;
  locale: string;
  timezone: string;
  private readonly teamId: string;

  constructor(private readonly options: ClientOptions) {
    this.scope = options.scope ?? 'personal';
    this.user = options.user ?? teamsUser('Alex Admin');
    this.teamId = options.teamId ?? '19:team-general@thread.tacv2';
    this.conversationId =
      options.conversationId ??
      (this.scope === 'personal' ? `a:${randomUUID()}` : this.scope === 'groupChat' ? `19:${randomUUID()}@thread.v2` : `19:${randomUUID()}@thread.tacv2`);
    this.locale = options.locale ?? 'en-US';
    this.timezone = options.timezone ?? 'Europe/Amsterdam';
  }

  /** The same conversation seen by another person. */
  as(user: TeamsUser, overrides: Partial<ClientOptions> = {}): TeamsClient {
    return new TeamsClient({ ...this.options, scope: this.scope, conversationId: this.conversationId, locale: this.locale, timezone: this.timezone, user, ...overrides });
  }

  base(type: string): Record<string, unknown> {
    return {
      type,
      id: `act-${randomUUID()}`,
      timestamp: new Date().toISOString(),
      localTimestamp: new Date().toISOString(),
      localTimezone: this.timezone,
      channelId: 'msteams',
      serviceUrl: this.options.serviceUrl,
      from: { id: this.user.id, name: this.user.name, aadObjectId: this.user.aadObjectId },
      recipient: BOT,
      conversation: {
        id: this.conversationId,
        conversationType: this.scope,
        tenantId: TENANT_ID,
        ...(this.scope !== 'personal' ? { isGroup: true } : {}),
      },
      locale: this.locale,
      entities: [{ type: 'clientInfo', locale: this.locale, country: 'NL', platform: 'Web', timezone: this.timezone }],
      channelData: {
        tenant: { id: TENANT_ID },
        ...(this.scope === 'channel' ? { team: { id: this.teamId, name: 'CMG migration' }, channel: { id: this.conversationId } } : {}),
      },
    };
  }

  /** A typed message; in channels and group chats it @mentions the bot as Teams does. */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<HttpResult> {
    const activity = this.base('message');
    if (this.scope === 'personal') {
      activity.text = text;
    } else {
      const mention = `<at>${BOT.name}</at>`;
      activity.text = `${mention} ${text}`;
      (activity.entities as unknown[]).push({ type: 'mention', text: mention, mentioned: BOT });
    }
    return this.post({ ...activity, ...extra });
  }

  /** An Action.Execute press (or automatic refresh) on a card the bot posted. */
  async invoke(verb: string, data: Record<string, unknown> = {}, options: { replyToId?: string; trigger?: 'manual' | 'automatic' } = {}): Promise<HttpResult> {
    const activity = this.base('invoke');
    activity.name = 'adaptiveCard/action';
    activity.replyToId = options.replyToId;
    activity.value = { action: { type: 'Action.Execute', verb, data }, ...(options.trigger ? { trigger: options.trigger } : {}) };
    return this.post(activity);
  }

  /** Action.Submit: a message with data and no text. */
  async submit(data: Record<string, unknown>): Promise<HttpResult> {
    const activity = this.base('message');
    activity.value = data;
    return this.post(activity);
  }

  async installationUpdate(action: 'add' | 'remove'): Promise<HttpResult> {
    const activity = this.base('installationUpdate');
    activity.action = action;
    return this.post(activity);
  }

  /** The bot added to (or removed from) the conversation. */
  async botMembership(change: 'added' | 'removed'): Promise<HttpResult> {
    const activity = this.base('conversationUpdate');
    activity[change === 'added' ? 'membersAdded' : 'membersRemoved'] = [{ id: BOT.id }];
    (activity.channelData as Record<string, unknown>).eventType = change === 'added' ? 'teamMemberAdded' : 'teamMemberRemoved';
    return this.post(activity);
  }

  async post(activity: Record<string, unknown>, token = this.options.token): Promise<HttpResult> {
    return postJson(`${this.options.botUrl}/api/messages`, activity, token);
  }
}

export async function postJson(url: string, body: unknown, token?: string, rawBody?: string): Promise<HttpResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: rawBody ?? JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep raw text
  }
  return { status: response.status, body: parsed };
}

/** The Adaptive Card in a sent activity, or undefined. */
export function cardOf(activity: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const attachments = activity?.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Every string in a card, joined: what a reader sees (and button titles). */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) if (key !== 'type' && key !== '$schema' && key !== 'version') walk(value);
    }
  };
  walk(card);
  return parts.join('\n');
}

/** The card returned in an invoke response body, if any. */
export function invokeCard(result: HttpResult): Record<string, unknown> | undefined {
  const body = result.body as { type?: string; value?: Record<string, unknown> } | undefined;
  return body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
}
