import { ConfigError } from '../env';
import { readArmSettings } from './settings';

describe('ARM settings', () => {
  it('defaults to the public cloud, DefaultAzureCredential and bounded timings', () => {
    const s = readArmSettings({});
    expect(s).toMatchObject({
      cloud: 'AzureCloud',
      armEndpoint: 'https://management.azure.com',
      tokenScope: 'https://management.azure.com/.default',
      authorityHost: 'https://login.microsoftonline.com',
      identity: { credential: 'Default' },
      maxConcurrentCalls: 10,
    });
    expect(s.tokenTimeoutMs).toBeLessThanOrEqual(s.requestTimeoutMs);
  });

  it('sets authority, endpoint and scope together for US Government and China', () => {
    expect(readArmSettings({ AZURE_CLOUD: 'azureusgovernment' })).toMatchObject({
      cloud: 'AzureUSGovernment',
      armEndpoint: 'https://management.usgovcloudapi.net',
      tokenScope: 'https://management.usgovcloudapi.net/.default',
      authorityHost: 'https://login.microsoftonline.us',
    });
    expect(readArmSettings({ AZURE_CLOUD: 'AzureChinaCloud' })).toMatchObject({
      armEndpoint: 'https://management.chinacloudapi.cn',
      tokenScope: 'https://management.chinacloudapi.cn/.default',
      authorityHost: 'https://login.chinacloudapi.cn',
    });
  });

  it('takes an explicit ARM endpoint (Azure Stack Hub) with its own scope', () => {
    const s = readArmSettings({ ARM_ENDPOINT: 'https://management.local.azurestack.external/', ARM_TOKEN_SCOPE: 'https://management.adfs.azurestack.local/abc/.default' });
    expect(s.armEndpoint).toBe('https://management.local.azurestack.external');
    expect(s.tokenScope).toBe('https://management.adfs.azurestack.local/abc/.default');
    expect(readArmSettings({ ARM_ENDPOINT: 'https://arm.example.test' }).tokenScope).toBe('https://arm.example.test/.default');
  });

  it.each([
    [{ AZURE_CLOUD: 'AzureGermanCloud' }, 'AZURE_CLOUD'],
    [{ ARM_ENDPOINT: 'http://management.azure.com' }, 'ARM_ENDPOINT'],
    [{ ARM_CREDENTIAL: 'Password' }, 'ARM_CREDENTIAL'],
    [{ ARM_CREDENTIAL: 'ClientSecret', ARM_CLIENT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8', ARM_CLIENT_SECRET: 's' }, 'ARM_TENANT_ID'],
    [{ ARM_CREDENTIAL: 'ClientCertificate', ARM_TENANT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8', ARM_CLIENT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8' }, 'ARM_CLIENT_CERTIFICATE_PATH'],
    [{ PROVIDER_DEFAULT_SUBSCRIPTION_ID: 'my-sub' }, 'PROVIDER_DEFAULT_SUBSCRIPTION_ID'],
    [{ ARM_TOKEN_TIMEOUT_MS: '0' }, 'ARM_TOKEN_TIMEOUT_MS'],
    [{ ARM_MAX_CONCURRENT_CALLS: '0' }, 'ARM_MAX_CONCURRENT_CALLS'],
  ])('refuses %p naming %s', (env, variable) => {
    expect(() => readArmSettings(env)).toThrow(ConfigError);
    expect(() => readArmSettings(env)).toThrow(variable);
  });
});
