const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shape people are shown when an id is refused. */
export const SUBSCRIPTION_ID_FORMAT = '00000000-0000-0000-0000-000000000000';

/**
 * A subscription id as people paste it: a bare GUID, in braces, or as the ARM path
 * `/subscriptions/<guid>` copied from the portal. Returns the lower-cased GUID, or undefined
 * when it is not one, so nothing malformed ever reaches Azure.
 */
export function parseSubscriptionId(input: string): string | undefined {
  const trimmed = input
    .trim()
    .replace(/^\/?subscriptions\//i, '')
    .replace(/^\{(.*)\}$/, '$1')
    .replace(/\/+$/, '');
  return GUID.test(trimmed) ? trimmed.toLowerCase() : undefined;
}
