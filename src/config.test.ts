import { ConfigError, loadConfig } from './config';

const APP = { MicrosoftAppId: '5c1f6a0e-2a7b-4c55-9a3e-0f1d2e3c4b5a', MicrosoftAppPassword: 'pw-123456', MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };

describe('configuration', () => {
  it('has safe defaults for a local run', () => {
    const config = loadConfig({});
    expect(config.server.port).toBe(3978);
    expect(config.bot.appId).toBeUndefined();
    expect(config.bot.appType).toBe('SingleTenant');
    expect(config.storage).toMatchObject({ kind: 'sqlite', sqlitePath: './data/cmg-assistant.db' });
    expect(config.access.approverIds).toEqual([]);
    expect(config.logLevel).toBe('info');
  });

  it('defaults an app registration to SingleTenant', () => {
    expect(loadConfig(APP).bot).toMatchObject({ appId: APP.MicrosoftAppId, appType: 'SingleTenant' });
  });

  it.each([
    [{ PORT: 'abc' }, /Invalid PORT: expected a whole number from 0 to 65535, got "abc"/],
    [{ PORT: '70000' }, /Invalid PORT/],
    [{ MicrosoftAppId: 'not-a-guid' }, /Invalid MicrosoftAppId: expected a GUID/],
    [{ MicrosoftAppType: 'Personal' }, /Invalid MicrosoftAppType: expected one of SingleTenant, UserAssignedMSI, MultiTenant/],
    [{ ...APP, MicrosoftAppTenantId: '' }, /Invalid MicrosoftAppTenantId/],
    [{ ...APP, MicrosoftAppPassword: '' }, /Invalid MicrosoftAppPassword/],
    [{ ...APP, MicrosoftAppType: 'UserAssignedMSI' }, /Invalid MicrosoftAppPassword: expected nothing when MicrosoftAppType is UserAssignedMSI/],
    [{ STORAGE: 'mongo' }, /Invalid STORAGE: expected one of sqlite, azure/],
    [{ STORAGE: 'azure' }, /Invalid AZURE_STORAGE_CONNECTION_STRING/],
    [{ APPROVER_IDS: 'alice@contoso.com' }, /Invalid APPROVER_IDS: expected a comma-separated list of Entra object ids/],
    [{ ALLOW_SELF_APPROVAL: 'maybe' }, /Invalid ALLOW_SELF_APPROVAL: expected true or false/],
    [{ LOG_LEVEL: 'loud' }, /Invalid LOG_LEVEL/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a secret in its error message', () => {
    try {
      loadConfig({ ...APP, MicrosoftAppType: 'UserAssignedMSI' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(String(error)).not.toContain(APP.MicrosoftAppPassword);
    }
  });

  it('normalizes approver ids (case, separators, duplicates)', () => {
    const ids = loadConfig({ APPROVER_IDS: 'AAAAAAAA-0000-0000-0000-000000000001, aaaaaaaa-0000-0000-0000-000000000001;bbbbbbbb-0000-0000-0000-000000000002' }).access.approverIds;
    expect(ids).toEqual(['aaaaaaaa-0000-0000-0000-000000000001', 'bbbbbbbb-0000-0000-0000-000000000002']);
  });
});
