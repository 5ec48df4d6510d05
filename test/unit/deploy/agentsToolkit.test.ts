/**
 * The Microsoft 365 Agents Toolkit project files: m365agents*.yml, env/, .vscode/.
 *
 * The toolkit's npm package (@microsoft/m365agentstoolkit-cli) ships the JSON schema of these
 * files, but installing it for a test brings about 450 MB and 550 packages, so the facts of the
 * schema this project uses are kept below instead, read from
 * @microsoft/m365agentstoolkit-cli@1.1.17, resource/yaml-schema/v1.11/yaml.schema.json
 * (definitions.lifeCycleArray and each action's definition: its `with` and
 * `writeToEnvironmentFile` properties and which are required). To check against the shipped
 * schema itself: see README, "Deploy with Agents Toolkit".
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config';
import { STAGE_FOLDER } from '../../../scripts/stageAppService';
import { bicepOutputs, envFile, namesRead, placeholders, read, ROOT } from './projectFiles';

interface ActionSchema {
  with: { required: string[]; allowed: string[] };
  write?: { required: string[]; allowed: string[]; secret?: string[] };
}

/** Schema v1.11: the actions (`uses`) of the toolkit's action list that the brief names or this project uses. */
const ACTIONS: Record<string, ActionSchema> = {
  'teamsApp/create': { with: { required: ['name'], allowed: ['name'] }, write: { required: ['teamsAppId'], allowed: ['teamsAppId', 'teamsAppTenantId'] } },
  'teamsApp/validateManifest': { with: { required: ['manifestPath'], allowed: ['manifestPath'] } },
  'teamsApp/zipAppPackage': { with: { required: ['manifestPath', 'outputZipPath', 'outputFolder'], allowed: ['manifestPath', 'outputZipPath', 'outputFolder'] } },
  'teamsApp/validateAppPackage': { with: { required: ['appPackagePath'], allowed: ['appPackagePath'] } },
  'teamsApp/update': { with: { required: ['appPackagePath'], allowed: ['appPackagePath'] } },
  'teamsApp/publishAppPackage': { with: { required: ['appPackagePath'], allowed: ['appPackagePath'] }, write: { required: ['publishedAppId'], allowed: ['publishedAppId'] } },
  'arm/deploy': { with: { required: ['subscriptionId', 'resourceGroupName', 'templates'], allowed: ['subscriptionId', 'resourceGroupName', 'templates', 'bicepCliVersion'] } },
  'azureAppService/zipDeploy': { with: { required: ['artifactFolder', 'resourceId'], allowed: ['artifactFolder', 'resourceId', 'workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'] } },
  'cli/runNpmCommand': { with: { required: ['args'], allowed: ['args', 'workingDirectory'] } },
  'file/createOrUpdateEnvironmentFile': { with: { required: ['envs', 'target'], allowed: ['envs', 'target'] } },
  // With a secret (the variant this project uses); clientSecret must name a SECRET_ variable.
  'aadApp/create': {
    with: { required: ['name', 'generateClientSecret', 'signInAudience'], allowed: ['name', 'generateClientSecret', 'generateServicePrincipal', 'signInAudience', 'serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription'] },
    write: { required: ['clientId', 'objectId', 'clientSecret'], allowed: ['clientId', 'objectId', 'clientSecret', 'tenantId', 'authority', 'authorityHost'], secret: ['clientSecret'] },
  },
  'botAadApp/create': { with: { required: ['name'], allowed: ['name'] }, write: { required: ['botId', 'botPassword'], allowed: ['botId', 'botPassword'], secret: ['botPassword'] } },
  'botFramework/create': { with: { required: ['botId', 'name', 'messagingEndpoint'], allowed: ['botId', 'name', 'messagingEndpoint', 'description', 'iconUrl', 'channels'] } },
  'devTool/install': { with: { required: [], allowed: ['devCert', 'func', 'dotnet', 'testTool', 'nodejs'] }, write: { required: [], allowed: ['sslCertFile', 'sslKeyFile', 'funcPath', 'dotnetPath'] } },
};
const TOP_LEVEL = ['version', 'projectId', 'environmentFolderPath', 'additionalMetadata', 'provision', 'deploy', 'publish', 'share'];
const STEP_KEYS = ['uses', 'name', 'env', 'with', 'writeToEnvironmentFile'];
const LIFECYCLES = ['provision', 'deploy', 'publish', 'share'] as const;
const ENV_VAR = /^[A-Z][A-Z0-9_]*$/;
const SECRET_VAR = /^SECRET_[A-Z0-9_]+$/;

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
type Project = Record<string, unknown> & Partial<Record<(typeof LIFECYCLES)[number], Step[]>>;

