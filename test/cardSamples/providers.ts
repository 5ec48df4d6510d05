import { LANGUAGES } from '../../src/i18n/language';
import { ArmProblem, ArmProblemKind } from '../../src/arm';
import { checkingCard, confirmCard, formCard, problemCard, resultCard } from '../../src/providers/providerCards';
import type { ProviderCheckResult } from '../../src/providers/providerCheckResult';
import type { CardSample } from './types';

const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const now = new Date('2026-03-02T09:30:00Z');

const mixed: ProviderCheckResult = {
  subscription: { id: SUB, displayName: 'Contoso *CMG* [prod]', state: 'Enabled', quotaId: 'EnterpriseAgreement_2014-09-01' },
  providers: [
    { namespace: 'Microsoft.KeyVault', state: 'Unregistered' },
    { namespace: 'Microsoft.Storage', state: 'NotRegistered' },
    { namespace: 'Microsoft.Network', state: 'Registered' },
    { namespace: 'Microsoft.Compute', state: 'Registered' },
  ],
  checkedAt: now.toISOString(),
};

const registering: ProviderCheckResult = {
  ...mixed,
  providers: mixed.providers.map((p) => (p.state === 'Registered' ? p : { ...p, state: 'Registering' })),
};

const ready: ProviderCheckResult = {
  subscription: { id: SUB, displayName: 'Fabrikam CSP', state: 'Warned', quotaId: 'CSP_2015-05-01' },
  providers: mixed.providers.map((p) => ({ ...p, state: 'Registered' })),
  checkedAt: now.toISOString(),
};

const kinds: ArmProblemKind[] = [
  'noCredentials',
  'tokenTimeout',
  'signInFailed',
  'unauthorized',
  'forbiddenRead',
  'forbiddenRegister',
  'subscriptionNotFound',
  'invalidSubscription',
  'throttled',
  'unavailable',
  'busy',
];

const cardId = '0b9c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
const registration = { startedByName: 'Ada Admin', startedAt: now.toISOString(), namespaces: ['Microsoft.KeyVault', 'Microsoft.Storage'] as const };

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => {
  const admin = { lang, timezone: 'Europe/Amsterdam', canRegister: true };
  const reader = { lang, canRegister: false };
  return [
    { name: `provider check: checking (${lang})`, reply: checkingCard(lang, SUB, cardId) },
    { name: `provider check: mixed, admin (${lang})`, reply: resultCard(mixed, admin, { cardId, cloud: 'AzureCloud', now }) },
    { name: `provider check: mixed, reader in a channel (${lang})`, reply: resultCard(mixed, reader, { cardId, cloud: 'AzureCloud', fromCache: true, now }) },
    { name: `provider check: ready, CSP, US Government (${lang})`, reply: resultCard(ready, admin, { cardId, cloud: 'AzureUSGovernment', now }) },
    {
      name: `provider check: registering (${lang})`,
      reply: resultCard(registering, admin, { cardId, cloud: 'AzureCloud', registration: { ...registration, namespaces: [...registration.namespaces], phase: 'running' }, now }),
    },
    {
      name: `provider check: registered (${lang})`,
      reply: resultCard(ready, admin, { cardId, cloud: 'AzureCloud', registration: { ...registration, namespaces: [...registration.namespaces], phase: 'registered' }, now }),
    },
    {
      name: `provider check: still registering at the cap (${lang})`,
      reply: resultCard(registering, admin, { cardId, cloud: 'AzureCloud', registration: { ...registration, namespaces: [...registration.namespaces], phase: 'timedOut', capMinutes: 10 }, now }),
    },
    {
      name: `provider check: register refused (${lang})`,
      reply: resultCard(mixed, admin, {
        cardId,
        cloud: 'AzureCloud',
        registration: { ...registration, namespaces: [...registration.namespaces], phase: 'failed', problem: new ArmProblem('forbiddenRegister', { status: 403 }) },
        now,
      }),
    },
    ...kinds.map((kind) => ({
      name: `provider check: ${kind} (${lang})`,
      reply: problemCard(SUB, new ArmProblem(kind, kind === 'throttled' ? { status: 429, retryAfterSeconds: 17 } : {}), admin, { cardId, now }),
    })),
    {
      name: `provider check: refused read naming its permission, in the Refresh cooldown (${lang})`,
      reply: problemCard(SUB, new ArmProblem('forbiddenRead', { status: 403, permission: 'Microsoft.Resources/subscriptions/read' }), admin, { cardId, now, notice: 'You refreshed this check 3 seconds ago.' }),
    },
    { name: `provider check: shared with a running check (${lang})`, reply: resultCard(mixed, reader, { cardId, cloud: 'AzureCloud', notice: 'Someone asked a moment earlier.', now }) },
    { name: `provider confirm (${lang})`, reply: confirmCard(lang, mixed, ['Microsoft.KeyVault', 'Microsoft.Storage'], cardId) },
    { name: `provider form (${lang})`, reply: formCard(lang) },
    { name: `provider form, refused id (${lang})`, reply: formCard(lang, { error: '"1234" is not a subscription id.' }) },
  ];
});
