import { ConfigError, Env, readEnum, readGuid, readGuidList, readInt, readOptional, readUrl } from '../env';

export type AppType = 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';

const APP_TYPES: readonly AppType[] = ['SingleTenant', 'UserAssignedMSI', 'MultiTenant'];

/**
 * Settings that only mean something for an authenticated bot. Any of them without
 * MicrosoftAppId is a deployment that meant to authenticate and lost its app id (a typo, a
 * missing secret reference): starting anonymously would accept anyone's requests.
 */
const CREDENTIAL_SETTINGS = ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType', 'CertificateThumbprint', 'CertificatePrivateKey', 'MicrosoftAppCertificateThumbprint', 'MicrosoftAppCertificatePrivateKey'] as const;

/** Which Entra tenants the bot serves: `any`, or a list of tenant ids. */
export type TenantPolicy = { kind: 'any' } | { kind: 'only'; tenantIds: string[] };

/** How much one person and one activity may ask of the bot; each bound with its reason. */
export interface TurnLimits {
  /** Longest message text read (characters); longer messages get a short refusal. */
  maxMessageChars: number;
  /** Largest card action data (JSON characters) a button may send back. */
  maxCardDataChars: number;
  /** Turns one person may start per minute on this instance (0: no limit). */
  userTurnsPerMinute: number;
}

/** The bot's Bot Framework identity and where channel tokens are checked. */
export interface BotSettings {
  /** Undefined means anonymous local mode: no inbound token check, no outbound token. */
  appId?: string;
  appPassword?: string;
  appType: AppType;
  tenantId?: string;
  /** Where the channel's signing keys are published; tests point it at a local server. */
  openIdMetadataUrl?: string;
  emulatorOpenIdMetadataUrl?: string;
  tenants: TenantPolicy;
  limits: TurnLimits;
}

export function readBotSettings(env: Env): BotSettings {
  const appId = readGuid(env, 'MicrosoftAppId');
  // botbuilder treats an unset type as MultiTenant, which new Azure Bot registrations no
  // longer allow, so we default to SingleTenant.
  const appType = readEnum(env, 'MicrosoftAppType', APP_TYPES, 'SingleTenant');
  if (!appId) {
    const stray = CREDENTIAL_SETTINGS.find((name) => readOptional(env, name) !== undefined);
    if (stray) {
      throw new ConfigError('MicrosoftAppId', `the bot's app (client) id, because ${stray} is set; without it the bot would run unauthenticated (clear ${stray} for local anonymous use)`, undefined);
    }
  }
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
    tenants: readTenantPolicy(env, appId ? (appType === 'MultiTenant' ? undefined : tenantId) : undefined),
    limits: {
      // A pasted chain of five certificates (the most the certificate check reads) is about 10,000
      // characters; no question or command comes near this.
      maxMessageChars: readInt(env, 'MAX_MESSAGE_CHARS', 16_000, 100, 100_000),
      // The plan form, the largest card that sends input back, stays under 4,000 with every field full.
      maxCardDataChars: readInt(env, 'MAX_CARD_DATA_CHARS', 16_000, 500, 100_000),
      // People type a few messages a minute; opening a channel full of cards adds a few automatic
      // refreshes. 60 leaves room for both and stops one person's script from taking the bot.
      userTurnsPerMinute: readInt(env, 'USER_TURNS_PER_MINUTE', 60, 0, 10_000),
    },
  };
}

/**
 * ALLOWED_TENANT_IDS: tenant ids, or `*` for any. Unset: the app's own tenant for SingleTenant and
 * UserAssignedMSI registrations (they cannot be used from elsewhere anyway), any tenant for
 * MultiTenant ones and in anonymous local mode.
 */
function readTenantPolicy(env: Env, ownTenant: string | undefined): TenantPolicy {
  const raw = readOptional(env, 'ALLOWED_TENANT_IDS');
  if (raw === '*') return { kind: 'any' };
  if (raw === undefined) return ownTenant ? { kind: 'only', tenantIds: [ownTenant] } : { kind: 'any' };
  try {
    return { kind: 'only', tenantIds: readGuidList(env, 'ALLOWED_TENANT_IDS') };
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError('ALLOWED_TENANT_IDS', 'a comma-separated list of Entra tenant ids (GUIDs), or * for any tenant', error.got);
    throw error;
  }
}
