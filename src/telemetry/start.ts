/**
 * Application Insights through OpenTelemetry. src/index.ts imports this module first, so the
 * http, https and Azure SDK modules are instrumented before anything loads them: incoming
 * requests (turns), Bot Connector replies, ARM and Table Storage calls become one trace per turn.
 *
 * Without APPLICATIONINSIGHTS_CONNECTION_STRING nothing is loaded and nothing is sent.
 */
import dotenv from 'dotenv';
import { ConfigError } from '../env';
import { readTelemetrySettings, TelemetrySettings } from './settings';
import { enableTraceFields } from './traceContext';

type AzureMonitor = typeof import('@azure/monitor-opentelemetry');

/** Platform probes: App Service asks /healthz every minute per instance; not worth a request record each. */
const PROBE_PATHS = new Set(['/healthz', '/readyz']);
/** The server's one real route; named so requests read "POST /api/messages" rather than "POST". */
const ROUTES = new Set(['/api/messages']);

interface IncomingRequest {
  url?: string;
}

const pathOf = (request: IncomingRequest) => (request.url ?? '').split('?')[0];
/** Bound on the final flush at shutdown, so an unreachable ingestion endpoint cannot hold a stop. */
const FLUSH_LIMIT_MS = 3000;

let running: AzureMonitor | undefined;

function start(settings: TelemetrySettings): void {
  // Loaded only here (and synchronously: an asynchronous import would run after the modules it must patch).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const monitor = require('@azure/monitor-opentelemetry') as AzureMonitor;
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: settings.connectionString },
    // Live Metrics polls its endpoint every few seconds whether anyone watches or not; an operator
    // who wants it sets APPLICATIONINSIGHTS_CONFIGURATION_CONTENT={"enableLiveMetrics":true}.
    enableLiveMetrics: false,
    // Every turn traced: a bot sees a few turns a minute, and a sampled-out turn is the one someone
    // asks about. The distro's default (5 traces/s, rate-limited) dropped turns that came in quick
    // succession. OTEL_TRACES_SAMPLER=microsoft.rate_limited with OTEL_TRACES_SAMPLER_ARG=<per second>
    // brings a cap back (the environment wins over these options).
    samplingRatio: 1,
    tracesPerSecond: 0,
    instrumentationOptions: {
      http: {
        enabled: true,
        ignoreIncomingRequestHook: (request: IncomingRequest) => PROBE_PATHS.has(pathOf(request)),
        // Only known routes: a path per stray request would make one operation name per scanner probe.
        startIncomingSpanHook: (request: IncomingRequest) => (ROUTES.has(pathOf(request)) ? { 'http.route': pathOf(request) } : {}),
      } as { enabled: boolean },
      azureSdk: { enabled: true },
      // Nothing of these is in the bot; off, so their hooks are not even installed.
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      console: { enabled: false },
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  enableTraceFields(require('@opentelemetry/api') as typeof import('@opentelemetry/api'));
  running = monitor;
}

/** Sends what is still buffered and stops; resolves (never rejects) within a few seconds. */
export async function stopTelemetry(): Promise<void> {
  const monitor = running;
  running = undefined;
  if (!monitor) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    monitor.shutdownAzureMonitor().catch(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_LIMIT_MS).unref())),
  ]);
  clearTimeout(timer);
}

// .env is read here too (config reads it again later; values already set are never replaced),
// because the connection string must be known before the rest of the bot loads.
dotenv.config({ quiet: true });
try {
  const settings = readTelemetrySettings(process.env);
  if (settings) start(settings);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`cmg-assistant: ${error.message}`);
  process.exit(1);
}
