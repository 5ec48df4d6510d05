import { Env, readEnum, readGuid, readInt, readOptional, readUrl, ConfigError } from '../env';
import { AZURE_CLOUDS, AzureCloudName, cloudProfile } from './azureCloud';

export type ArmCredentialKind = 'Default' | 'ManagedIdentity' | 'ClientSecret' | 'ClientCertificate' | 'WorkloadIdentity';

export const ARM_CREDENTIAL_KINDS: readonly ArmCredentialKind[] = ['Default', 'ManagedIdentity', 'ClientSecret', 'ClientCertificate', 'WorkloadIdentity'];

/** How the bot signs in to Azure Resource Manager; separate from the bot's own Bot Framework identity. */
export interface ArmIdentitySettings {
  credential: ArmCredentialKind;
  tenantId?: string;
  /** App registration (secret, certificate, workload identity) or user-assigned managed identity. */
  clientId?: string;
  clientSecret?: string;
  certificatePath?: string;
  certificatePassword?: string;
  /** Workload identity: the projected service-account token; the SDK falls back to AZURE_FEDERATED_TOKEN_FILE. */
  federatedTokenFile?: string;
}

/**
 * How the bot reaches Azure Resource Manager, shared by everything that reads it (the provider
 * check, the name pre-flight, the region refresh): one identity, one cloud, one set of limits.
 */
export interface ArmSettings {
  cloud: AzureCloudName;
  /** ARM base URL: the cloud's, or an explicit one (Azure Stack Hub and other custom clouds). */
  armEndpoint: string;
  /** Token scope for ARM; always passed explicitly (the SDK asks for the public-cloud scope otherwise). */
  tokenScope: string;
  /** Entra authority for credentials that sign in themselves. */
  authorityHost: string;
  identity: ArmIdentitySettings;
  /** The subscription a check without an id uses (provider check, name pre-flight, region refresh). */
  defaultSubscriptionId?: string;
  /** A slow or misconfigured identity must not hold a Teams turn. */
  tokenTimeoutMs: number;
  /** Per ARM call, including the SDK's retries and any wait for a free slot under the cap below. */
  requestTimeoutMs: number;
  maxRetries: number;
  /** Longest server-asked wait (Retry-After) the bot sits out; longer ones become a "try again at" message. */
  retryAfterCapSeconds: number;
  /** ARM calls in flight at once across the whole bot; more wait for a slot. */
  maxConcurrentCalls: number;
}

/** Reads the ARM section; every bad value names its variable. */
export function readArmSettings(env: Env): ArmSettings {
  const cloud = readEnum<AzureCloudName>(env, 'AZURE_CLOUD', AZURE_CLOUDS, 'AzureCloud');
  const profile = cloudProfile(cloud);
  const armEndpoint = readUrl(env, 'ARM_ENDPOINT') ?? profile.armEndpoint;
  return {
    cloud,
    armEndpoint,
    tokenScope: readOptional(env, 'ARM_TOKEN_SCOPE') ?? (readOptional(env, 'ARM_ENDPOINT') ? `${armEndpoint}/.default` : profile.tokenScope),
    authorityHost: readUrl(env, 'AZURE_AUTHORITY_HOST') ?? profile.authorityHost,
    identity: readIdentity(env),
    defaultSubscriptionId: readGuid(env, 'PROVIDER_DEFAULT_SUBSCRIPTION_ID'),
    tokenTimeoutMs: readInt(env, 'ARM_TOKEN_TIMEOUT_MS', 10_000, 100, 120_000),
    requestTimeoutMs: readInt(env, 'ARM_REQUEST_TIMEOUT_MS', 20_000, 100, 300_000),
    maxRetries: readInt(env, 'ARM_MAX_RETRIES', 2, 0, 5),
    retryAfterCapSeconds: readInt(env, 'ARM_RETRY_AFTER_CAP_SECONDS', 5, 0, 60),
    // Two provider checks (five reads each) at once. ARM's read bucket per identity holds 250
    // and refills at 25 a second, so ten short reads in flight stay far inside it, while a burst
    // of forty checks queues here instead of turning into hundreds of requests.
    maxConcurrentCalls: readInt(env, 'ARM_MAX_CONCURRENT_CALLS', 10, 1, 100),
  };
}

function readIdentity(env: Env): ArmIdentitySettings {
  const credential = readEnum(env, 'ARM_CREDENTIAL', ARM_CREDENTIAL_KINDS, 'Default');
  const settings: ArmIdentitySettings = {
    credential,
    tenantId: readGuid(env, 'ARM_TENANT_ID'),
    clientId: readGuid(env, 'ARM_CLIENT_ID'),
    clientSecret: readOptional(env, 'ARM_CLIENT_SECRET'),
    certificatePath: readOptional(env, 'ARM_CLIENT_CERTIFICATE_PATH'),
    certificatePassword: readOptional(env, 'ARM_CLIENT_CERTIFICATE_PASSWORD'),
    federatedTokenFile: readOptional(env, 'ARM_FEDERATED_TOKEN_FILE'),
  };
  const need = (variable: keyof ArmIdentitySettings, name: string, what: string) => {
    if (!settings[variable]) throw new ConfigError(name, `${what} when ARM_CREDENTIAL is ${credential}`, undefined);
  };
  if (credential === 'ClientSecret' || credential === 'ClientCertificate') {
    need('tenantId', 'ARM_TENANT_ID', 'the Entra tenant id');
    need('clientId', 'ARM_CLIENT_ID', "the app registration's client id");
  }
  if (credential === 'ClientSecret') need('clientSecret', 'ARM_CLIENT_SECRET', "the app registration's client secret");
  if (credential === 'ClientCertificate') need('certificatePath', 'ARM_CLIENT_CERTIFICATE_PATH', 'the path of a PEM file with certificate and private key');
  return settings;
}
