import { existsSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { generate } from 'selfsigned';

/** test/fixtures/arm, found from here or from the compiled copy under dist/ (benchmarks). */
function fixturesFolder(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'test', 'fixtures', 'arm');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('test/fixtures/arm not found above ' + __dirname);
  }
}

const FIXTURES = fixturesFolder();

interface Fixture {
  parameters?: Record<string, unknown>;
  responses: Record<string, { headers?: Record<string, string>; body?: unknown }>;
}

function fixture(path: string): Fixture {
  return JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as Fixture;
}

/** An ARM answer read from test/fixtures/arm/errors/<name>.json: status, headers and body. */
export function armErrorFixture(name: string): ArmFault {
  const [status, answer] = Object.entries(fixture(`errors/${name}.json`).responses)[0];
  return { status: Number(status), headers: answer.headers, body: answer.body };
}

/** Which ARM operation a request is. */
export type ArmRoute = 'subscription' | 'provider' | 'providers' | 'register' | 'locations' | NameCheckRoute;

/** The name pre-flight's four reads: DNS label in a region, Key Vault name, storage account name, VM sizes of a region. */
export type NameCheckRoute = 'dnsName' | 'vaultName' | 'storageName' | 'skus';

/** A resource kind whose name can be taken: the scale set's DNS label (per region), a Key Vault, a storage account. */
export type NameKind = 'dns' | 'keyVault' | 'storage';

export interface SizeRestriction {
  type?: 'Location' | 'Zone';
  reasonCode?: string;
  /** For a Zone restriction: the zones it covers. */
  zones?: string[];
}

const NAME_ROUTES: { route: NameCheckRoute; pattern: RegExp; namespace: string }[] = [
  { route: 'dnsName', pattern: /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Network\/locations\/([^/]+)\/CheckDnsNameAvailability\/?$/i, namespace: 'Microsoft.Network' },
  { route: 'vaultName', pattern: /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.KeyVault\/checkNameAvailability\/?$/i, namespace: 'Microsoft.KeyVault' },
  { route: 'storageName', pattern: /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Storage\/checkNameAvailability\/?$/i, namespace: 'Microsoft.Storage' },
  { route: 'skus', pattern: /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Compute\/skus\/?$/i, namespace: 'Microsoft.Compute' },
];

export interface ArmFault {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Close the socket without answering (a dropped connection). */
  drop?: boolean;
}

interface FaultRule {
  route?: ArmRoute;
  namespace?: string;
  fault: ArmFault;
  /** How many more requests this rule answers; Infinity for "until cleared". */
  remaining: number;
}

export interface ArmRequest {
  method: string;
  path: string;
  route?: ArmRoute;
  namespace?: string;
  subscriptionId?: string;
  authorization?: string;
  apiVersion?: string;
  /** Query parameters as sent (domainNameLabel, $filter, …). */
  query: Record<string, string>;
  /** A JSON request body, parsed (the name checks' `{name, type}`). */
  body?: unknown;
  at: number;
}

export interface FakeSubscription {
  displayName: string;
  state: string;
  quotaId: string;
  /** Provider namespace (any case) → registrationState. */
  providers: Record<string, string>;
}

/** The four CMG providers in mixed states, as in Providers_List-cmg-mixed.json. */
export function mixedProviders(): Record<string, string> {
  const list = fixture('derived/Providers_List-cmg-mixed.json').responses['200'].body as { value: { namespace: string; registrationState: string }[] };
  return Object.fromEntries(list.value.map((p) => [p.namespace, p.registrationState]));
}

let certificate: Promise<{ cert: string; key: string }> | undefined;

/** One throwaway certificate for 127.0.0.1 per test process; no key material is committed. */
export function loopbackCertificate(): Promise<{ cert: string; key: string }> {
  certificate ??= generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 24 * 3600_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  }).then((pems) => ({ cert: pems.cert, key: pems.private }));
  return certificate;
}

/**
 * A local HTTPS look-alike of Azure Resource Manager for the operations the provider check
 * uses: read a subscription, read a provider, list providers, register a provider (and, for the
 * region refresh, list a subscription's locations); and the name pre-flight's four reads (DNS
 * label, Key Vault and storage account name checks, a region's SKU list) with names a test marks
 * as taken and sizes it restricts. It counts requests in flight, and keeps
 * provider state per subscription (register moves NotRegistered → Registering → Registered
 * after a few reads), checks the bearer token's audience, and can be told to answer with an
 * ARM error, add latency, hold requests, or drop the connection. Loopback only.
 */
