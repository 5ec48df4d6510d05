import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run playground`: Microsoft 365 Agents Playground from the pinned dev dependency (never
 * whatever `npx` would download), against the bot on this machine, with the tenant from
 * .m365agentsplayground.yml. Telemetry is off: --disable-telemetry for the Playground's own
 * events and APPLICATION_INSIGHTS_NO_STATSBEAT for its SDK's heartbeat (which would also probe
 * Azure's instance metadata address).
 *
 * PLAYGROUND_PORT (default 56150) is the page to open; the bot is http://127.0.0.1:$PORT
 * (default 3978). Extra arguments go to the Playground.
 */
const root = join(__dirname, '..', '..');
const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
const botEndpoint = `http://127.0.0.1:${process.env.PORT || '3978'}/api/messages`;
const port = process.env.PLAYGROUND_PORT || '56150';

const child = spawn(process.execPath, [cli, '--disable-telemetry', '-p', port, '-e', botEndpoint, '-c', 'msteams', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { APPLICATION_INSIGHTS_NO_STATSBEAT: '1', M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(root, '.m365agentsplayground.yml'), ...process.env },
});
process.on('SIGINT', () => child.kill('SIGINT'));
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
