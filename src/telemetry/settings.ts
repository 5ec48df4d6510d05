import { ConfigError, Env, readOptional } from '../env';

/** The one telemetry setting: where Application Insights takes the bot's traces. */
export interface TelemetrySettings {
  connectionString: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPECTED = 'an Application Insights connection string (InstrumentationKey=<GUID>;IngestionEndpoint=https://…), from the resource\'s Overview blade';

/**
 * Unset means no telemetry at all: nothing is loaded and nothing is sent. A malformed value
 * stops the start, like any other bad setting, rather than silently sending nothing.
 */
export function readTelemetrySettings(env: Env): TelemetrySettings | undefined {
  const raw = readOptional(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (raw === undefined) return undefined;
  const parts = new Map<string, string>();
  for (const pair of raw.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) parts.set(pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim());
  }
  // The key is not secret (browser pages carry it), but an error line has no need to repeat it.
  const shown = raw.replace(/(InstrumentationKey=)[^;]*/i, '$1…');
  if (!GUID.test(parts.get('instrumentationkey') ?? '')) throw new ConfigError('APPLICATIONINSIGHTS_CONNECTION_STRING', EXPECTED, shown);
  // Old-style strings name no endpoint; the exporter then uses its global one.
  const endpoint = parts.get('ingestionendpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/i.test(endpoint)) throw new ConfigError('APPLICATIONINSIGHTS_CONNECTION_STRING', EXPECTED, shown);
  return { connectionString: raw };
}
