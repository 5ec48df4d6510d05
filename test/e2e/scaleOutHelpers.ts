import { randomUUID } from 'node:crypto';
import { AppOverrides, RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { RunningAzurite, startAzurite } from '../harness/azurite';
import { LocalConnector } from '../harness/connector';

export interface ScaleOut {
  /** The connector every instance replies to (valid inside the tests of the describe block). */
  readonly connector: LocalConnector;
  /** Starts `count` instances on one fresh set of tables in Azurite, with these settings on top. */
  start(count: number, settings: Record<string, string>, overrides: AppOverrides): Promise<RunningApp[]>;
}

/**
 * Several bot instances behind a (pretend) load balancer, sharing one Azure Table store (Azurite)
 * and one local connector. Call it inside a `describe`: Azurite and the connector start before
 * its tests, and every instance, the connector and Azurite stop after them.
 */
export function scaleOut(): ScaleOut {
  let azurite: RunningAzurite | undefined;
  let connector: LocalConnector | undefined;
  const apps: RunningApp[] = [];
  beforeAll(async () => {
    azurite = await startAzurite();
    connector = await new LocalConnector().start();
  }, 30_000);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await connector?.stop();
    await azurite?.stop();
  });
  return {
    get connector() {
      if (!connector) throw new Error('scaleOut: the connector starts in beforeAll');
      return connector;
    },
    async start(count, settings, overrides) {
      if (!azurite) throw new Error('scaleOut: Azurite starts in beforeAll');
      const config = loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        STORAGE: 'azure',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        // Fresh tables per start, so tests in one file never see each other's data.
        AZURE_STORAGE_TABLE_PREFIX: `t${randomUUID().replace(/-/g, '').slice(0, 10)}`,
        ...settings,
      });
      const started = await Promise.all(Array.from({ length: count }, () => startApp(config, overrides)));
      apps.push(...started);
      return started;
    },
  };
}
