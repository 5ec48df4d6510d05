/** Before the certificate is ordered: are the CMG's names free in Azure, and are its VM sizes offered in the region? */
import type { ArmConnection } from '../arm';
import { ArmNameChecks } from './armNameChecks';
import { NamePreflight, NamePreflightDeps } from './namePreflight';

export { NamePreflight } from './namePreflight';
export { readNamePreflightSettings } from './settings';
export type { NamePreflightSettings } from './settings';
export { NAME_PREFLIGHT_ACTIONS, NAME_PREFLIGHT_VERBS } from './verbs';
export type { PreflightRun, PreflightStart } from './verbs';
export type { NameChecksGateway } from './armNameChecks';
export { ArmNameChecks } from './armNameChecks';
export { PreflightChecker } from './preflightChecker';

/** Builds the pre-flight on the bot's shared ARM connection (identity, pipeline, limits). */
export function createNamePreflight(deps: Omit<NamePreflightDeps, 'arm' | 'defaultSubscriptionId'>, connection: ArmConnection): NamePreflight {
  return new NamePreflight({ ...deps, arm: new ArmNameChecks(connection), defaultSubscriptionId: connection.settings.defaultSubscriptionId });
}
