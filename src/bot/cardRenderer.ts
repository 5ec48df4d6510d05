import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { TEMPLATE_NAMES, TemplateName } from '../cardTemplates';
import type { CardReply } from '../turn';
import { compileTemplate, CompiledTemplate } from './cardExpander';

/** A rendered Adaptive Card: plain JSON, ready to become an attachment or an invoke response. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Teams' stricter (webhook) card budget; we keep every card under it so it fits everywhere. */
export const MAX_CARD_BYTES = 28 * 1024;

/** Shown where a template refers to data that is missing, instead of a raw `${field}` (production only). */
const MISSING = '—';

/** Thrown by a strict renderer: the data lacks fields the template binds. */
export class MissingCardData extends Error {
  constructor(
    readonly template: string,
    readonly paths: string[],
  ) {
    super(`card ${template}: no data for ${paths.join(', ')}`);
    this.name = 'MissingCardData';
  }
}

/**
 * The templating library asks one global callback what to show for a missing field. It is set
 * once; each render says (synchronously, around its own expand) whether to substitute and where
 * to note what was missing.
 */
let rendering: { strict: boolean; missing: string[] } | undefined;
ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = (path: string) => {
  rendering?.missing.push(path);
  return rendering?.strict ? undefined : MISSING;
};

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

export interface CardRendererOptions {
  /**
   * Tests render strictly: a field the data lacks fails the render instead of showing "—", so a
   * card that would show a gap cannot pass.
   */
  strict?: boolean;
  /** Where the templates are; found above this file by default (src/ and dist/ alike). */
  folder?: string;
  /**
   * Expand every template with adaptivecards-templating itself instead of the compiled form
   * (test/cardExpander.test.ts compares the two).
   */
  library?: boolean;
}

/** One template, compiled where possible (see cardExpander.ts), else expanded by the library. */
type LoadedTemplate = { compiled: CompiledTemplate } | { library: ACData.Template };

/**
 * Expands the JSON templates under cards/ with a capability's data. Templates are read, parsed
 * and compiled once, at construction (cardExpander.ts: the same output as
 * adaptivecards-templating, without evaluating every binding through adaptive-expressions); a
 * reply whose data object was rendered before (the help card's constant data) is served from
 * memory.
 *
 * User text must only ever be part of `data`: the templating engine evaluates expressions in the
 * template, never in data values, so a question containing `${...}` is shown literally. Never
 * feed a rendered card back into a template.
 */
export class CardRenderer {
  private readonly templates = new Map<TemplateName, LoadedTemplate>();
  private readonly byData = new WeakMap<object, AdaptiveCard>();
  private readonly strict: boolean;

  constructor(options: CardRendererOptions = {}) {
    this.strict = options.strict ?? false;
    const folder = options.folder ?? findCardsFolder();
    for (const name of TEMPLATE_NAMES) {
      const payload: unknown = JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8'));
      const compiled = options.library ? undefined : compileTemplate(payload);
      this.templates.set(name, compiled ? { compiled } : { library: new ACData.Template(payload) });
    }
  }

  /** Templates the compiler does not cover, rendered by the library (none today; a test keeps it so). */
  get uncompiled(): TemplateName[] {
    return [...this.templates].filter(([, template]) => 'library' in template).map(([name]) => name);
  }

  render(reply: CardReply): AdaptiveCard {
    const cached = this.byData.get(reply.data);
    if (cached) return cached;
    const template = this.templates.get(reply.template);
    if (!template) throw new Error(`Unknown card template "${reply.template}"`);
    const missing: string[] = [];
    let card: AdaptiveCard;
    if ('compiled' in template) {
      const actions: Record<string, unknown>[] = [];
      card = template.compiled(reply.data, { missing, substitute: this.strict ? undefined : MISSING, actions }) as AdaptiveCard;
      for (const action of actions) withSubmitFallback(action);
    } else {
      rendering = { strict: this.strict, missing };
      try {
        card = template.library.expand({ $root: reply.data }) as AdaptiveCard;
      } finally {
        rendering = undefined;
      }
      withSubmitFallbacks(card);
    }
    if (this.strict && missing.length > 0) throw new MissingCardData(reply.template, [...new Set(missing)]);
    if (Object.isFrozen(reply.data)) this.byData.set(reply.data, card);
    return card;
  }
}

/**
 * Clients without Action.Execute (older Teams and Outlook builds) show each button's fallback:
 * an Action.Submit with the same title that carries the verb in its data, which arrives as a
 * message and is routed to the same handler. The card-level `refresh` action needs none: a
 * client that cannot refresh simply shows the card as sent.
 */
function withSubmitFallback(action: Record<string, unknown>): void {
  if (action.fallback !== undefined) return;
  const data = action.data && typeof action.data === 'object' && !Array.isArray(action.data) ? (action.data as Record<string, unknown>) : {};
  action.fallback = { type: 'Action.Submit', title: action.title, data: { ...data, verb: action.verb } };
}

/**
 * `withSubmitFallback` for every button of a card the library expanded, found by walking it (a
 * compiled template notes its buttons as it builds them: see `ExpandRun.actions`).
 */
function withSubmitFallbacks(card: AdaptiveCard): void {
  const visit = (node: unknown, isRefresh: boolean): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false);
      return;
    }
    const object = node as Record<string, unknown>;
    if (object.type === 'Action.Execute' && !isRefresh) withSubmitFallback(object);
    // Own keys only (a rendered card is plain JSON), without building an entries list per object.
    for (const key in object) {
      if (key === 'fallback' || !Object.hasOwn(object, key)) continue;
      const value = object[key];
      if (typeof value === 'object' && value !== null) visit(value, isRefresh || key === 'refresh');
    }
  };
  visit(card, false);
}

/** Size of a card as Teams counts it closely enough (UTF-8 JSON bytes). */
export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
