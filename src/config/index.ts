import { ConfigError, Env, readBool, readEnum, readGuid, readGuidList, readInt, readOptional, readString, readUrl } from './env';
import { ProviderCheckSettings, readProviderCheckSettings } from '../providers/settings';
import { CutoverSettings, readCutoverSettings } from '../cutover/settings';
import { readReminderSettings, ReminderSettings } from '../reminders/settings';
import { KnowledgeSettings, readKnowledgeSettings } from '../knowledge/settings';
import { NamingSettings, readNamingSettings } from '../naming/settings';
import { ChecksSettings, readChecksSettings } from '../checks/settings';

export { ConfigError } from './env';
export type { Env } from './env';

export type AppType = 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type StorageKind = 'sqlite' | 'azure';

export interface BotSettings {
  /** Undefined means anonymous local mode: no inbound token check, no outbound token. */
  appId?: string;
  appPassword?: string;
  appType: AppType;
  tenantId?: string;
  /** Where the channel's signing keys are published; tests point it at a local server. */
  openIdMetadataUrl?: string;
  emulatorOpenIdMetadataUrl?: string;
}

export interface ServerSettings {
  port: number;
  host: string;
  /** Teams activities are small; a cap keeps a hostile body from eating memory. */
  maxBodyBytes: number;
  shutdownGraceMs: number;
}

export interface StorageSettings {
  kind: StorageKind;
  sqlitePath: string;
  azureConnectionString?: string;
  azureAccountUrl?: string;
  azureTablePrefix: string;
}

export interface AccessSettings {
  /** Entra object ids of people who may approve cutover plans. */
  approverIds: string[];
  /** Entra object ids of people who may change Azure (register resource providers). */
  adminIds: string[];
  allowSelfApproval: boolean;
}

export interface Config {
  bot: BotSettings;
  server: ServerSettings;
  storage: StorageSettings;
  access: AccessSettings;
  /** Resource provider checks through Azure Resource Manager (src/providers/). */
  providers: ProviderCheckSettings;
  /** Cutover plan approvals (src/cutover/). */
  cutover: CutoverSettings;
  /** Reminder scheduler pacing (src/reminders/). */
  reminders: ReminderSettings;
  /** CMG planning answers: curation records (src/knowledge/). */
  knowledge: KnowledgeSettings;
  /** Service names and the region catalog (src/naming/). */
  naming: NamingSettings;
  /** Live DNS, certificate and endpoint checks (src/checks/). */
  checks: ChecksSettings;
  logLevel: LogLevel;
}

const APP_TYPES: readonly AppType[] = ['SingleTenant', 'UserAssignedMSI', 'MultiTenant'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function readBot(env: Env): BotSettings {
  const appId = readGuid(env, 'MicrosoftAppId');
  // botbuilder treats an unset type as MultiTenant, which new Azure Bot registrations no
  // longer allow, so we default to SingleTenant.
  const appType = readEnum(env, 'MicrosoftAppType', APP_TYPES, 'SingleTenant');
  const appPassword = readOptional(env, 'MicrosoftAppPassword');
  const tenantId = readGuid(env, 'MicrosoftAppTenantId');
  if (appId) {
    if (appType !== 'MultiTenant' && !tenantId) {
      throw new ConfigError('MicrosoftAppTenantId', `the bot's Entra tenant id when MicrosoftAppType is ${appType}`, undefined);
    }
    if (appType === 'UserAssignedMSI' && appPassword) {
      throw new ConfigError('MicrosoftAppPassword', 'nothing when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret)', '***');
    }
    if (appType !== 'UserAssignedMSI' && !appPassword) {
      throw new ConfigError('MicrosoftAppPassword', `the app registration's client secret when MicrosoftAppType is ${appType}`, undefined);
    }
  }
  return {
    appId,
    appPassword,
    appType,
    tenantId,
    openIdMetadataUrl: readUrl(env, 'BotOpenIdMetadata', ['https:', 'http:']),
    emulatorOpenIdMetadataUrl: readUrl(env, 'ToBotFromEmulatorOpenIdMetadataUrl', ['https:', 'http:']),
  };
}

function readStorage(env: Env): StorageSettings {
  const kind = readEnum<StorageKind>(env, 'STORAGE', ['sqlite', 'azure'], 'sqlite');
  const settings: StorageSettings = {
    kind,
    sqlitePath: readString(env, 'SQLITE_PATH', './data/cmg-assistant.db'),
    azureConnectionString: readOptional(env, 'AZURE_STORAGE_CONNECTION_STRING'),
    azureAccountUrl: readUrl(env, 'AZURE_STORAGE_ACCOUNT_URL', ['https:', 'http:']),
    azureTablePrefix: readString(env, 'AZURE_STORAGE_TABLE_PREFIX', 'cmg'),
  };
  if (!/^[A-Za-z][A-Za-z0-9]{0,20}$/.test(settings.azureTablePrefix)) {
    throw new ConfigError('AZURE_STORAGE_TABLE_PREFIX', 'a letter followed by up to 20 letters or digits', settings.azureTablePrefix);
  }
  if (kind === 'azure' && !settings.azureConnectionString && !settings.azureAccountUrl) {
    throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING', 'a connection string (or AZURE_STORAGE_ACCOUNT_URL) when STORAGE=azure', undefined);
  }
  return settings;
}

/** Reads and validates every setting; throws ConfigError on the first bad one. */
export function loadConfig(env: Env): Config {
  return {
    bot: readBot(env),
    server: {
      port: readInt(env, 'PORT', 3978, 0, 65535),
      host: readString(env, 'HOST', '0.0.0.0'),
      maxBodyBytes: readInt(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
      shutdownGraceMs: readInt(env, 'SHUTDOWN_GRACE_MS', 5000, 0, 60000),
    },
    storage: readStorage(env),
    access: {
      approverIds: readGuidList(env, 'APPROVER_IDS'),
      adminIds: readGuidList(env, 'ADMIN_IDS'),
      allowSelfApproval: readBool(env, 'ALLOW_SELF_APPROVAL', false),
    },
    providers: readProviderCheckSettings(env),
    cutover: readCutoverSettings(env),
    reminders: readReminderSettings(env),
    knowledge: readKnowledgeSettings(env),
    naming: readNamingSettings(env),
    checks: readChecksSettings(env),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
  };
}
