import { ArmProblem, classifyArmError, RetryAfterTooLongError, retryAfterSeconds } from './armProblem';
import { TokenTimeoutError } from './credential';

function restError(statusCode: number | undefined, code?: string, headers: Record<string, string> = {}) {
  return Object.assign(new Error('x'), { name: 'RestError', statusCode, code, response: { headers: { get: (name: string) => headers[name] } } });
}

describe('retryAfterSeconds', () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  it('reads the millisecond headers first, rounding up', () => {
    expect(retryAfterSeconds(headers({ 'retry-after-ms': '300', 'retry-after': '9' }))).toBe(1);
    expect(retryAfterSeconds(headers({ 'x-ms-retry-after-ms': '2500' }))).toBe(3);
  });
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds(headers({ 'retry-after': '17' }))).toBe(17);
    const now = Date.parse('2026-03-02T09:30:00Z');
    expect(retryAfterSeconds(headers({ 'retry-after': 'Mon, 02 Mar 2026 09:31:00 GMT' }), now)).toBe(60);
  });
  it('gives undefined without a usable header', () => {
    expect(retryAfterSeconds(headers({}))).toBeUndefined();
    expect(retryAfterSeconds(headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });
});

describe('classifyArmError', () => {
  it.each([
    [restError(401, 'InvalidAuthenticationToken'), 'read', 'unauthorized'],
    [restError(403, 'AuthorizationFailed'), 'read', 'forbiddenRead'],
    [restError(403, 'AuthorizationFailed'), 'register', 'forbiddenRegister'],
    [restError(404, 'SubscriptionNotFound'), 'read', 'subscriptionNotFound'],
    [restError(400, 'InvalidSubscriptionId'), 'read', 'invalidSubscription'],
    [restError(500, 'InternalServerError'), 'read', 'unavailable'],
    [restError(503), 'read', 'unavailable'],
    [restError(undefined, 'ECONNRESET'), 'read', 'unavailable'],
    [Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }), 'read', 'unavailable'],
    [new TokenTimeoutError(100), 'read', 'tokenTimeout'],
    [Object.assign(new Error('none'), { name: 'CredentialUnavailableError' }), 'read', 'noCredentials'],
    [Object.assign(new Error('chain'), { name: 'AggregateAuthenticationError', errors: [{ name: 'CredentialUnavailableError' }] }), 'read', 'noCredentials'],
    [Object.assign(new Error('chain'), { name: 'AggregateAuthenticationError', errors: [{ name: 'AuthenticationError' }] }), 'read', 'signInFailed'],
    [Object.assign(new Error('bad secret'), { name: 'AuthenticationError' }), 'read', 'signInFailed'],
  ] as const)('%p on %s is %s', (error, operation, kind) => {
    expect(classifyArmError(error, operation).kind).toBe(kind);
  });

  it('keeps the Retry-After of a 429 that ran out of retries', () => {
    const problem = classifyArmError(restError(429, 'SubscriptionRequestsThrottled', { 'retry-after': '2' }), 'read');
    expect(problem).toMatchObject({ kind: 'throttled', detail: { status: 429, retryAfterSeconds: 2 } });
  });

  it('turns a refused long wait into throttled (429) or unavailable (503) with its seconds', () => {
    expect(classifyArmError(new RetryAfterTooLongError(429, 3600), 'read')).toMatchObject({ kind: 'throttled', detail: { retryAfterSeconds: 3600 } });
    expect(classifyArmError(new RetryAfterTooLongError(503, 120), 'read')).toMatchObject({ kind: 'unavailable', detail: { retryAfterSeconds: 120 } });
  });

  it('passes an ArmProblem through unchanged', () => {
    const problem = new ArmProblem('forbiddenRegister');
    expect(classifyArmError(problem, 'read')).toBe(problem);
  });
});
