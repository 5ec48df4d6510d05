import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Azurite's fixed development account; public, documented, and only valid against Azurite. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  port: number;
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts Azurite's Table service from node_modules on a free loopback port, in memory, without
 * telemetry, for one test file; `stop()` ends it. Nothing leaves 127.0.0.1.
 */
export async function startAzurite(): Promise<RunningAzurite> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(port);
    } catch (error) {
      lastError = error; // another process took the port between probing and listening
    }
  }
  throw lastError;
}

async function launch(port: number): Promise<RunningAzurite> {
  const workDir = mkdtempSync(join(tmpdir(), 'cmg-azurite-'));
  const main = require.resolve('azurite/dist/src/table/main.js');
  const child = spawn(
    process.execPath,
    [main, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--inMemoryPersistence', '--skipApiVersionCheck', '--disableTelemetry', '--silent', '--location', workDir].filter(
      // --location and --inMemoryPersistence exclude each other; the work dir is only the cwd.
      (arg, i, all) => arg !== '--location' && all[i - 1] !== '--location',
    ),
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AZURITE_ACCOUNTS: undefined } },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within 15 s: ${output}`)), 15_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/successfully (?:started|listening)/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
      if (/EADDRINUSE|error/i.test(output) && !/successfully/i.test(output)) fail(new Error(output.trim()));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Azurite exited with ${code}: ${output}`)));
  });
  return {
    port,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    stop: async () => {
      await stopChild(child);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
