import {
  Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import { AuthenticateRequestResult, AuthenticationConstants, BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../log';
import { withoutLibraryOutput } from './libraryOutput';
import type { BotSettings } from './settings';

/**
 * The CloudAdapter, with a way in for a request this bot has authenticated itself (see
 * `ActivityEndpoint`); everything else (proactive sends, connector clients) is botbuilder's.
 */
export class BotAdapter extends CloudAdapter {
  constructor(readonly authentication: BotFrameworkAuthentication) {
    super(authentication);
  }

  /** Runs a turn for an activity whose request `authenticateRequest` accepted. */
  runAuthenticated(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authenticated, activity, logic);
  }
}

/**
 * The adapter with Bot Framework authentication from our validated settings (not from
 * process.env directly, so tests can run several bots in one process).
 *
 * Without an app id the adapter runs anonymously (local use): it accepts unsigned requests and
 * sends replies without a token. With an app id every inbound request must carry a valid
 * Bot Framework JWT, or the endpoint answers 401.
 */
export function createAdapter(settings: Omit<BotSettings, 'tenants' | 'limits'>): BotAdapter {
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
  return new BotAdapter(new ConfigurationBotFrameworkAuthentication(options));
}

/** What the HTTP server hands over (a parsed JSON object and the Authorization header), and what it sends back. */
export interface ActivityEndpoint {
  receive(body: Record<string, unknown>, authorization: string): Promise<{ status: number; body?: unknown }>;
}

/** Why a request was not authenticated, as one word an operator can search the log for. */
export type AuthenticationFailure =
  | 'noToken'
  | 'malformed'
  | 'untrustedIssuer'
  | 'unknownSigningKey'
  | 'badSignature'
  | 'expired'
  | 'notYetValid'
  | 'wrongAudience'
  | 'wrongServiceUrl'
  | 'endorsement'
  | 'algorithm'
  | 'signingKeysUnavailable'
  | 'rejected';

/**
 * Sorts what botframework-connector and the JWT library throw into a reason. Only the error's
 * name and fixed wording are read; its message (which can name key ids and claims) is not logged.
 */
export function authenticationFailure(error: unknown, authorization: string): AuthenticationFailure {
  if (!authorization.trim()) return 'noToken';
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TokenExpiredError' || message === 'The token has expired') return 'expired';
  if (name === 'NotBeforeError') return 'notYetValid';
  // The key service answered with an error, or could not be reached (node-fetch's FetchError).
  if (message.startsWith('Failed to load') || name === 'FetchError') return 'signingKeysUnavailable';
  if (message === 'Signing Key could not be retrieved.') return 'unknownSigningKey';
  if (/invalid signature/i.test(message)) return 'badSignature';
  if (/audience|Invalid AppId/i.test(message)) return 'wrongAudience';
  if (/ServiceUrl/i.test(message)) return 'wrongServiceUrl';
  if (/endorsement/i.test(message)) return 'endorsement';
  if (/algorithm/i.test(message)) return 'algorithm';
  if (/issuer/i.test(message)) return 'untrustedIssuer';
  if (/malformed|invalid token|jwt must be/i.test(message)) return 'malformed';
  // A token whose issuer botbuilder does not trust, or a header that is not "Bearer <jwt>", gets no identity at all.
  if (/not authenticated|No valid identity|not authorized/i.test(message)) return /^Bearer \S+\.\S+\.\S*$/.test(authorization.trim()) ? 'untrustedIssuer' : 'malformed';
  return 'rejected';
}

/**
 * POST /api/messages once the body is read: checks the activity's shape, authenticates the
 * request (prints from the libraries dropped, one structured line per failure), then runs the
 * turn. Every authentication failure answers 401, whatever was wrong with the token; only
 * signing keys that could not be loaded (the channel's key service down) answer 503, so the
 * channel retries. Neither answer says more than that.
 */
export function activityEndpoint(adapter: BotAdapter, logic: (context: TurnContext) => Promise<void>, log: Logger): ActivityEndpoint {
  return {
    async receive(body, authorization) {
      if (typeof body.type !== 'string' || !body.type) return { status: 400, body: { error: 'The activity has no type.' } };
      const activity = withDates(body as unknown as Activity);
      let authenticated: AuthenticateRequestResult;
      try {
        authenticated = await withoutLibraryOutput(() => adapter.authentication.authenticateRequest(activity, authorization));
      } catch (error) {
        const reason = authenticationFailure(error, authorization);
        log.warn({ reason, activityType: activity.type.slice(0, 40) }, 'authentication failed');
        return reason === 'signingKeysUnavailable' ? { status: 503, body: { error: 'Authentication is unavailable; try again.' } } : { status: 401, body: { error: 'Unauthorized.' } };
      }
      const invoke = await adapter.runAuthenticated(authenticated, activity, logic);
      return { status: invoke?.status ?? 200, body: invoke?.body };
    },
  };
}

/** As botbuilder reads an activity off the wire: ISO timestamps become dates, the originals kept. */
function withDates(activity: Activity): Activity {
  const raw = activity as unknown as Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof raw[field] === 'string') {
      raw[rawField] = raw[field];
      raw[field] = new Date(raw[field]);
    }
  }
  return activity;
}
