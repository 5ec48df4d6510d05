/**
 * Builds the Teams app package: a zip whose root holds manifest.json (with the bot's app id
 * filled in), the icons and the Dutch localization. Teams rejects a zip with a folder inside.
 *
 *   MicrosoftAppId=<bot app id> npm run package:teams        → dist/cmg-assistant-teams.zip
 *
 * manifest.json carries the Agents Toolkit's placeholders ${{TEAMS_APP_ID}} and ${{BOT_ID}}, so
 * the toolkit (m365agents.yml) fills them per environment; this script fills them the same way.
 */
import { mkdirSync, readFileSync, createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import dotenv from 'dotenv';
import { ZipFile } from 'yazl';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PACKAGE_FILES = ['color.png', 'outline.png', 'nl.json'];
/**
 * The app id this project's package had before the toolkit gave each environment its own; kept
 * when TEAMS_APP_ID is unset so an uploaded app is updated in place rather than duplicated.
 */
export const DEFAULT_TEAMS_APP_ID = '8d3c2f7a-5b1e-4c9d-a6f0-2e7b9c1d4a53';

function manifestFolder(): string {
  // Works from the source tree (ts-node) and from dist/manifest after a build.
  const here = resolve(__dirname);
  return here.includes(`${join('dist', 'manifest')}`) ? resolve(here, '..', '..', 'manifest') : here;
}

/** The manifest text with the bot id and the Teams app id in place of their placeholders. */
export function manifestFor(botId: string, folder = manifestFolder(), teamsAppId = DEFAULT_TEAMS_APP_ID): string {
  if (!GUID.test(botId)) throw new Error(`MicrosoftAppId must be the bot's Entra app (client) id, a GUID; got "${botId}"`);
  if (!GUID.test(teamsAppId)) throw new Error(`TEAMS_APP_ID must be a GUID; got "${teamsAppId}"`);
  const text = readFileSync(join(folder, 'manifest.json'), 'utf8').split('${{BOT_ID}}').join(botId.toLowerCase()).split('${{TEAMS_APP_ID}}').join(teamsAppId.toLowerCase());
  const left = /\$\{\{(\w+)\}\}/.exec(text);
  if (left) throw new Error(`manifest.json has a placeholder this script does not fill: ${left[0]}`);
  return text;
}

export async function buildPackage(botId: string, output: string, folder = manifestFolder(), teamsAppId = DEFAULT_TEAMS_APP_ID): Promise<string> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(manifestFor(botId, folder, teamsAppId)), 'manifest.json');
  for (const file of PACKAGE_FILES) zip.addFile(join(folder, file), file);
  mkdirSync(resolve(output, '..'), { recursive: true });
  await new Promise<void>((done, fail) => {
    zip.outputStream.pipe(createWriteStream(output)).on('close', done).on('error', fail);
    zip.end();
  });
  return output;
}

if (require.main === module) {
  dotenv.config({ quiet: true });
  const botId = process.env.MicrosoftAppId?.trim();
  if (!botId) {
    console.error('package:teams: set MicrosoftAppId (in .env or the environment) to the bot\'s Entra app id first.');
    process.exit(1);
  }
  const output = resolve(manifestFolder(), '..', 'dist', 'cmg-assistant-teams.zip');
  buildPackage(botId, output, manifestFolder(), process.env.TEAMS_APP_ID?.trim() || DEFAULT_TEAMS_APP_ID).then(
    (file) => console.log(`Teams app package written to ${file}`),
    (error: unknown) => {
      console.error(`package:teams: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
