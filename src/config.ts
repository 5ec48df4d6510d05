import dotenv from 'dotenv';
import { ArmSettings, readArmSettings } from './arm/settings';
import { BotSettings, readBotSettings } from './bot/settings';
import { ChecksSettings, readChecksSettings } from './checks/settings';
import { CutoverSettings, readCutoverSettings } from './cutover/settings';
import { ConfigError, Env, readBool, readGuidList } from './env';
import { KnowledgeSettings, readKnowledgeSettings } from './knowledge/settings';
import { LogLevel, readLogLevel } from './log';
import { NamePreflightSettings, readNamePreflightSettings } from './namePreflight/settings';
import { NamingSettings, readNamingSettings } from './naming/settings';
import { ProviderCheckSettings, readProviderCheckSettings } from './providers/settings';
import { readReminderSettings, ReminderSettings } from './reminders/settings';
import { readServerSettings, ServerSettings } from './server';
import { readStorageSettings, StorageSettings } from './storage/settings';

export { ConfigError } from './env';
export type { Env } from './env';

/** Who may do what; shared by the cutover (approvers) and provider-check (admins) capabilities. */
export interface AccessSettings {
  /** Entra object ids of people who may approve cutover plans. */
  approverIds: string[];
  /** Entra object ids of people who may change Azure (register resource providers). */
  adminIds: string[];
  allowSelfApproval: boolean;
}

/** Every setting of the app, each section read by the room that owns it. */
export interface Config {
  bot: BotSettings;
  server: ServerSettings;
  storage: StorageSettings;
  access: AccessSettings;
  /** How the bot reaches Azure Resource Manager: identity, cloud, limits (src/arm/). */
  arm: ArmSettings;
  /** Resource provider checks through Azure Resource Manager (src/providers/). */
  providers: ProviderCheckSettings;
  /** Are the CMG's names free in Azure, before the certificate is ordered (src/namePreflight/). */
  namePreflight: NamePreflightSettings;
  /** Cutover plan approvals (src/cutover/). */
  cutover: CutoverSettings;
  /** Reminder scheduler pacing and retention (src/reminders/). */
  reminders: ReminderSettings;
  /** CMG planning answers: curation records (src/knowledge/). */
  knowledge: KnowledgeSettings;
  /** Service names and the region catalog (src/naming/). */
  naming: NamingSettings;
  /** Live CNAME, certificate and endpoint checks (src/checks/). */
  checks: ChecksSettings;
  logLevel: LogLevel;
}

/** Reads and validates every setting; throws ConfigError on the first bad one. */
export function loadConfig(env: Env): Config {
  const bot = readBotSettings(env);
  const config = readAll(env, bot);
  // A plan that needs more approvals than there are people who may give them could never be approved.
  const deciders = new Set([...config.access.approverIds, ...config.cutover.escalationIds]).size;
  if (deciders > 0 && config.cutover.approvalsRequired > deciders) {
    throw new ConfigError('CUTOVER_APPROVALS_REQUIRED', `at most the ${deciders} approvers in APPROVER_IDS and CUTOVER_ESCALATION_IDS`, String(config.cutover.approvalsRequired));
  }
  return config;
}

function readAll(env: Env, bot: BotSettings): Config {
  return {
    bot,
    server: readServerSettings(env, { authenticated: Boolean(bot.appId) }),
    storage: readStorageSettings(env),
    access: {
      approverIds: readGuidList(env, 'APPROVER_IDS'),
      adminIds: readGuidList(env, 'ADMIN_IDS'),
      allowSelfApproval: readBool(env, 'ALLOW_SELF_APPROVAL', false),
    },
    arm: readArmSettings(env),
    providers: readProviderCheckSettings(env),
    namePreflight: readNamePreflightSettings(env),
    cutover: readCutoverSettings(env),
    reminders: readReminderSettings(env),
    knowledge: readKnowledgeSettings(env),
    naming: readNamingSettings(env),
    checks: readChecksSettings(env),
    logLevel: readLogLevel(env),
  };
}

/**
 * For command-line entry points: reads a local .env, then the environment, and on a bad value
 * prints one line naming the variable (prefixed with the program's name) and exits with 1.
 */
export function configFromProcessOrExit(program: string): Config {
  dotenv.config({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${program}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
