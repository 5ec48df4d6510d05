import type pino from 'pino';
import { cardActionTable, commandTable } from './bot/commands';
import type { Capabilities } from './bot/capabilities';
import { createAdapter } from './bot/adapter';
import { CmgBot } from './bot/cmgBot';
import { ConversationReferences } from './bot/conversationReferences';
import { ProactiveOutbox } from './bot/outbox';
import { Clock, systemClock } from './clock';
import type { Config } from './config';
import { createLogger, Logger } from './log';
import { createServer, RunningServer } from './server';
import { openStore } from './storage/openStore';
import type { Store } from './storage/store';

/** Edges a test or benchmark may replace; production uses the defaults. */
export interface AppOverrides {
  clock?: Clock;
  store?: Store;
  logDestination?: pino.DestinationStream;
}

export interface RunningApp {
  url: string;
  port: number;
  store: Store;
  log: Logger;
  capabilities: Capabilities;
  /** Graceful stop: no new requests, turns in flight finish, background work stops, storage closes. */
  stop(): Promise<void>;
}

/** The composition root: config → log → storage → clock → capabilities → bot → server. */
export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const log = createLogger(config.logLevel, [config.bot.appPassword, config.storage.azureConnectionString], overrides.logDestination);
  if (!config.bot.appId) {
    log.warn('MicrosoftAppId is not set: running anonymously for local use. Requests are not authenticated; never expose this to the internet.');
  }
  const store = overrides.store ?? (await openStore(config.storage));
  const clock = overrides.clock ?? systemClock;

  const adapter = createAdapter(config.bot);
  const references = new ConversationReferences(store);
  const outbox = new ProactiveOutbox(adapter, references, config.bot.appId ?? '');

  const capabilities: Capabilities = { clock, outbox };

  const bot = new CmgBot(commandTable(capabilities), cardActionTable(capabilities), references, log, () => clock.now());
  adapter.onTurnError = async (_context, error) => {
    // CmgBot reports its own errors; this only catches failures outside its run().
    log.error({ err: error }, 'unhandled turn error');
  };

  const http = createServer(
    { process: (req, res) => adapter.process(req, res, (context) => bot.run(context)) },
    { check: () => store.ping() },
    { maxBodyBytes: config.server.maxBodyBytes, log },
  );
  const running: RunningServer = await http.listen(config.server.port, config.server.host);
  log.info({ url: running.url, storage: store.kind, authenticated: Boolean(config.bot.appId) }, 'CMG Assistant is listening');

  let stopping: Promise<void> | undefined;
  return {
    url: running.url,
    port: running.port,
    store,
    log,
    capabilities,
    stop() {
      stopping ??= (async () => {
        await running.close(config.server.shutdownGraceMs);
        await store.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
}