export class LocalArm {
  readonly requests: ArmRequest[] = [];
  /** Added before every answer. */
  latencyMs = 0;
  /** Reads of a Registering provider before it shows Registered. */
  readsUntilRegistered = 2;
  /**
   * Answer a name pre-flight read as ARM does in a subscription that has not registered the
   * read's namespace: 409 MissingSubscriptionRegistration. Off by default, because most tests
   * keep the mixed provider states of the provider check and still want names answered.
   */
  nameChecksNeedRegistration = false;
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  private readonly taken: Record<NameKind, Set<string>> = { dns: new Set(), keyVault: new Set(), storage: new Set() };
  /** `region/sku` (lower case) → restriction, or null for a size the region does not list at all. */
  private readonly sizeRules = new Map<string, SizeRestriction | null>();
  private readonly skuTemplate = (fixture('derived/ResourceSkus_List-cmg-sizes.json').responses['200'].body as { value: Record<string, unknown>[] }).value;
  private readonly subscriptions = new Map<string, FakeSubscription>();
  private readonly registeringReads = new Map<string, number>();
  private readonly faults: FaultRule[] = [];
  private gate: Promise<void> | undefined;
  private server: Server | undefined;
  private providerBodies: Map<string, Record<string, unknown>>;
  /** Every subscription's location list, from derived/Subscriptions_ListLocations.json plus `addLocation`. */
  private readonly locations = (fixture('derived/Subscriptions_ListLocations.json').responses['200'].body as { value: Record<string, unknown>[] }).value;
  url = '';
  caPem = '';

  constructor(
    /** The token scope a caller must have asked for, as FakeArmCredential encodes it. */
    private readonly expectedScope = 'https://management.azure.com/.default',
  ) {
    const list = fixture('derived/Providers_List-cmg-mixed.json').responses['200'].body as { value: Record<string, unknown>[] };
    this.providerBodies = new Map(list.value.map((p) => [String(p.namespace).toLowerCase(), p]));
  }

