import { cardBytes, MAX_CARD_BYTES } from '../../src/bot/cardRenderer';

/** The parts of the official object model we use; its UMD build loads in plain Node. */
interface ObjectModel {
  Version: { parse(version: string): unknown };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
    toJSON(context: unknown): unknown;
  };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as ObjectModel;

/** Keys Teams reads that the reference object model does not model. */
const TEAMS_KEYS = new Set(['$schema', 'msteams', 'refresh', 'authentication', 'metadata']);
/**
 * An element's or action's `fallback` is in the 1.5 schema, but the object model keeps it only
 * for types it does not know, so it never round-trips: each one is checked on its own instead.
 */
const FALLBACK = 'fallback';

/**
 * Problems that would make Teams refuse or misrender a card: anything the Adaptive Cards 1.5
 * object model reports while parsing or validating, keys it does not know (typos are silently
 * dropped otherwise), template expressions left unexpanded, and the size budget.
 */
export function cardProblems(card: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push('root type is not AdaptiveCard');
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, Teams needs 1.5`);
  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push('unexpanded template expression: ' + json.slice(json.indexOf('${'), json.indexOf('${') + 60));
  if (cardBytes(card) > MAX_CARD_BYTES) problems.push(`card is ${cardBytes(card)} bytes, over ${MAX_CARD_BYTES}`);

  const context = new AC.SerializationContext(AC.Version.parse('1.5'));
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push('parse: ' + context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push('validate: ' + event.message);

  const roundTrip = parsed.toJSON(new AC.SerializationContext(AC.Version.parse('1.5'))) as Record<string, unknown>;
  problems.push(...unknownKeys(card, roundTrip, '$'));
  for (const fallback of fallbacks(card)) {
    if (fallback === 'drop') continue;
    const alone = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'fallback' }], actions: [fallback] };
    problems.push(...cardProblems(alone).map((problem) => `fallback: ${problem}`));
  }
  return problems;
}

function fallbacks(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(fallbacks);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => (key === FALLBACK ? [value] : fallbacks(value)));
}

function unknownKeys(original: unknown, known: unknown, path: string): string[] {
  if (Array.isArray(original)) {
    const knownArray = Array.isArray(known) ? known : [];
    return original.flatMap((item, i) => unknownKeys(item, knownArray[i], `${path}[${i}]`));
  }
  if (!original || typeof original !== 'object') return [];
  const knownObject = (known && typeof known === 'object' ? known : {}) as Record<string, unknown>;
  return Object.entries(original as Record<string, unknown>).flatMap(([key, value]) => {
    if (TEAMS_KEYS.has(key) || key === FALLBACK) return [];
    if (!(key in knownObject)) {
      // The object model omits properties that equal their defaults; those are fine.
      return isDefaultLike(value) ? [] : [`unknown or unsupported property ${path}.${key}`];
    }
    return unknownKeys(value, knownObject[key], `${path}.${key}`);
  });
}

const DEFAULTS = new Set<unknown>([false, 'default', 'Default', 'auto', 'Auto', 'stretch', 'left', 'Left', 'normal', 'Normal', 'none', 'None', 'medium', 'Medium']);
function isDefaultLike(value: unknown): boolean {
  return DEFAULTS.has(value);
}
