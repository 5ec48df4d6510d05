/**
 * infra/*.bicep, checked as text: there is no Bicep compiler here (it is a download the machine
 * cannot make), so `az bicep build` has not run on these files. What can be checked is checked:
 * the site's app settings against what the bot reads, and the parameters and outputs the
 * Agents Toolkit files use.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { readTelemetrySettings } from '../../../src/telemetry/settings';
import { bicepAppSettings, bicepModules, bicepOutputs, bicepParams, envFile, namesRead, placeholders, read, ROOT } from './projectFiles';

const MAIN = 'infra/azure.bicep';
const main = read(MAIN);
const settings = bicepAppSettings(main);

const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const READER_SUBSCRIPTION = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const APPROVERS = 'a0a0a0a0-1111-4222-8333-444455556666,b0b0b0b0-1111-4222-8333-444455556666';
/** What each Bicep expression evaluates to in a deployment with every parameter filled in. */
const SAMPLE_VALUES: Record<string, string> = {
  'identity.properties.clientId': CLIENT_ID,
  'identity.properties.tenantId': TENANT_ID,
  'storage.properties.primaryEndpoints.table': 'https://stcmgbotabc123.table.core.windows.net/',
  readerSubscriptionId: READER_SUBSCRIPTION,
  approverIds: APPROVERS,
  'appInsights.properties.ConnectionString': 'InstrumentationKey=0f1e2d3c-4b5a-4697-8877-665544332211;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
};

/**
 * Settings the Azure SDK reads on the bot's behalf (the Table store's DefaultAzureCredential);
 * the bot's own configuration never sees them. Each is checked below to be in the SDK's code.
 */
const READ_BY_AZURE_IDENTITY = ['AZURE_CLIENT_ID', 'AZURE_TOKEN_CREDENTIALS'];

function appSettingsEnv(): Record<string, string> {
  return Object.fromEntries(
    settings.map(({ name, value }) => {
      const literal = /^'(.*)'$/.exec(value);
      if (literal) return [name, literal[1]];
      if (!(value in SAMPLE_VALUES)) throw new Error(`app setting ${name} = ${value}: add a sample value for this expression`);
      return [name, SAMPLE_VALUES[value]];
    }),
  );
}

const readAll = (env: Record<string, string | undefined>) => [loadConfig(env), readTelemetrySettings(env)];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : entry.name.endsWith('.js') ? [join(folder, entry.name)] : []));
}

