import { retryAfterSeconds } from '../retryAfter';
import { TokenTimeoutError } from './credential';

export { retryAfterSeconds } from '../retryAfter';

/** Every way an ARM read or registration can fail that a person can do something about. */
export type ArmProblemKind =
  | 'noCredentials'
  | 'tokenTimeout'
  | 'signInFailed'
  | 'unauthorized'
  | 'forbiddenRead'
  | 'forbiddenRegister'
  | 'subscriptionNotFound'
  | 'invalidSubscription'
  | 'throttled'
  | 'unavailable'
  /** The bot's own cap on concurrent ARM calls: no slot came free before the call's deadline. */
  | 'busy';

/** The kinds only a change to the bot's configuration can fix: asking Azure again fails the same way. */
export const CONFIGURATION_PROBLEMS: readonly ArmProblemKind[] = ['noCredentials', 'signInFailed'];

/** Which ARM operation failed; the same 403 means "needs Reader" on a read and "needs Contributor" on a register. */
export type ArmOperation = 'read' | 'register';

/** What the caller knows about the call, so a refusal can name what was missing. */
export interface ArmCallContext {
  namespace?: string;
  /** The Azure RBAC action the call needs, e.g. `Microsoft.Compute/skus/read`. */
  permission?: string;
}

export interface ArmProblemDetail extends ArmCallContext {
  status?: number;
  code?: string;
  retryAfterSeconds?: number;
  /**
   * When the wait Azure asked for ends (ISO-8601 UTC), for a problem shown again later: the card
   * then names the same time and the seconds still left, not a new wait from now.
   */
  retryAt?: string;
}

/** A classified ARM failure: the kind picks the message and the fix; the rest is for logs. */
export class ArmProblem extends Error {
  constructor(
    readonly kind: ArmProblemKind,
    readonly detail: ArmProblemDetail = {},
  ) {
    super(`${kind}${detail.status ? ` (${detail.status}${detail.code ? ` ${detail.code}` : ''})` : ''}`);
    this.name = 'ArmProblem';
  }
}

/** Thrown by our pipeline policy when ARM asks for a longer wait than we are willing to sit out. */
export class RetryAfterTooLongError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`ARM answered ${status} and asked to wait ${retryAfterSeconds} s`);
    this.name = 'RetryAfterTooLongError';
  }
}

interface RestErrorLike {
  name?: string;
  statusCode?: number;
  code?: string;
  errors?: unknown[];
  response?: { headers?: { get?(name: string): string | undefined } };
}

/** Thrown by the call limit when no slot came free in time (or too many calls already wait). */
export class ArmBusyError extends Error {
  constructor() {
    super('Too many ARM calls at once');
    this.name = 'ArmBusyError';
  }
}

/** Maps whatever the SDK or the identity threw to the problem a person can act on. */
export function classifyArmError(error: unknown, operation: ArmOperation, context: ArmCallContext = {}): ArmProblem {
  if (error instanceof ArmProblem) return error;
  if (error instanceof ArmBusyError) return new ArmProblem('busy', context);
  if (error instanceof TokenTimeoutError) return new ArmProblem('tokenTimeout');
  if (error instanceof RetryAfterTooLongError) {
    return new ArmProblem(error.status === 429 ? 'throttled' : 'unavailable', { status: error.status, retryAfterSeconds: error.retryAfterSeconds });
  }
  const e = (error ?? {}) as RestErrorLike;
  if (e.name === 'CredentialUnavailableError') return new ArmProblem('noCredentials');
  if (e.name === 'AggregateAuthenticationError') {
    const inner = (e.errors ?? []) as { name?: string }[];
    return new ArmProblem(inner.every((x) => x.name === 'CredentialUnavailableError') ? 'noCredentials' : 'signInFailed');
  }
  if (e.name === 'AuthenticationError' || e.name === 'AuthenticationRequiredError') return new ArmProblem('signInFailed');
  const status = e.statusCode;
  const detail: ArmProblemDetail = { status, code: e.code, ...context };
  switch (status) {
    case 401:
      return new ArmProblem('unauthorized', detail);
    case 403:
      return new ArmProblem(operation === 'register' ? 'forbiddenRegister' : 'forbiddenRead', detail);
    case 404:
      return new ArmProblem('subscriptionNotFound', detail);
    case 400:
      return new ArmProblem('invalidSubscription', detail);
    case 429: {
      const get = (name: string) => e.response?.headers?.get?.(name);
      return new ArmProblem('throttled', { ...detail, retryAfterSeconds: retryAfterSeconds(get) });
    }
  }
  // 5xx, 408, connection resets, TLS failures, timeouts and aborts: Azure could not be reached well enough.
  return new ArmProblem('unavailable', detail);
}
