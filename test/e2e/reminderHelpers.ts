import { silentLog } from '../../src/log';
import { executeActions } from '../harness/cardWalk';
import { conversationScope, type TurnInfo } from '../../src/turn';
import type { LocalConnector } from '../harness/connector';
import { cardOf, cardText, TeamsClient } from '../harness/teams';

export interface DeliveredReminder {
  text: string;
  reminderId: string;
  round: string;
  conversationId: string;
  at: number;
}

/** Reminder cards the connector accepted (POSTs whose card carries the reminder's Done button). */
export function reminderCards(connector: LocalConnector, conversationId?: string): DeliveredReminder[] {
  return connector.calls.flatMap((call) => {
    if (call.method !== 'POST' || (conversationId && call.conversationId !== conversationId)) return [];
    const card = cardOf(call.activity);
    const done = card ? findAction(card, 'reminder.done') : undefined;
    return card && done?.data ? [{ text: cardText(card), reminderId: done.data.reminderId, round: String(done.data.round), conversationId: call.conversationId, at: call.at }] : [];
  });
}

/** The most sends that fall in any window of `windowMs`. */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** The turn a capability would get for a message from this client. */
export function turnOf(client: TeamsClient, lang: 'en' | 'nl' = 'en'): TurnInfo {
  return {
    lang,
    timezone: client.timezone,
    user: { id: client.user.id, aadObjectId: client.user.aadObjectId, name: client.user.name },
    conversation: { id: client.conversationId, scopeId: conversationScope(client.conversationId), type: client.scope },
    log: silentLog,
    correlationId: 'test',
  };
}

export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first Action.Execute with `verb` anywhere in a card, with the reminder data it carries. */
export function findAction(card: unknown, verb: string): { verb: string; data?: { reminderId: string; round: string } } | undefined {
  return executeActions(card).find((a) => a.verb === verb) as { verb: string; data?: { reminderId: string; round: string } } | undefined;
}
