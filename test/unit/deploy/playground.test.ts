import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config';
import { read, ROOT } from './projectFiles';

/**
 * `npm run playground` and the committed tenant file: the pinned Playground starts with no
 * network but loopback, accepts .m365agentsplayground.yml, and its people's object ids are ones
 * the bot's role settings accept, exactly as the README tells readers to set them.
 */
interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

const file = parse(read('.m365agentsplayground.yml')) as { currentUser: PlaygroundUser; users: PlaygroundUser[] };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('Agents Playground for local tries', () => {
  it('is a pinned dev dependency behind npm run playground', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.devDependencies['@microsoft/m365agentsplayground']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.playground).toContain('dist/scripts/playground.js');
    expect(read('README.md')).toContain('npm run playground');
    expect(read('README.md')).not.toContain('npx @microsoft/m365agentsplayground');
  });

  it('has exactly five users besides the current one, each with a GUID the role settings accept', () => {
    expect(file.users).toHaveLength(5);
    const people = [file.currentUser, ...file.users];
    expect(new Set(people.map((user) => user.id)).size).toBe(6);
    const ids = people.map((user) => user.aadObjectId).join(',');
    const config = loadConfig({ APPROVER_IDS: ids, ADMIN_IDS: file.currentUser.aadObjectId });
    expect(config.access.approverIds).toHaveLength(6);
    // The README's line gives Alex (the current user) admin and Lee the approver role.
    const readme = read('README.md');
    expect(readme).toContain(`ADMIN_IDS=${file.currentUser.aadObjectId}`);
    expect(readme).toContain(`APPROVER_IDS=${file.users.find((user) => user.name === 'Lee Lead')!.aadObjectId}`);
  });

  describe('started as npm run playground starts it, with every route out of the machine closed', () => {
    let child: ChildProcess | undefined;
    afterEach(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    });

    it('serves the committed tenant', async () => {
      const port = await freePort();
      const dead = 'http://127.0.0.1:9';
      child = spawn(process.execPath, [join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js'), '--disable-telemetry', '-p', String(port), '-e', 'http://127.0.0.1:9/api/messages', '-c', 'msteams'], {
        cwd: ROOT,
        stdio: 'ignore',
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: 'none',
          APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(ROOT, '.m365agentsplayground.yml'),
          M365_AGENTS_PLAYGROUND_LOGFILE: join(tmpdir(), `playground-test-${port}.log`),
          http_proxy: dead,
          https_proxy: dead,
          HTTP_PROXY: dead,
          HTTPS_PROXY: dead,
          NO_PROXY: '127.0.0.1,localhost',
        },
      });
      let served: { config: { currentUser: PlaygroundUser; users: PlaygroundUser[] } } | undefined;
      for (let i = 0; i < 150 && !served && child.exitCode === null; i++) {
        served = await fetch(`http://127.0.0.1:${port}/_internal/v1/config`)
          .then((response) => (response.ok ? (response.json() as Promise<typeof served>) : undefined))
          .catch(() => undefined);
        if (!served) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(served?.config.currentUser).toMatchObject({ name: 'Alex Admin', aadObjectId: file.currentUser.aadObjectId });
      expect(served?.config.users.map((user) => user.aadObjectId)).toEqual(file.users.map((user) => user.aadObjectId));
    }, 30_000);
  });
});