  async start(): Promise<this> {
    const { cert, key } = await loopbackCertificate();
    this.caPem = cert;
    this.server = createServer({ cert, key }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.release();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  addSubscription(id: string, facts: Partial<FakeSubscription> = {}): void {
    this.subscriptions.set(id.toLowerCase(), {
      displayName: facts.displayName ?? 'Contoso CMG',
      state: facts.state ?? 'Enabled',
      quotaId: facts.quotaId ?? 'EnterpriseAgreement_2014-09-01',
      providers: { ...mixedProviders(), ...facts.providers },
    });
  }

  /** Lists one more physical region in every subscription's location list. */
  addLocation(name: string, displayName: string): void {
    this.locations.push({ id: `/subscriptions/00000000-0000-0000-0000-000000000000/locations/${name}`, name, type: 'Region', displayName, regionalDisplayName: displayName, metadata: { regionType: 'Physical', regionCategory: 'Recommended' } });
  }

  /** Marks a name as taken in Azure; a DNS label is taken in one region (`label` plus `region`). */
  takeName(kind: NameKind, name: string, region?: string): void {
    this.taken[kind].add(kind === 'dns' ? `${name.toLowerCase()}.${(region ?? '').toLowerCase()}` : name.toLowerCase());
  }

  /** Restricts a VM size in a region for every subscription (default: NotAvailableForSubscription in the whole region). */
  restrictSize(region: string, sku: string, restriction: SizeRestriction = {}): void {
    this.sizeRules.set(`${region}/${sku}`.toLowerCase(), { type: 'Location', reasonCode: 'NotAvailableForSubscription', ...restriction });
  }

  /** Leaves a VM size out of a region's SKU list altogether. */
  withdrawSize(region: string, sku: string): void {
    this.sizeRules.set(`${region}/${sku}`.toLowerCase(), null);
  }

  providerState(subscriptionId: string, namespace: string): string | undefined {
    const providers = this.subscriptions.get(subscriptionId.toLowerCase())?.providers ?? {};
    const key = Object.keys(providers).find((name) => name.toLowerCase() === namespace.toLowerCase());
    return key ? providers[key] : undefined;
  }

  /** Answers the next `times` matching requests with `fault` (Infinity: until `clearFaults`). */
  fail(match: { route?: ArmRoute; namespace?: string }, fault: ArmFault, times = Infinity): void {
    this.faults.push({ ...match, fault, remaining: times });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Requests wait until `release()`: lets a test see what the bot does while Azure is slow. */
  hold(): void {
    if (this.gate) return;
    this.gate = new Promise<void>((resolve) => (this.releaseGate = resolve));
  }

  release(): void {
    this.releaseGate?.();
    this.gate = undefined;
    this.releaseGate = undefined;
  }

  private releaseGate: (() => void) | undefined;

  count(route: ArmRoute, namespace?: string): number {
    return this.requests.filter((r) => r.route === route && (!namespace || r.namespace?.toLowerCase() === namespace.toLowerCase())).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => (this.inFlight -= 1));
    const chunks: Buffer[] = [];
    // ARM's POST register has an empty body; the name checks send `{name, type}`.
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const named = NAME_ROUTES.map(({ route, pattern }) => ({ route, match: pattern.exec(url.pathname) })).find((candidate) => candidate.match);
    if (named) return this.handleNameCheck(req, res, url, named.route, named.match!, chunks);
    const match = /^\/subscriptions\/([^/]+)(?:\/providers(?:\/([^/]+)(\/register)?)?)?\/?$/i.exec(url.pathname);
    const locations = /^\/subscriptions\/([^/]+)\/locations\/?$/i.exec(url.pathname);
    const route: ArmRoute | undefined = locations ? 'locations' : !match ? undefined : match[3] ? 'register' : match[2] ? 'provider' : /\/providers\/?$/i.test(url.pathname) ? 'providers' : 'subscription';
    const request: ArmRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      route,
      namespace: match?.[2],
      subscriptionId: (match ?? locations)?.[1]?.toLowerCase(),
      authorization: req.headers.authorization,
      apiVersion: url.searchParams.get('api-version') ?? undefined,
      query: Object.fromEntries(url.searchParams),
      at: Date.now(),
    };
    const subscription = await this.admit(req, res, request);
    if (!subscription) return;
    // admit() answered every request without a subscription id.
    const subscriptionId = request.subscriptionId!;
    switch (route) {
      case 'subscription':
        return send(res, 200, this.subscriptionBody(subscriptionId, subscription));
      case 'locations':
        return send(res, 200, rewriteSubscription({ value: this.locations }, subscriptionId));
      case 'providers':
        return send(res, 200, { value: Object.keys(subscription.providers).map((ns) => this.providerBody(subscriptionId, subscription, ns)) });
      case 'provider': {
        const key = this.namespaceKey(subscription, request.namespace!);
        if (!key) return send(res, 404, { error: { code: 'InvalidResourceNamespace', message: `The resource namespace '${request.namespace}' is invalid.` } });
        this.advanceRegistration(subscriptionId, subscription, key);
        return send(res, 200, this.providerBody(subscriptionId, subscription, key));
      }
      case 'register': {
        if (req.method !== 'POST') return send(res, 405, { error: { code: 'MethodNotAllowed', message: 'use POST' } });
        const key = this.namespaceKey(subscription, request.namespace!) ?? request.namespace!;
        if ((subscription.providers[key] ?? 'NotRegistered') !== 'Registered') {
          subscription.providers[key] = 'Registering';
          this.registeringReads.set(`${subscriptionId}/${key.toLowerCase()}`, 0);
        }
        return send(res, 200, this.providerBody(subscriptionId, subscription, key), {
          'x-ms-ratelimit-remaining-subscription-writes': '199',
        });
      }
    }
  }

  /**
   * What every request goes through before its route answers: recording, holding, latency,
   * injected faults, the bearer token and its audience, and the subscription. Undefined when
   * it has been answered already.
   */
  private async admit(req: IncomingMessage, res: ServerResponse, request: ArmRequest): Promise<FakeSubscription | undefined> {
    this.requests.push(request);
    if (this.gate) await this.gate;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));

