import { ResourceManagementClient, type ResourceManagementClientOptionalParams } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/identity';
import { ArmOperation, ArmProblem, classifyArmError, RetryAfterTooLongError, retryAfterSeconds } from './armProblem';
import type { SubscriptionLocation } from '../naming/regionRefresh';
import type { CmgProvider, ProviderState, SubscriptionFacts } from './providerCheckResult';

/** What the provider check needs from Azure Resource Manager; every failure is an ArmProblem. */
export interface ArmGateway {
  readSubscription(subscriptionId: string): Promise<SubscriptionFacts>;
  readProvider(subscriptionId: string, namespace: CmgProvider): Promise<ProviderState>;
  register(subscriptionId: string, namespace: CmgProvider): Promise<ProviderState>;
  /** The subscription's location list (regions and logical groupings), every page. */
  listLocations(subscriptionId: string, signal?: AbortSignal): Promise<SubscriptionLocation[]>;
}

export interface ArmGatewayOptions {
  credential: TokenCredential;
  endpoint: string;
  tokenScope: string;
  requestTimeoutMs: number;
  maxRetries: number;
  retryAfterCapSeconds: number;
  /** Extra trusted CA (PEM), for a private ARM such as Azure Stack Hub or a local test server. */
  caPem?: string;
  /** First exponential back-off step; tests make it tiny. */
  retryDelayMs?: number;
}

type PipelinePolicy = NonNullable<ResourceManagementClientOptionalParams['additionalPolicies']>[number]['policy'];

/** Clients kept per subscription so their connections and token stay warm; bounded. */
const MAX_CLIENTS = 50;

/** The real ARM, through @azure/arm-resources and its pipeline (retries, bearer token, TLS). */
export class AzureArmGateway implements ArmGateway {
  private readonly clients = new Map<string, ResourceManagementClient>();
  private subscriptions: SubscriptionClient | undefined;
  private readonly clientOptions: ResourceManagementClientOptionalParams;

  constructor(private readonly options: ArmGatewayOptions) {
    this.clientOptions = {
      endpoint: options.endpoint,
      // The SDK asks for the public-cloud scope unless told; US Government ARM would refuse that token.
      credentials: { scopes: [options.tokenScope] },
      retryOptions: { maxRetries: options.maxRetries, retryDelayInMs: options.retryDelayMs ?? 800, maxRetryDelayInMs: options.retryAfterCapSeconds * 1000 || 1000 },
      additionalPolicies: [{ policy: capRetryAfter(options.retryAfterCapSeconds), position: 'perRetry' }],
      // One object, so every client shares one TLS agent (keep-alive connections stay warm).
      ...(options.caPem ? { tlsOptions: { ca: options.caPem } } : {}),
      userAgentOptions: { userAgentPrefix: 'cmg-assistant' },
    };
  }

  async readSubscription(subscriptionId: string): Promise<SubscriptionFacts> {
    const client = this.subscriptionClient();
    const subscription = await this.call('read', undefined, (abortSignal) => client.subscriptions.get(subscriptionId, { abortSignal }));
    return {
      id: subscriptionId,
      displayName: subscription.displayName,
      state: subscription.state,
      quotaId: subscription.subscriptionPolicies?.quotaId,
    };
  }

  async readProvider(subscriptionId: string, namespace: CmgProvider): Promise<ProviderState> {
    const client = this.client(subscriptionId);
    const provider = await this.call('read', namespace, (abortSignal) => client.providers.get(namespace, { abortSignal }));
    return { namespace, state: provider.registrationState ?? 'NotRegistered' };
  }

  async register(subscriptionId: string, namespace: CmgProvider): Promise<ProviderState> {
    const client = this.client(subscriptionId);
    const provider = await this.call('register', namespace, (abortSignal) => client.providers.register(namespace, { abortSignal }));
    return { namespace, state: provider.registrationState ?? 'Registering' };
  }

  async listLocations(subscriptionId: string, signal?: AbortSignal): Promise<SubscriptionLocation[]> {
    const client = this.subscriptionClient();
    return this.call(
      'read',
      undefined,
      async (abortSignal) => {
        const locations: SubscriptionLocation[] = [];
        for await (const location of client.subscriptions.listLocations(subscriptionId, { abortSignal })) {
          if (!location.name || !location.displayName) continue;
          locations.push({ name: location.name, displayName: location.displayName, type: location.type, regionType: location.metadata?.regionType });
        }
        return locations;
      },
      signal,
    );
  }

  private subscriptionClient(): SubscriptionClient {
    this.subscriptions ??= new SubscriptionClient(this.options.credential, this.clientOptions);
    return this.subscriptions;
  }

  /** Every call gets a deadline covering its retries; every failure leaves as an ArmProblem. */
  private async call<T>(operation: ArmOperation, namespace: CmgProvider | undefined, send: (abortSignal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      const deadline = AbortSignal.timeout(this.options.requestTimeoutMs);
      return await send(signal ? AbortSignal.any([signal, deadline]) : deadline);
    } catch (error) {
      throw classifyArmError(error, operation, namespace);
    }
  }

  private client(subscriptionId: string): ResourceManagementClient {
    let client = this.clients.get(subscriptionId);
    if (!client) {
      if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
      client = new ResourceManagementClient(this.options.credential, subscriptionId, this.clientOptions);
      this.clients.set(subscriptionId, client);
    }
    return client;
  }
}

/**
 * The SDK sleeps for whatever Retry-After ARM sends on 429/503, without an upper bound. This
 * policy sits inside the retry loop and stops a wait longer than the cap, so the person is
 * told when to try again instead of a turn hanging for minutes.
 */
function capRetryAfter(capSeconds: number): PipelinePolicy {
  return {
    name: 'cmgCapRetryAfter',
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status === 429 || response.status === 503) {
        const seconds = retryAfterSeconds((name) => response.headers.get(name));
        if (seconds !== undefined && seconds > capSeconds) throw new RetryAfterTooLongError(response.status, seconds);
      }
      return response;
    },
  };
}

export { ArmProblem };
