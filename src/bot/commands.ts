import type { CardActionResult, Reply, TurnInfo } from '../turn';
import type { Capabilities } from './capabilities';
import { helpCard } from './help';

/** A typed command: the first matching row of the table handles the message. */
export interface Command {
  /** Short name for logs. */
  name: string;
  /** Tried in order against the message text with the bot's mention removed and trimmed. */
  patterns: RegExp[];
  run(turn: TurnInfo, match: RegExpMatchArray, text: string): Promise<Reply | Reply[]>;
}

/** A card button (Action.Execute verb, or Action.Submit with `verb` in its data). */
export interface CardAction {
  verb: string;
  /** `automatic` when Teams refreshes a card on its own (user-specific views), else `manual`. */
  run(turn: TurnInfo, data: Record<string, unknown>, trigger: 'manual' | 'automatic'): Promise<CardActionResult>;
}

/**
 * Every text command the bot understands, in one place, in both languages. Order matters:
 * specific commands first; free text at the end goes to the knowledge base.
 */
export function commandTable(_c: Capabilities): Command[] {
  return [
    { name: 'help', patterns: [/^(help|hulp|\?|menu|commands|opdrachten|what can you do|wat kun je)\W*$/i], run: async (turn) => helpCard(turn.lang) },
    // Free text that no command claimed: without a knowledge base, show what the bot can do.
    { name: 'fallback', patterns: [/[\s\S]*/], run: async (turn) => helpCard(turn.lang) },
  ];
}

/** Every card button the bot answers, by verb. */
export function cardActionTable(_c: Capabilities): CardAction[] {
  return [];
}
