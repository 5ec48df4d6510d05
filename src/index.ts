// First: telemetry (when configured) must be running before http and the Azure SDK load.
import { stopTelemetry } from './telemetry/start';
import { startApp } from './app';
import { configFromProcessOrExit } from './config';

/** Process entry: read configuration, start, and stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = configFromProcessOrExit('cmg-assistant');
  const app = await startApp(config);
  const shutdown = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    app.stop().then(stopTelemetry).then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error('cmg-assistant failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
