/**
 * `npm run stage:appservice`: the folder App Service runs, built once here rather than on the
 * server (no build automation, no dev dependencies in production):
 *
 *   dist/appservice/       compiled bot, card templates, package files, production node_modules
 *   dist/appservice.zip    the same, for `az webapp deploy --type zip`
 *
 * The Agents Toolkit's deploy step zips dist/appservice itself (m365agents.yml). App Service
 * starts it with the site's startup command `node --enable-source-maps dist/src/index.js`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ZipFile } from 'yazl';

/** What the bot needs at run time, relative to the project root; the Dockerfile copies the same. */
export const RUNTIME_FILES = ['dist/src', 'cards', 'package.json', 'package-lock.json'];
export const STAGE_FOLDER = 'dist/appservice';
export const STAGE_ZIP = 'dist/appservice.zip';

/** The project root, from the source tree (ts-node) or from dist/scripts after a build. */
const ROOT = __dirname.split(sep).slice(-2).join('/') === 'dist/scripts' ? resolve(__dirname, '..', '..') : resolve(__dirname, '..');

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

async function zipFolder(folder: string, output: string): Promise<void> {
  const zip = new ZipFile();
  for (const file of files(folder)) zip.addFile(file, relative(folder, file).split(sep).join('/'));
  await new Promise<void>((done, fail) => {
    zip.outputStream.pipe(createWriteStream(output)).on('close', done).on('error', fail);
    zip.end();
  });
}

async function main(): Promise<void> {
  const stage = join(ROOT, STAGE_FOLDER);
  if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) throw new Error('run `npm run build` first (dist/src/index.js is missing)');
  rmSync(stage, { recursive: true, force: true });
  for (const path of RUNTIME_FILES) cpSync(join(ROOT, path), join(stage, path), { recursive: true });
  // Exactly the lock file's production tree. No install scripts (none is needed) and no .bin
  // symlinks, which a zip deploy does not carry reliably.
  const npm = process.env.npm_execpath;
  const args = ['ci', '--omit=dev', '--ignore-scripts', '--no-bin-links', '--no-audit', '--no-fund'];
  execFileSync(npm ? process.execPath : 'npm', npm ? [npm, ...args] : args, { cwd: stage, stdio: 'inherit' });
  rmSync(join(ROOT, STAGE_ZIP), { force: true });
  await zipFolder(stage, join(ROOT, STAGE_ZIP));
  console.log(`App Service package staged in ${STAGE_FOLDER}/ and ${STAGE_ZIP}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`stage:appservice: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
