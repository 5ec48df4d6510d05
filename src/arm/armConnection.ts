import { getClient, type Client, type ClientOptions } from '@azure-rest/core-client';
import type { TokenCredential } from '@azure/identity';
import { ArmCallContext, ArmOperation, classifyArmError, RetryAfterTooLongError } from './armProblem';
import { CallLimit } from './callLimit';
import { buildArmCredential, TimedTokenCredential } from './credential';
import { retryAfterSeconds } from '../retryAfter';
import type { ArmSettings } from './settings';

type PipelinePolicy = NonNullable<ClientOptions['additionalPolicies']>[number]['policy'];

/** Edges a test or benchmark may replace: the identity and where ARM is. */
export interface ArmOverrides {
  /** Used instead of the configured identity (tests: a fake that never leaves the machine). */
  credential?: TokenCredential;
  /** Used instead of the configured ARM endpoint, e.g. https://127.0.0.1:PORT. */
  endpoint?: string;
  /** PEM of a CA to trust for ARM calls (a throwaway test certificate). */
  caPem?: string;
  /** First retry back-off step in ms; tests make it tiny. */
  retryDelayMs?: number;
}

/** Calls waiting for a slot beyond this are refused at once: their deadline would pass in the queue anyway. */
const QUEUE_PER_SLOT = 20;

/**
 * The bot's one way to Azure Resource Manager: one identity (with one token cache), one set of
 * pipeline options (endpoint, token scope, retries, the Retry-After cap, TLS trust) and one cap
 * on calls in flight. The provider check's SDK clients and the name pre-flight's REST client are
 * both built from it, so they share the token, the connections and the limit.
 */
export class ArmConnection {
  readonly credential: TokenCredential;
  /**
   * One object for every client: the HTTP client keeps one TLS agent per options object, so
   * sharing it keeps keep-alive connections warm across clients.
   */
  readonly clientOptions: ClientOptions;
  readonly endpoint: string;
  private readonly limit: CallLimit;
  private restClient: Client | undefined;

  constructor(
    readonly settings: ArmSettings,
    overrides: ArmOverrides = {},
  ) {
    this.endpoint = overrides.endpoint ?? settings.armEndpoint;
    this.credential = new TimedTokenCredential(() => overrides.credential ?? buildArmCredential(settings.identity, settings.authorityHost), settings.tokenTimeoutMs);
    this.clientOptions = {
      endpoint: this.endpoint,
      // The SDK asks for the public-cloud scope unless told; US Government ARM would refuse that token.
      credentials: { scopes: [settings.tokenScope] },
      retryOptions: {
        maxRetries: settings.maxRetries,
        retryDelayInMs: overrides.retryDelayMs ?? 800,
        maxRetryDelayInMs: settings.retryAfterCapSeconds * 1000 || 1000,
      },
      additionalPolicies: [{ policy: capRetryAfter(settings.retryAfterCapSeconds), position: 'perRetry' }],
      ...(overrides.caPem ? { tlsOptions: { ca: overrides.caPem } } : {}),
      userAgentOptions: { userAgentPrefix: 'cmg-assistant' },
    };
    this.limit = new CallLimit(settings.maxConcurrentCalls, settings.maxConcurrentCalls * QUEUE_PER_SLOT);
  }

  /**
   * Runs one ARM call under the cap, with a deadline that covers the wait for a slot, the call
   * and its retries; every failure leaves as an ArmProblem naming what the call needed.
   */
  async call<T>(operation: ArmOperation, send: (abortSignal: AbortSignal) => Promise<T>, context: ArmCallContext & { signal?: AbortSignal } = {}): Promise<T> {
    const { signal, ...known } = context;
    const deadline = AbortSignal.timeout(this.settings.requestTimeoutMs);
    const abortSignal = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      return await this.limit.run(() => send(abortSignal), abortSignal);
    } catch (error) {
      throw classifyArmError(error, operation, known);
    }
  }

  /**
   * A path-based REST client on the same pipeline as the SDK clients, for reads that have no
   * lean SDK client (the name pre-flight's four reads).
   */
  rest(): Client {
    this.restClient ??= getClient(this.endpoint, this.credential, this.clientOptions);
    return this.restClient;
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
