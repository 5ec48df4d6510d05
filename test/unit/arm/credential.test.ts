import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { classifyArmError } from '../../../src/arm/armProblem';
import { buildArmCredential, TimedTokenCredential, TokenTimeoutError } from '../../../src/arm/credential';
import { readArmSettings } from '../../../src/arm/settings';

class CountingCredential implements TokenCredential {
  calls = 0;
  constructor(private readonly delayMs = 0) {}
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    this.calls += 1;
    if (this.delayMs) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, this.delayMs);
        options.abortSignal?.addEventListener?.('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        });
      });
    }
    return { token: `t-${[scopes].flat()[0]}`, expiresOnTimestamp: Date.now() + 3600_000 };
  }
}

describe('TimedTokenCredential', () => {
  it('signs in once for concurrent and repeated requests of the same scope', async () => {
    const inner = new CountingCredential(5);
    const credential = new TimedTokenCredential(() => inner, 1000);
    await Promise.all([credential.getToken('a/.default'), credential.getToken('a/.default'), credential.getToken('a/.default')]);
    await credential.getToken('a/.default');
    expect(inner.calls).toBe(1);
    await credential.getToken('b/.default');
    expect(inner.calls).toBe(2);
  });

  it('passes a claims challenge to the real credential', async () => {
    const inner = new CountingCredential();
    const credential = new TimedTokenCredential(() => inner, 1000);
    await credential.getToken('a/.default');
    await credential.getToken('a/.default', { claims: '{"access_token":{}}' });
    expect(inner.calls).toBe(2);
  });

  it('gives up at its time limit with a TokenTimeoutError', async () => {
    const credential = new TimedTokenCredential(() => new CountingCredential(10_000), 50);
    await expect(credential.getToken('a/.default')).rejects.toBeInstanceOf(TokenTimeoutError);
  });

  it('also when the credential ignores the abort signal', async () => {
    const stubborn: TokenCredential = { getToken: () => new Promise(() => undefined) };
    const credential = new TimedTokenCredential(() => stubborn, 50);
    await expect(credential.getToken('a/.default')).rejects.toBeInstanceOf(TokenTimeoutError);
  });

  it('builds the real credential only when a token is first needed', async () => {
    const build = jest.fn(() => new CountingCredential());
    const credential = new TimedTokenCredential(build, 1000);
    expect(build).not.toHaveBeenCalled();
    await credential.getToken('a/.default');
    await credential.getToken('b/.default');
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe('buildArmCredential', () => {
  it.each([
    [{ ARM_CREDENTIAL: 'ManagedIdentity' }, 'ManagedIdentityCredential'],
    [{ ARM_CREDENTIAL: 'ManagedIdentity', ARM_CLIENT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8' }, 'ManagedIdentityCredential'],
    [{ ARM_CREDENTIAL: 'ClientSecret', ARM_TENANT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8', ARM_CLIENT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8', ARM_CLIENT_SECRET: 'x' }, 'ClientSecretCredential'],
    [{ ARM_CREDENTIAL: 'ClientCertificate', ARM_TENANT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8', ARM_CLIENT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8', ARM_CLIENT_CERTIFICATE_PATH: '/nonexistent.pem' }, 'ClientCertificateCredential'],
    [{ ARM_CREDENTIAL: 'WorkloadIdentity', ARM_TENANT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8', ARM_CLIENT_ID: '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8', ARM_FEDERATED_TOKEN_FILE: '/nonexistent' }, 'WorkloadIdentityCredential'],
    [{}, 'DefaultAzureCredential'],
  ])('%p builds a %s (constructing one makes no call)', (env, name) => {
    const settings = readArmSettings(env);
    expect(buildArmCredential(settings.identity, settings.authorityHost).constructor.name).toBe(name);
  });

  describe('DefaultAzureCredential with nothing to find', () => {
    const saved = { ...process.env };
    beforeEach(() => {
      for (const name of Object.keys(process.env)) if (/^(AZURE_|IDENTITY_|MSI_|IMDS_)/.test(name)) delete process.env[name];
      // Only the environment credential: no managed-identity probe, no developer tools, no network.
      process.env.AZURE_TOKEN_CREDENTIALS = 'EnvironmentCredential';
    });
    afterEach(() => {
      process.env = { ...saved };
    });

    it('fails as "no credentials configured"', async () => {
      const settings = readArmSettings({});
      const credential = buildArmCredential(settings.identity, settings.authorityHost);
      const error = await credential.getToken(settings.tokenScope).catch((e: unknown) => e);
      expect(classifyArmError(error, 'read').kind).toBe('noCredentials');
    });
  });
});