/** Each file and the toolkit environment that runs it (env/.env.<name>). */
const FILES: Record<string, string> = { 'm365agents.yml': 'dev', 'm365agents.local.yml': 'local', 'm365agents.playground.yml': 'playground' };

function load(file: string): Project {
  return parse(read(file)) as Project;
}

/** Everything wrong with a project file against the schema facts above; empty when it conforms. */
function schemaProblems(project: Project): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(project)) if (!TOP_LEVEL.includes(key)) problems.push(`unknown top-level key ${key}`);
  if (project.version !== 'v1.11') problems.push(`version ${String(project.version)} is not v1.11`);
  for (const lifecycle of LIFECYCLES) {
    const steps = project[lifecycle];
    if (steps === undefined) continue;
    if (!Array.isArray(steps)) {
      problems.push(`${lifecycle} is not a list`);
      continue;
    }
    steps.forEach((step, i) => {
      const at = `${lifecycle}[${i}] ${step.uses}`;
      const action = ACTIONS[step.uses];
      if (!action) return problems.push(`${at}: not an action of the toolkit's list`);
      for (const key of Object.keys(step)) if (!STEP_KEYS.includes(key)) problems.push(`${at}: unknown key ${key}`);
      const withKeys = Object.keys(step.with ?? {});
      for (const key of action.with.required) if (!withKeys.includes(key)) problems.push(`${at}: with.${key} is required`);
      for (const key of withKeys) if (!action.with.allowed.includes(key)) problems.push(`${at}: with.${key} is not a parameter`);
      const write = step.writeToEnvironmentFile;
      if (write && !action.write) problems.push(`${at}: writes no environment variables`);
      if (action.write) {
        const keys = Object.keys(write ?? {});
        for (const key of action.write.required) if (!keys.includes(key)) problems.push(`${at}: writeToEnvironmentFile.${key} is required`);
        for (const [key, variable] of Object.entries(write ?? {})) {
          if (!action.write.allowed.includes(key)) problems.push(`${at}: writeToEnvironmentFile.${key} is not an output`);
          const pattern = action.write.secret?.includes(key) ? SECRET_VAR : ENV_VAR;
          if (!pattern.test(variable)) problems.push(`${at}: ${variable} does not match ${pattern}`);
        }
      }
    });
  }
  return problems;
}

const gitIgnored = (path: string) => {
  try {
    execFileSync('git', ['check-ignore', '-q', '--no-index', path], { cwd: ROOT });
    return true;
  } catch {
    return false;
  }
};

