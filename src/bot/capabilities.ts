import type { Checks } from '../checks';
import type { CutoverService } from '../cutover';
import type { Guidance } from '../guidance';
import type { Knowledge } from '../knowledge';
import type { NamePreflight } from '../namePreflight';
import type { Naming } from '../naming';
import type { ProviderCheck } from '../providers';
import type { Reminders } from '../reminders/reminders';

/**
 * Everything the Teams face can call, built by the composition root (src/app.ts).
 * Each capability lives in its own folder under src/ and never imports the bot framework.
 */
export interface Capabilities {
  cutover: CutoverService;
  providerCheck: ProviderCheck;
  namePreflight: NamePreflight;
  reminders: Reminders;
  naming: Naming;
  guidance: Guidance;
  knowledge: Knowledge;
  checks: Checks;
}
