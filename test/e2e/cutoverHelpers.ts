import type { LocalConnector } from '../harness/connector';
import { cardOf, cardText, HttpResult, invokeCard } from '../harness/teams';

/** Nudge and escalation cards the connector accepted, with the Teams ids they mention. */
export function nudgeCards(connector: LocalConnector, conversationId?: string): { text: string; mentioned: string[]; mentionTexts: string[] }[] {
  return connector.calls.flatMap((call) => {
    if (call.method !== 'POST' || (conversationId && call.conversationId !== conversationId)) return [];
    const card = cardOf(call.activity);
    const entities = (card?.msteams as { entities?: { type: string; text: string; mentioned: { id: string } }[] } | undefined)?.entities;
    if (!card || !entities) return [];
    return [{ text: cardText(card), mentioned: entities.map((e) => e.mentioned.id), mentionTexts: entities.map((e) => e.text) }];
  });
}

/** What an invoke's reply says, card or text. */
export function said(result: HttpResult): string {
  const card = invokeCard(result);
  if (card) return cardText(card);
  const body = result.body as { value?: unknown } | undefined;
  return JSON.stringify(body?.value ?? body);
}

/** The card an invoke answered with: a 200 and a card, or the test fails saying what came instead. */
export function expectCard(result: HttpResult): Record<string, unknown> {
  expect(result.status).toBe(200);
  const card = invokeCard(result);
  if (!card) throw new Error(`expected a card, got ${JSON.stringify(result.body)}`);
  return card;
}
