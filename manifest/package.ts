/**
 * Builds the Teams app package: a zip whose root holds manifest.json (with the bot's app id
 * filled in), the icons and the Dutch localization. Teams rejects a zip with a folder inside.
 *
 *   MicrosoftAppId=<bot app id> npm run package:teams        → dist/cmg-assistant-teams.zip
 */
import { mkdirSync, readFileSync, createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import dotenv from 'dotenv';
import { ZipFile } from 'yazl';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PACKAGE_FILES = ['color.png', 'outline.png', 'nl.json'];

function manifestFolder(): string {
  // Works from the source tree (ts-node) and from dist/manifest after a build.
  const here = resolve(__dirname);
  return here.includes(`${join('dist', 'manifest')}`) ? resolve(here, '..', '..', 'manifest') : here;
}

/** The manifest text with the bot id in place of the `${{BOT_ID}}` placeholder. */
export function manifestFor(botId: string, folder = manifestFolder()): string {
  if (!GUID.test(botId)) throw new Error(`MicrosoftAppId must be the bot's Entra app (client) id, a GUID; got "${botId}"`);
  return readFileSync(join(folder, 'manifest.json'), 'utf8').split('${{BOT_ID}}').join(botId.toLowerCase());
}

export async function buildPackage(botId: string, output: string, folder = manifestFolder()): Promise<string> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(manifestFor(botId, folder)), 'manifest.json');
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
  buildPackage(botId, output).then(
    (file) => console.log(`Teams app package written to ${file}`),
    (error: unknown) => {
      console.error(`package:teams: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
