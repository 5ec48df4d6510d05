import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import { buildPackage, DEFAULT_TEAMS_APP_ID, manifestFor } from '../../manifest/package';

const FOLDER = join(__dirname, '..', '..', 'manifest');
const BOT_ID = '5c1f6a0e-2a7b-4c55-9a3e-0f1d2e3c4b5a';
const SCHEMAS = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', 'v1.30');

function validator(schemaFile: string) {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, schemaFile), 'utf8')));
}

describe('Teams app manifest', () => {
  const manifest = JSON.parse(manifestFor(BOT_ID, FOLDER)) as { bots: { botId: string; scopes: string[] }[] } & Record<string, unknown>;

  it('validates against the official v1.30 schema, offline', () => {
    const validate = validator('MicrosoftTeams.schema.json');
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  it('the schema check can fail (a typo is caught)', () => {
    const validate = validator('MicrosoftTeams.schema.json');
    expect(validate({ ...manifest, bots: [{ ...manifest.bots[0], scopes: ['groupchat'] }] })).toBe(false);
  });

  it('validates the Dutch localization file', () => {
    const validate = validator('MicrosoftTeams.Localization.schema.json');
    const nl = JSON.parse(readFileSync(join(FOLDER, 'nl.json'), 'utf8'));
    expect(validate(nl) ? [] : validate.errors).toEqual([]);
  });

  it('takes its app id and bot id from the Agents Toolkit placeholders, as the toolkit fills them', () => {
    const template = JSON.parse(readFileSync(join(FOLDER, 'manifest.json'), 'utf8')) as { id: string; bots: { botId: string }[] };
    expect([template.id, template.bots[0].botId]).toEqual(['${{TEAMS_APP_ID}}', '${{BOT_ID}}']);
    expect(manifest.id).toBe(DEFAULT_TEAMS_APP_ID);
    const perEnvironment = JSON.parse(manifestFor(BOT_ID, FOLDER, '1A2B3C4D-0000-4000-8000-00000000000A')) as { id: string };
    expect(perEnvironment.id).toBe('1a2b3c4d-0000-4000-8000-00000000000a');
    expect(() => manifestFor(BOT_ID, FOLDER, 'dev')).toThrow(/TEAMS_APP_ID/);
  });

  it('fills in the bot id and serves every scope', () => {
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(() => manifestFor('not-a-guid', FOLDER)).toThrow(/GUID/);
  });

  it('has a 192×192 color icon and a 32×32 white-on-transparent outline', () => {
    const color = PNG.sync.read(readFileSync(join(FOLDER, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(readFileSync(join(FOLDER, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) continue;
      opaque++;
      expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
  });

  it('packages manifest and icons at the root of the zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmg-pkg-'));
    try {
      const zip = await buildPackage(BOT_ID, join(dir, 'app.zip'), FOLDER);
      const listing = execFileSync('python3', ['-c', 'import sys,zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip]).toString().trim().split('\n');
      expect(listing.sort()).toEqual(['color.png', 'manifest.json', 'nl.json', 'outline.png']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
