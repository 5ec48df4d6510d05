import type { Clock } from '../clock';
import type { Outbox } from '../turn';

/**
 * Everything the Teams face can call, built by the composition root (src/index.ts).
 * Each capability lives in its own folder under src/ and never imports the bot framework.
 */
export interface Capabilities {
  clock: Clock;
  outbox: Outbox;
}
