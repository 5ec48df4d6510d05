/**
 * One benchmark target in its own process, so the load generator does not share its thread:
 *   node dist/bench/target.js echo|cmg
 * Prints `READY <url>` when it listens; exits on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { startEchoBot } from './echoBot';

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind === 'echo') {
    const echo = await startEchoBot();
    console.log(`READY ${echo.url}`);
    process.once('SIGTERM', () => void echo.close().then(() => process.exit(0)));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cmg-bench-'));
  // One load generator plays every user, far faster than people type: no per-person turn limit.
  const app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'bench.db'), LOG_LEVEL: 'warn', USER_TURNS_PER_MINUTE: '0' }));
  console.log(`READY ${app.url}`);
  process.once('SIGTERM', () =>
    void app.stop().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }),
  );
}

void main();