describe('infra/azure.bicep app settings', () => {
  const env = appSettingsEnv();

  it('configure the bot as a user-assigned managed identity with Azure Table Storage, ARM sign-in and telemetry', () => {
    const config = loadConfig(env);
    expect(config.bot).toMatchObject({ appType: 'UserAssignedMSI', appId: CLIENT_ID, tenantId: TENANT_ID, appPassword: undefined });
    expect(config.storage).toMatchObject({ kind: 'azure', azureAccountUrl: 'https://stcmgbotabc123.table.core.windows.net', azureConnectionString: undefined });
    expect(config.arm.identity).toMatchObject({ credential: 'ManagedIdentity', clientId: CLIENT_ID });
    expect(config.arm.defaultSubscriptionId).toBe(READER_SUBSCRIPTION);
    expect(config.access.approverIds).toEqual(APPROVERS.split(','));
    expect(readTelemetrySettings(env)).toEqual({ connectionString: SAMPLE_VALUES['appInsights.properties.ConnectionString'] });
  });

  it('are exactly settings the bot reads: its configuration, or @azure/identity for the storage sign-in', () => {
    const readByBot = namesRead(readAll, env);
    const unread = settings.map((s) => s.name).filter((name) => !readByBot.has(name) && !READ_BY_AZURE_IDENTITY.includes(name));
    expect(unread).toEqual([]);
    const identityCode = filesUnder(join(ROOT, 'node_modules', '@azure', 'identity', 'dist', 'commonjs'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const name of READ_BY_AZURE_IDENTITY) expect(identityCode).toMatch(new RegExp(`process\\.env\\.${name}\\b|process\\.env\\[["']${name}["']\\]`));
    expect(settings.map((s) => s.name).filter((name) => READ_BY_AZURE_IDENTITY.includes(name))).toEqual(READ_BY_AZURE_IDENTITY);
  });

  it('each one the configuration reads changes what the bot does (none is redundant, none is missing)', () => {
    const whole = JSON.stringify(readAll(env));
    for (const { name } of settings.filter((s) => !READ_BY_AZURE_IDENTITY.includes(s.name))) {
      const without = { ...env };
      delete without[name];
      let outcome: string;
      try {
        outcome = JSON.stringify(readAll(without));
      } catch (error) {
        outcome = `throws ${String(error)}`;
      }
      expect({ name, same: outcome === whole }).toEqual({ name, same: false });
    }
  });

  it('are each documented in .env.example', () => {
    const example = read('.env.example');
    const undocumented = settings.map((s) => s.name).filter((name) => !new RegExp(`^#?\\s*${name}=`, 'm').test(example));
    expect(undocumented).toEqual([]);
  });

  it('the check can fail: a setting the bot never reads is caught', () => {
    const readByBot = namesRead(readAll, { ...env, WEBSITE_NODE_DEFAULT_VERSION: '~24' });
    expect(readByBot.has('WEBSITE_NODE_DEFAULT_VERSION')).toBe(false);
  });
});

describe('infra/azure.bicep site and resources', () => {
  it('runs Node 24 on Linux, HTTPS only, always on, with the /healthz health check and the staged start command', () => {
    expect(main).toMatch(/kind: 'app,linux'/);
    expect(main).toMatch(/reserved: true/);
    expect(main).toMatch(/linuxFxVersion: 'NODE\|24-lts'/);
    expect(main).toMatch(/httpsOnly: true/);
    expect(main).toMatch(/alwaysOn: true/);
    expect(main).toMatch(/healthCheckPath: '\/healthz'/);
    // The command App Service runs is the one package.json's start script runs, minus the build.
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(main).toContain(`appCommandLine: '${pkg.scripts.start}'`);
  });

  it('declares the identity, plan, site, Azure Bot with Teams, StorageV2 with the table role, Log Analytics and Application Insights', () => {
    const bot = read('infra/botRegistration/azurebot.bicep');
    for (const type of ['Microsoft.ManagedIdentity/userAssignedIdentities', 'Microsoft.Web/serverfarms', 'Microsoft.Web/sites', 'Microsoft.Storage/storageAccounts', 'Microsoft.Authorization/roleAssignments', 'Microsoft.OperationalInsights/workspaces', 'Microsoft.Insights/components']) {
      expect(main).toMatch(new RegExp(`'${type.replace(/\./g, '\\.')}@\\d{4}-\\d{2}-\\d{2}'`));
    }
    expect(main).toMatch(/kind: 'StorageV2'/);
    expect(main).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'"); // Storage Table Data Contributor
    expect(bot).toMatch(/'Microsoft\.BotService\/botServices@\d{4}-\d{2}-\d{2}'/);
    expect(bot).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
    // Reader only, at subscription scope, only when asked for.
    const reader = read('infra/providerReader.bicep');
    expect(reader).toMatch(/targetScope = 'subscription'/);
    expect(reader).toContain("'acdd72a7-3385-48ef-bd42-f606fba81ae7'"); // Reader
    expect(main).toMatch(/module providerReader '\.\/providerReader\.bicep' = if \(!empty\(readerSubscriptionId\)\)/);
  });

  it('passes every module only parameters it declares, and every one it requires', () => {
    for (const module of bicepModules(main)) {
      const file = join(dirname(MAIN), module.path);
      expect(existsSync(join(ROOT, file))).toBe(true);
      const declared = bicepParams(read(file));
      expect(module.params.filter((p) => !declared.some((d) => d.name === p))).toEqual([]);
      expect(declared.filter((d) => !d.hasDefault && !module.params.includes(d.name)).map((d) => d.name)).toEqual([]);
    }
  });
});

describe('infra/azure.parameters.json (what the Agents Toolkit passes)', () => {
  const parameters = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: string }> };
  const declared = bicepParams(main);

  it('names only parameters azure.bicep declares, and every one without a default', () => {
    const passed = Object.keys(parameters.parameters);
    expect(passed.filter((name) => !declared.some((d) => d.name === name))).toEqual([]);
    expect(declared.filter((d) => !d.hasDefault && !passed.includes(d.name)).map((d) => d.name)).toEqual([]);
  });

  it('fills them from variables env/.env.dev defines, under the bot\'s own setting names', () => {
    const dev = envFile('env/.env.dev');
    const used = placeholders(read('infra/azure.parameters.json'));
    expect(used.filter((name) => !dev.has(name))).toEqual([]);
    expect(used).toEqual(expect.arrayContaining(['APPROVER_IDS', 'PROVIDER_DEFAULT_SUBSCRIPTION_ID']));
  });

  it('outputs what the toolkit files read back (resource id for deploy, bot id and endpoint)', () => {
    expect(bicepOutputs(main)).toEqual(expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_ID', 'BOT_TENANT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT']));
  });
});
