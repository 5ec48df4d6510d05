import type { CardReply } from '../../src/turn';

export interface CardSample {
  /** Describes the case, e.g. "help (nl)". */
  name: string;
  reply: CardReply;
}
