import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { AppOverrides, RunningApp, startApp } from '../../src/app';
import { Config, Env, loadConfig } from '../../src/config';
import { LocalConnector } from './connector';
import { ClientOptions, TeamsClient } from './teams';

/** Collects the app's JSON log lines in memory (and lets tests search them). */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }
  get text(): string {
    return this.lines.join('\n');
  }
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

export interface TestBot {
  app: RunningApp;
  config: Config;
  connector: LocalConnector;
  logs: LogCapture;
  dataDir: string;
  client(options?: Partial<ClientOptions>): TeamsClient;
  /** Stops the app (keeps its data) and starts a new one on the same storage. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real bot in-process on a loopback port with its own SQLite file, plus a local
 * connector for its replies. `env` adds settings as the environment would.
 */
export async function startTestBot(env: Env = {}, overrides: AppOverrides = {}): Promise<TestBot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmg-test-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(dataDir, 'bot.db'), LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '2000', ...env });
  const connector = await new LocalConnector().start();
  const logs = new LogCapture();
  let app = await startApp(config, { logDestination: logs, strictCards: true, ...overrides });
  const bot: TestBot = {
    app,
    config,
    connector,
    logs,
    dataDir,
    client: (options = {}) => new TeamsClient({ botUrl: bot.app.url, serviceUrl: connector.url, ...options }),
    async restart() {
      const port = app.port;
      await app.stop();
      // Same port, so clients made before the restart reach the new process, as behind a load balancer.
      app = await startApp({ ...config, server: { ...config.server, port } }, { logDestination: logs, strictCards: true, ...overrides, store: undefined });
      bot.app = app;
    },
    async stop() {
      await app.stop();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return bot;
}
