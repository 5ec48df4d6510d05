import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ACData from 'adaptivecards-templating';

/** A rendered Adaptive Card: plain JSON, ready to become an attachment or an invoke response. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Teams' stricter (webhook) card budget; we keep every card under it so it fits everywhere. */
export const MAX_CARD_BYTES = 28 * 1024;

/** Shown where a template refers to data that is missing, instead of a raw `${field}`. */
ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = () => '—';

function findCardsFolder(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'cards');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cards/ folder not found above ' + __dirname);
    dir = parent;
  }
}

export const CARDS_FOLDER = findCardsFolder();

const templates = new Map<string, ACData.Template>();

function templateFor(name: string): ACData.Template {
  let template = templates.get(name);
  if (!template) {
    if (!/^[a-zA-Z][\w-]*$/.test(name)) throw new Error(`Invalid card template name "${name}"`);
    const json: unknown = JSON.parse(readFileSync(join(CARDS_FOLDER, `${name}.json`), 'utf8'));
    template = new ACData.Template(json);
    templates.set(name, template);
  }
  return template;
}

/** Names of every template under cards/ (for tests and start-up checks). */
export function cardTemplateNames(): string[] {
  return readdirSync(CARDS_FOLDER)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/**
 * Expands a static template from cards/ with data, exactly once. User text must only ever be
 * part of `data`: the templating engine evaluates expressions in the template, never in data
 * values, so a question containing `${...}` is shown literally. Never feed a rendered card back
 * into a template.
 */
export function renderCard(name: string, data: object): AdaptiveCard {
  const card = templateFor(name).expand({ $root: data }) as AdaptiveCard;
  return card;
}

/** Size of a card as Teams counts it closely enough (UTF-8 JSON bytes). */
export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * Makes user-supplied text inert in a TextBlock that renders Markdown: no links, emphasis,
 * lists or mentions can be injected. Also caps the length so one long message cannot blow the
 * card budget.
 */
export function plainText(text: string, maxLength = 500): string {
  const capped = text.length > maxLength ? text.slice(0, maxLength - 1) + '…' : text;
  return capped.replace(/[\\`*_[\]()#>~|<]/g, (ch) => '\\' + ch).replace(/^(\s*)(\d+)\./gm, '$1$2\\.').replace(/^(\s*)([-+])\s/gm, '$1\\$2 ');
}
