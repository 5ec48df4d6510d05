import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { BotSettings } from './settings';

/**
 * The CloudAdapter with Bot Framework authentication from our validated settings (not from
 * process.env directly, so tests can run several bots in one process).
 *
 * Without an app id the adapter runs anonymously (local use): it accepts unsigned requests and
 * sends replies without a token. With an app id every inbound request must carry a valid
 * Bot Framework JWT, or the adapter answers 401.
 */
export function createAdapter(settings: BotSettings): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = settings.appId
    ? {
        MicrosoftAppId: settings.appId,
        MicrosoftAppPassword: settings.appPassword,
        MicrosoftAppType: settings.appType,
        MicrosoftAppTenantId: settings.tenantId,
      }
    : // botbuilder refuses SingleTenant without an app id, so anonymous mode leaves the type unset.
      { MicrosoftAppId: '' };
  if (settings.openIdMetadataUrl || settings.emulatorOpenIdMetadataUrl) {
    // Overriding any one endpoint makes botbuilder switch to its "parameterized" mode, where every
    // other public-cloud value must be given too; without the issuer no channel token validates.
    Object.assign(options, {
      ToBotFromChannelOpenIdMetadataUrl: settings.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: settings.emulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
      ValidateAuthority: true,
    });
  }
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
}
