import { ConfigError, Env, readEnum, readGuid, readOptional, readUrl } from '../env';

export type AppType = 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';

const APP_TYPES: readonly AppType[] = ['SingleTenant', 'UserAssignedMSI', 'MultiTenant'];

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
}

export function readBotSettings(env: Env): BotSettings {
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