    const rule = this.faults.find((f) => f.remaining > 0 && (!f.route || f.route === request.route) && (!f.namespace || f.namespace.toLowerCase() === request.namespace?.toLowerCase()));
    if (rule) {
      rule.remaining -= 1;
      if (rule.fault.drop) {
        req.socket.destroy();
        return undefined;
      }
      send(res, rule.fault.status ?? 500, rule.fault.body, rule.fault.headers);
      return undefined;
    }
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      send(res, 401, armErrorFixture('401-InvalidAuthenticationToken').body);
      return undefined;
    }
    if (tokenScope(req.headers.authorization) !== this.expectedScope) {
      const audience = armErrorFixture('401-InvalidAuthenticationTokenAudience');
      send(res, 401, audience.body, audience.headers);
      return undefined;
    }
    if (!request.route || !request.subscriptionId) {
      send(res, 404, { error: { code: 'NotFound', message: 'unknown route' } });
      return undefined;
    }
    const subscription = this.subscriptions.get(request.subscriptionId);
    if (!subscription) {
      const notFound = armErrorFixture('404-SubscriptionNotFound');
      send(res, 404, rewriteSubscription(notFound.body, request.subscriptionId));
      return undefined;
    }
    return subscription;
  }

  /** The name pre-flight's reads, answered from the official examples and the test's taken names and restricted sizes. */
  private async handleNameCheck(req: IncomingMessage, res: ServerResponse, url: URL, route: NameCheckRoute, match: RegExpExecArray, chunks: Buffer[]): Promise<void> {
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return send(res, 400, { error: { code: 'InvalidRequestContent', message: 'The request content was invalid and could not be deserialized.' } });
    }
    const request: ArmRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      route,
      subscriptionId: match[1].toLowerCase(),
      authorization: req.headers.authorization,
      apiVersion: url.searchParams.get('api-version') ?? undefined,
      query: Object.fromEntries(url.searchParams),
      body,
      at: Date.now(),
    };
    const subscription = await this.admit(req, res, request);
    if (!subscription) return;
    const namespace = NAME_ROUTES.find((candidate) => candidate.route === route)!.namespace;
    if (this.nameChecksNeedRegistration && this.providerState(request.subscriptionId!, namespace) !== 'Registered') {
      const missing = armErrorFixture('409-MissingSubscriptionRegistration');
      return send(res, missing.status!, JSON.parse(JSON.stringify(missing.body).replaceAll('Microsoft.Storage', namespace)), missing.headers);
    }
    const expected = route === 'vaultName' || route === 'storageName' ? 'POST' : 'GET';
    if (request.method !== expected) return send(res, 405, { error: { code: 'MethodNotAllowed', message: `use ${expected}` } });
    switch (route) {
      case 'dnsName': {
        const label = url.searchParams.get('domainNameLabel') ?? '';
        const region = match[2].toLowerCase();
        const answer = fixture('official/CheckDnsNameAvailability.json').responses['200'].body as { available: boolean };
        return send(res, 200, { ...answer, available: !this.taken.dns.has(`${label.toLowerCase()}.${region}`) });
      }
      case 'vaultName':
        return this.answerName(res, body, 'Microsoft.KeyVault/vaults', this.taken.keyVault, 'official/checkVaultNameAvailability.json', 'Vaults', /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/i);
      case 'storageName':
        return this.answerName(res, body, 'Microsoft.Storage/storageAccounts', this.taken.storage, 'official/StorageAccountCheckNameAvailability.json', 'StorageAccounts', /^[a-z0-9]{3,24}$/);
      case 'skus': {
        const region = /^location eq '([^']+)'$/.exec(url.searchParams.get('$filter') ?? '')?.[1]?.toLowerCase();
        if (!region) return send(res, 400, { error: { code: 'InvalidFilter', message: "Only a filter of the form location eq '<region>' is supported." } });
        return send(res, 200, { value: this.skusIn(region), nextLink: null });
      }
    }
  }

  /** A Key Vault or storage name check: the type must match, the naming rule holds, then free or taken. */
  private answerName(res: ServerResponse, body: unknown, type: string, taken: Set<string>, free: string, derived: string, rule: RegExp): void {
    const asked = (body ?? {}) as { name?: unknown; type?: unknown };
    if (typeof asked.name !== 'string' || asked.type !== type) {
      return send(res, 400, { error: { code: 'InvalidRequestContent', message: `Expected {"name", "type": "${type}"}.` } });
    }
    const name = asked.name;
    const variant = !rule.test(name) || name.includes('--') ? 'invalid' : taken.has(name.toLowerCase()) ? 'taken' : undefined;
    if (!variant) return send(res, 200, fixture(free).responses['200'].body);
    const answer = fixture(`derived/${derived}_CheckNameAvailability-${variant}.json`);
    const example = (answer.parameters as unknown as Record<string, { name: string }>)[derived === 'Vaults' ? 'vaultName' : 'accountName'].name;
    return send(res, 200, JSON.parse(JSON.stringify(answer.responses['200'].body).replaceAll(example, name)));
  }

  /** The SKU list of a region: the fixture's SKUs in that region, with the test's restrictions and withdrawals. */
  private skusIn(region: string): Record<string, unknown>[] {
    return this.skuTemplate.flatMap((sku) => {
      const rule = this.sizeRules.get(`${region}/${String(sku.name)}`.toLowerCase());
      if (rule === null) return [];
      const restrictions = rule
        ? [
            {
              type: rule.type,
              values: [region],
              restrictionInfo: rule.type === 'Zone' ? { locations: [region], zones: rule.zones ?? ['1'] } : { locations: [region] },
              reasonCode: rule.reasonCode,
            },
          ]
        : [];
      const located = JSON.parse(JSON.stringify(sku).replaceAll('"westus"', JSON.stringify(region))) as Record<string, unknown>;
      return [{ ...located, restrictions }];
    });
  }

  private namespaceKey(subscription: FakeSubscription, namespace: string): string | undefined {
    return Object.keys(subscription.providers).find((name) => name.toLowerCase() === namespace.toLowerCase());
  }

  private advanceRegistration(subscriptionId: string, subscription: FakeSubscription, key: string): void {
    if (subscription.providers[key] !== 'Registering') return;
    const id = `${subscriptionId}/${key.toLowerCase()}`;
    const reads = (this.registeringReads.get(id) ?? 0) + 1;
    this.registeringReads.set(id, reads);
    if (reads > this.readsUntilRegistered) subscription.providers[key] = 'Registered';
  }

  private providerBody(subscriptionId: string, subscription: FakeSubscription, key: string): Record<string, unknown> {
    const template = this.providerBodies.get(key.toLowerCase()) ?? { namespace: key, registrationPolicy: 'RegistrationRequired', resourceTypes: [] };
    return {
      ...template,
      id: `/subscriptions/${subscriptionId}/providers/${template.namespace ?? key}`,
      registrationState: subscription.providers[key] ?? 'NotRegistered',
    };
  }

  private subscriptionBody(subscriptionId: string, subscription: FakeSubscription): Record<string, unknown> {
    const body = fixture('official/GetSubscription.json').responses['200'].body as Record<string, unknown>;
    return {
      ...body,
      id: `/subscriptions/${subscriptionId}`,
      subscriptionId,
      displayName: subscription.displayName,
      state: subscription.state,
      subscriptionPolicies: { ...(body.subscriptionPolicies as object), quotaId: subscription.quotaId },
    };
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-ms-ratelimit-remaining-subscription-reads': '249',
    ...headers,
  });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function rewriteSubscription(body: unknown, subscriptionId: string): unknown {
  return JSON.parse(JSON.stringify(body).replaceAll('00000000-0000-0000-0000-000000000000', subscriptionId));
}

/** The scope a FakeArmCredential token was issued for. */
function tokenScope(authorization: string): string {
  const token = authorization.slice('Bearer '.length);
  return token.startsWith('fake-arm-token ') ? token.slice('fake-arm-token '.length) : '';
}

/**
 * Stands in for the bot's Azure identity in tests: issues a token naming the scope it was
 * asked for (so the local ARM can check the audience), records every request, and can be
 * made slow or failing. It never leaves the process, so no test can reach 169.254.169.254.
 */
export class FakeArmCredential implements TokenCredential {
  readonly calls: { scopes: string[]; at: number }[] = [];
  /** Added before every token. */
  delayMs = 0;
  /** When set, getToken rejects with it. */
  failWith: Error | undefined;

  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    const list = [scopes].flat();
    this.calls.push({ scopes: list, at: Date.now() });
    if (this.delayMs > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, this.delayMs);
        options.abortSignal?.addEventListener?.('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        });
      });
    }
    if (this.failWith) throw this.failWith;
    return { token: `fake-arm-token ${list[0]}`, expiresOnTimestamp: Date.now() + 3600_000 };
  }
}
