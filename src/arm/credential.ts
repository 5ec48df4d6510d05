import {
  ClientCertificateCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential,
} from '@azure/identity';
import type { ArmIdentitySettings } from './settings';

/**
 * The one place that turns configuration into an ARM identity. With nothing configured,
 * DefaultAzureCredential applies, so an admin signed in with the Azure CLI can run a check
 * from a bot on their own machine; in Azure it finds the managed identity.
 */
export function buildArmCredential(identity: ArmIdentitySettings, authorityHost: string): TokenCredential {
  switch (identity.credential) {
    case 'ManagedIdentity':
      // No authority host: the token comes from the local identity endpoint.
      return identity.clientId ? new ManagedIdentityCredential({ clientId: identity.clientId }) : new ManagedIdentityCredential();
    case 'ClientSecret':
      return new ClientSecretCredential(identity.tenantId!, identity.clientId!, identity.clientSecret!, { authorityHost });
    case 'ClientCertificate':
      return new ClientCertificateCredential(
        identity.tenantId!,
        identity.clientId!,
        { certificatePath: identity.certificatePath!, certificatePassword: identity.certificatePassword },
        { authorityHost },
      );
    case 'WorkloadIdentity':
      return new WorkloadIdentityCredential({
        authorityHost,
        ...(identity.tenantId ? { tenantId: identity.tenantId } : {}),
        ...(identity.clientId ? { clientId: identity.clientId } : {}),
        ...(identity.federatedTokenFile ? { tokenFilePath: identity.federatedTokenFile } : {}),
      });
    case 'Default':
      return new DefaultAzureCredential({ authorityHost, ...(identity.clientId ? { managedIdentityClientId: identity.clientId } : {}) });
  }
}

/** Token acquisition took longer than its limit (a slow or unreachable identity endpoint). */
export class TokenTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No ARM token within ${timeoutMs} ms`);
    this.name = 'TokenTimeoutError';
  }
}

/**
 * Wraps the real credential with a time limit and a shared cache. Every ARM client has its own
 * token cache; sharing one here means a check of a new subscription does not sign in again
 * (the Azure CLI credential, for one, spawns a process per token), and concurrent first calls
 * wait for one sign-in instead of starting several.
 */
export class TimedTokenCredential implements TokenCredential {
  private readonly cache = new Map<string, AccessToken>();
  private readonly pending = new Map<string, Promise<AccessToken | null>>();
  private built: TokenCredential | undefined;

  constructor(
    /** Built on first use, so a bot that never checks providers never touches an identity. */
    private readonly build: () => TokenCredential,
    private readonly timeoutMs: number,
    /** Reuse a token until this long before it expires (the pipeline refreshes 2 min early too). */
    private readonly refreshMarginMs = 5 * 60_000,
  ) {}

  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken | null> {
    const key = [scopes].flat().join(' ') + (options.tenantId ? `@${options.tenantId}` : '');
    // A claims challenge (continuous access evaluation) must reach the real credential.
    if (options.claims) return this.acquire(scopes, options);
    const cached = this.cache.get(key);
    if (cached && cached.expiresOnTimestamp - this.refreshMarginMs > Date.now()) return cached;
    let inFlight = this.pending.get(key);
    if (!inFlight) {
      inFlight = this.acquire(scopes, options)
        .then((token) => {
          if (token) this.cache.set(key, token);
          return token;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, inFlight);
    }
    return inFlight;
  }

  private credential(): TokenCredential {
    this.built ??= this.build();
    return this.built;
  }

  private async acquire(scopes: string | string[], options: GetTokenOptions): Promise<AccessToken | null> {
    const limit = AbortSignal.timeout(this.timeoutMs);
    const abortSignal = options.abortSignal ? AbortSignal.any([options.abortSignal as AbortSignal, limit]) : limit;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TokenTimeoutError(this.timeoutMs)), this.timeoutMs);
    });
    try {
      // Not every credential honours the abort signal, so the race is what enforces the limit.
      return await Promise.race([this.credential().getToken(scopes, { ...options, abortSignal }), timeout]);
    } catch (error) {
      // A credential that honours the signal fails with its own abort error; say what it was.
      if (limit.aborted && !options.abortSignal?.aborted) throw new TokenTimeoutError(this.timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