describe.each(Object.entries(FILES))('%s', (file, environment) => {
  const project = load(file);
  const steps = () => LIFECYCLES.flatMap((lifecycle) => (project[lifecycle] ?? []).map((step) => ({ lifecycle, step })));
  const expand = (path: string) => path.split('${{TEAMSFX_ENV}}').join(environment);

  it('parses and uses only the toolkit\'s actions, with their parameters', () => {
    expect(schemaProblems(project)).toEqual([]);
    expect(project.environmentFolderPath).toBe('./env');
  });

  it('reads only files that exist, and builds app packages before it validates or uploads them', () => {
    for (const { lifecycle, step } of steps()) {
      const w = (step.with ?? {}) as Record<string, unknown>;
      for (const key of ['manifestPath', 'ignoreFile']) if (typeof w[key] === 'string') expect({ [key]: w[key], exists: existsSync(join(ROOT, w[key] as string)) }).toEqual({ [key]: w[key], exists: true });
      for (const template of (w.templates ?? []) as { path: string; parameters?: string }[]) {
        expect(existsSync(join(ROOT, template.path))).toBe(true);
        if (template.parameters) expect(existsSync(join(ROOT, template.parameters))).toBe(true);
      }
      if (typeof w.appPackagePath === 'string') {
        const earlier = (project[lifecycle] ?? []).slice(0, (project[lifecycle] ?? []).indexOf(step));
        expect(earlier.some((s) => s.uses === 'teamsApp/zipAppPackage' && s.with?.outputZipPath === w.appPackagePath)).toBe(true);
      }
    }
  });

  it('writes its outputs only where git ignores them', () => {
    for (const { step } of steps()) {
      const w = (step.with ?? {}) as Record<string, unknown>;
      const outputs = [w.outputZipPath, w.outputFolder, w.target, (w.testTool as { symlinkDir?: string } | undefined)?.symlinkDir].filter((p): p is string => typeof p === 'string');
      for (const output of outputs) expect({ output, ignored: gitIgnored(expand(output).replace(/^\.\//, '')) }).toEqual({ output, ignored: true });
    }
  });

  it('uses only variables its environment file defines or an earlier step writes', () => {
    const defined = new Set(envFile(`env/.env.${environment}`).keys());
    const undefinedUse: string[] = [];
    for (const { step } of steps()) {
      for (const name of placeholders(JSON.stringify(step.with ?? {}))) if (!defined.has(name)) undefinedUse.push(`${step.uses}: ${name}`);
      for (const variable of Object.values(step.writeToEnvironmentFile ?? {})) defined.add(variable);
      if (step.uses === 'arm/deploy') for (const template of step.with!.templates as { path: string }[]) bicepOutputs(read(template.path)).forEach((output) => defined.add(output));
      // The manifest's own placeholders must be known when the package is built.
      if (step.uses === 'teamsApp/zipAppPackage') for (const name of placeholders(read(step.with!.manifestPath as string))) if (!defined.has(name)) undefinedUse.push(`manifest: ${name}`);
    }
    expect(undefinedUse).toEqual([]);
  });

  it('maps the toolkit\'s variables onto settings the bot reads', () => {
    const written = steps().filter(({ step }) => step.uses === 'file/createOrUpdateEnvironmentFile');
    const botReads = namesRead(loadConfig, {});
    for (const { step } of written) {
      const names = Object.keys(step.with!.envs as Record<string, unknown>);
      expect(names.filter((name) => !botReads.has(name))).toEqual([]);
    }
  });
});

describe('Agents Toolkit lifecycles', () => {
  it('the schema check can fail: an unknown action, a missing parameter and a stray key are caught', () => {
    const broken = load('m365agents.yml');
    broken.provision![0] = { uses: 'teamsApp/deploy' };
    broken.provision![1] = { ...broken.provision![1], with: { subscriptionId: 'x', templates: [] } };
    (broken.deploy![0] as unknown as Record<string, unknown>).runs = 'npm ci';
    expect(schemaProblems(broken)).toEqual([
      "provision[0] teamsApp/deploy: not an action of the toolkit's list",
      'provision[1] arm/deploy: with.resourceGroupName is required',
      'deploy[0] cli/runNpmCommand: unknown key runs',
    ]);
  });

  it('dev provisions the Teams app and Azure, validates and zips the manifest, updates the app; deploys the staged build; publishes', () => {
    const project = load('m365agents.yml');
    expect(project.provision!.map((s) => s.uses)).toEqual(['teamsApp/create', 'arm/deploy', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']);
    expect(project.deploy!.map((s) => s.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(project.publish!.map((s) => s.uses).at(-1)).toBe('teamsApp/publishAppPackage');
    // Deploy uploads what `npm run stage:appservice` builds, and that script exists.
    const [, stage, upload] = project.deploy!;
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(stage.with!.args).toBe('run stage:appservice');
    expect(pkg.scripts['stage:appservice']).toContain('stageAppService');
    expect(upload.with!.artifactFolder).toBe(`./${STAGE_FOLDER}`);
    expect(gitIgnored(STAGE_FOLDER)).toBe(true);
  });

  it('local debug registers a single-tenant bot at the dev tunnel\'s endpoint and hands its secret to the bot', () => {
    const project = load('m365agents.local.yml');
    const aad = project.provision!.find((s) => s.uses === 'aadApp/create')!;
    expect(aad.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateClientSecret: true, generateServicePrincipal: true });
    const registration = project.provision!.find((s) => s.uses === 'botFramework/create')!;
    expect(registration.with).toMatchObject({ botId: '${{BOT_ID}}', messagingEndpoint: '${{BOT_ENDPOINT}}/api/messages', channels: [{ name: 'msteams' }] });
    const envs = project.deploy!.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')!.with!.envs as Record<string, string>;
    expect(envs).toEqual({ PORT: 3978, MicrosoftAppId: '${{BOT_ID}}', MicrosoftAppPassword: '${{SECRET_BOT_PASSWORD}}', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: '${{BOT_TENANT_ID}}' });
    // Given those, the bot starts in the mode the registration expects.
    const config = loadConfig({ MicrosoftAppId: '5c1f6a0e-2a7b-4c55-9a3e-0f1d2e3c4b5a', MicrosoftAppPassword: 'x-secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', PORT: '3978' });
    expect(config.bot.appType).toBe('SingleTenant');
  });

  it('env files hold no secrets (those go to the git-ignored .user files)', () => {
    for (const environment of Object.values(FILES)) {
      const values = envFile(`env/.env.${environment}`);
      expect([...values.keys()].filter((name) => name.startsWith('SECRET_') || /PASSWORD|CLIENT_SECRET/.test(name))).toEqual([]);
    }
    expect(gitIgnored('env/.env.local.user')).toBe(true);
  });
});

describe('.vscode debugging', () => {
  const launch = JSON.parse(read('.vscode/launch.json')) as {
    configurations: { name: string; program?: string; runtimeArgs?: string[]; envFile?: string; env?: Record<string, string> }[];
    compounds: { name: string; configurations: string[]; preLaunchTask?: string }[];
  };
  const tasks = (JSON.parse(read('.vscode/tasks.json')) as { tasks: { label: string; command?: string; dependsOn?: string[]; args?: { ports?: { portNumber: number }[] } }[] }).tasks;
  const labels = new Set(tasks.map((t) => t.label));

  it('every compound names launch configurations and tasks that exist', () => {
    const names = new Set(launch.configurations.map((c) => c.name));
    for (const compound of launch.compounds) {
      expect(compound.configurations.filter((c) => !names.has(c))).toEqual([]);
      if (compound.preLaunchTask) expect(labels.has(compound.preLaunchTask)).toBe(true);
    }
    for (const task of tasks) expect((task.dependsOn ?? []).filter((d) => !labels.has(d))).toEqual([]);
    expect(launch.compounds.map((c) => c.name)).toEqual(expect.arrayContaining(['Debug in Agents Playground', 'Debug in Teams (Edge)']));
  });

  it('debugs the bot the way `npm run dev` runs it, anonymous for the Playground and with .localConfigs for Teams', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    for (const config of launch.configurations.filter((c) => c.program)) {
      expect(existsSync(config.program!.replace('${workspaceFolder}', ROOT))).toBe(true);
      expect(`node ${config.runtimeArgs!.join(' ')} ${config.program!.replace('${workspaceFolder}/', '')}`).toBe(pkg.scripts.dev);
    }
    const local = load('m365agents.local.yml').deploy!.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')!;
    expect(launch.configurations.find((c) => c.envFile)!.envFile).toBe(`\${workspaceFolder}/${String(local.with!.target).replace(/^\.\//, '')}`);
    // Every identity setting blank, so one in .env neither authenticates nor (without an app id) stops the start.
    expect(launch.configurations.find((c) => c.name === 'Bot (anonymous, watch)')!.env).toEqual({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '', MicrosoftAppType: '', PORT: '3978' });
  });

  it('points the Playground and the dev tunnel at the bot\'s port, and the Playground at its own', () => {
    const playground = tasks.find((t) => t.label === 'Start Agents Playground')!.command!;
    expect(playground).toContain('-e http://127.0.0.1:3978/api/messages');
    expect(playground).toContain(`-p ${envFile('env/.env.playground').get('TEAMSAPPTESTER_PORT')}`);
    expect(tasks.find((t) => t.label === 'Start local tunnel')!.args!.ports![0].portNumber).toBe(3978);
  });
});
