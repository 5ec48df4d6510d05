import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { ArmConnection } from '../arm';
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

/** Clients kept per subscription so their connections and token stay warm; bounded. */
const MAX_CLIENTS = 50;

/** The RBAC action each read needs: a 403 names it, so the admin knows what the bot's role lacks. */
const PERMISSIONS = {
  subscription: 'Microsoft.Resources/subscriptions/read',
  provider: 'Microsoft.Resources/subscriptions/providers/read',
  locations: 'Microsoft.Resources/subscriptions/locations/read',
};

/** The real ARM, through @azure/arm-resources on the bot's shared ARM connection (identity, pipeline, cap). */
export class AzureArmGateway implements ArmGateway {
  private readonly clients = new Map<string, ResourceManagementClient>();
  private subscriptions: SubscriptionClient | undefined;

  constructor(private readonly connection: ArmConnection) {}

  async readSubscription(subscriptionId: string): Promise<SubscriptionFacts> {
    const client = this.subscriptionClient();
    const subscription = await this.connection.call('read', (abortSignal) => client.subscriptions.get(subscriptionId, { abortSignal }), { permission: PERMISSIONS.subscription });
    return {
      id: subscriptionId,
      displayName: subscription.displayName,
      state: subscription.state,
      quotaId: subscription.subscriptionPolicies?.quotaId,
    };
  }

  async readProvider(subscriptionId: string, namespace: CmgProvider): Promise<ProviderState> {
    const client = this.client(subscriptionId);
    const provider = await this.connection.call('read', (abortSignal) => client.providers.get(namespace, { abortSignal }), { namespace, permission: PERMISSIONS.provider });
    return { namespace, state: provider.registrationState ?? 'NotRegistered' };
  }

  async register(subscriptionId: string, namespace: CmgProvider): Promise<ProviderState> {
    const client = this.client(subscriptionId);
    const provider = await this.connection.call('register', (abortSignal) => client.providers.register(namespace, { abortSignal }), {
      namespace,
      permission: `${namespace}/register/action`,
    });
    return { namespace, state: provider.registrationState ?? 'Registering' };
  }

  async listLocations(subscriptionId: string, signal?: AbortSignal): Promise<SubscriptionLocation[]> {
    const client = this.subscriptionClient();
    return this.connection.call(
      'read',
      async (abortSignal) => {
        const locations: SubscriptionLocation[] = [];
        for await (const location of client.subscriptions.listLocations(subscriptionId, { abortSignal })) {
          if (!location.name || !location.displayName) continue;
          locations.push({ name: location.name, displayName: location.displayName, type: location.type, regionType: location.metadata?.regionType });
        }
        return locations;
      },
      { permission: PERMISSIONS.locations, signal },
    );
  }

  private subscriptionClient(): SubscriptionClient {
    this.subscriptions ??= new SubscriptionClient(this.connection.credential, this.connection.clientOptions);
    return this.subscriptions;
  }

  private client(subscriptionId: string): ResourceManagementClient {
    let client = this.clients.get(subscriptionId);
    if (!client) {
      if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
      client = new ResourceManagementClient(this.connection.credential, subscriptionId, this.connection.clientOptions);
      this.clients.set(subscriptionId, client);
    }
    return client;
  }
}
