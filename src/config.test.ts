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

  it.each([['MicrosoftAppPassword', 'a-secret-value'], ['MicrosoftAppTenantId', APP.MicrosoftAppTenantId], ['MicrosoftAppType', 'SingleTenant'], ['MicrosoftAppType', 'MultiTenant'], ['CertificateThumbprint', 'AB12'], ['CertificatePrivateKey', 'pem']])(
    'refuses to start anonymously when %s is set without MicrosoftAppId',
    (name, value) => {
      expect(() => loadConfig({ [name]: value })).toThrow(`Invalid MicrosoftAppId: expected the bot's app (client) id, because ${name} is set`);
      expect(() => loadConfig({ [name]: value, MicrosoftAppId: '   ' })).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(/, got nothing$/);
    },
  );

  it('listens on this machine only when anonymous, on every interface when authenticated, and where HOST says when set', () => {
    expect(loadConfig({}).server.host).toBe('127.0.0.1');
    expect(loadConfig(APP).server.host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).server.host).toBe('0.0.0.0');
    expect(loadConfig({ ...APP, HOST: '127.0.0.1' }).server.host).toBe('127.0.0.1');
  });

  it.each([
    ['anonymous local mode: any tenant', {}, { kind: 'any' }],
    ['SingleTenant: its own tenant', APP, { kind: 'only', tenantIds: [APP.MicrosoftAppTenantId] }],
    ['UserAssignedMSI: its own tenant', { ...APP, MicrosoftAppPassword: '', MicrosoftAppType: 'UserAssignedMSI' }, { kind: 'only', tenantIds: [APP.MicrosoftAppTenantId] }],
    ['MultiTenant: any tenant', { ...APP, MicrosoftAppType: 'MultiTenant' }, { kind: 'any' }],
    ['a list, lower-cased', { ...APP, ALLOWED_TENANT_IDS: 'AAAAAAAA-0000-0000-0000-000000000001, bbbbbbbb-0000-0000-0000-000000000002' }, { kind: 'only', tenantIds: ['aaaaaaaa-0000-0000-0000-000000000001', 'bbbbbbbb-0000-0000-0000-000000000002'] }],
    ['* for any', { ...APP, ALLOWED_TENANT_IDS: '*' }, { kind: 'any' }],
  ])('ALLOWED_TENANT_IDS default and values: %s', (_case, env, expected) => {
    expect(loadConfig(env).bot.tenants).toEqual(expected);
  });

  it('refuses an allow-list entry that is not a tenant id', () => {
    expect(() => loadConfig({ ALLOWED_TENANT_IDS: 'contoso.com' })).toThrow('Invalid ALLOWED_TENANT_IDS: expected a comma-separated list of Entra tenant ids (GUIDs), or * for any tenant, got "contoso.com"');
  });

  it('bounds each turn and each person by default', () => {
    expect(loadConfig({}).bot.limits).toEqual({ maxMessageChars: 16_000, maxCardDataChars: 16_000, userTurnsPerMinute: 60 });
    expect(loadConfig({ USER_TURNS_PER_MINUTE: '0' }).bot.limits.userTurnsPerMinute).toBe(0);
    expect(loadConfig({}).server.readyCacheMs).toBe(5000);
  });

  it('normalizes approver ids (case, separators, duplicates)', () => {
    const ids = loadConfig({ APPROVER_IDS: 'AAAAAAAA-0000-0000-0000-000000000001, aaaaaaaa-0000-0000-0000-000000000001;bbbbbbbb-0000-0000-0000-000000000002' }).access.approverIds;
    expect(ids).toEqual(['aaaaaaaa-0000-0000-0000-000000000001', 'bbbbbbbb-0000-0000-0000-000000000002']);
  });

  it('reads cutover hour settings with decimals, so a trial run can watch a nudge arrive', () => {
    const config = loadConfig({ CUTOVER_APPROVAL_NUDGE_HOURS: '0.01', CUTOVER_ESCALATE_AFTER_HOURS: '1.5' });
    expect(config.cutover.nudgeHours).toBe(0.01);
    expect(config.cutover.escalateAfterHours).toBe(1.5);
    expect(loadConfig({}).cutover).toMatchObject({ nudgeHours: 8, escalateAfterHours: 24, approvalsRequired: 1, escalationIds: [] });
    expect(() => loadConfig({ CUTOVER_APPROVAL_NUDGE_HOURS: 'soon' })).toThrow(/CUTOVER_APPROVAL_NUDGE_HOURS/);
    expect(() => loadConfig({ CUTOVER_APPROVALS_REQUIRED: '0' })).toThrow(/CUTOVER_APPROVALS_REQUIRED/);
    // More approvals than people who may give them: refused at start-up, not discovered on a stuck plan.
    const one = '3f2a9c1e-7b4d-4e8a-9c55-1a2b3c4d5e02';
    expect(() => loadConfig({ APPROVER_IDS: one, CUTOVER_APPROVALS_REQUIRED: '2' })).toThrow(/CUTOVER_APPROVALS_REQUIRED/);
    expect(loadConfig({ APPROVER_IDS: one, CUTOVER_ESCALATION_IDS: '3f2a9c1e-7b4d-4e8a-9c55-1a2b3c4d5e03', CUTOVER_APPROVALS_REQUIRED: '2' }).cutover.approvalsRequired).toBe(2);
  });
});
