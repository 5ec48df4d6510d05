import { ArmProblem } from '../../src/arm';
import { LANGUAGES } from '../../src/i18n/language';
import { allRegions } from '../../src/naming';
import { nameProblem } from '../../src/naming/nameProblems';
import { checkingCard, formCard, resultCard } from '../../src/namePreflight/preflightCards';
import type { PreflightResult, SizeOffer } from '../../src/namePreflight/preflightResult';
import type { CardSample } from './types';

const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const now = new Date('2026-03-02T09:30:00Z');
const eastUs = allRegions().find((region) => region.name === 'eastus')!;
const request = { prefix: 'GraniteFalls', commonName: 'GraniteFalls.contoso.com', region: 'eastus', subscriptionId: SUB, ruleWarnings: [] };
const offered: SizeOffer[] = [
  { key: 'lab', offer: 'offered' },
  { key: 'standard', offer: 'offered' },
  { key: 'large', offer: 'offered' },
];

const free: PreflightResult = {
  request,
  dnsLabel: { ok: true, value: { available: true } },
  keyVault: { ok: true, value: { available: true } },
  storage: { ok: true, value: { available: true } },
  sizes: { ok: true, value: offered },
  checkedAt: now.toISOString(),
};

const taken: PreflightResult = {
  ...free,
  request: { ...request, prefix: 'Granite-Falls', commonName: undefined, ruleWarnings: [nameProblem('hyphenDisputed', { prefix: 'Granite-Falls' })] },
  dnsLabel: { ok: true, value: { available: false } },
  keyVault: { ok: true, value: { available: false, reason: 'AlreadyExists', message: "The vault name 'granite-falls' is already in use." } },
  storage: { ok: true, value: { available: false, reason: 'AccountNameInvalid', message: 'granite-falls is not a valid storage account name.' } },
  sizes: {
    ok: true,
    value: [
      { key: 'lab', offer: 'absent' },
      { key: 'standard', offer: 'restricted', reasonCode: 'NotAvailableForSubscription' },
      { key: 'large', offer: 'someZones', reasonCode: 'NotAvailableForSubscription', zones: ['2', '3'] },
    ],
  },
};

const oneRefused: PreflightResult = {
  ...free,
  storage: { ok: false, problem: new ArmProblem('forbiddenRead', { status: 403, permission: 'Microsoft.Storage/checkNameAvailability/read' }) },
};

const noIdentity = new ArmProblem('noCredentials');
const signedOut: PreflightResult = {
  ...free,
  dnsLabel: { ok: false, problem: noIdentity },
  keyVault: { ok: false, problem: noIdentity },
  storage: { ok: false, problem: noIdentity },
  sizes: { ok: false, problem: noIdentity },
};

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => {
  const viewer = { lang, timezone: 'Europe/Amsterdam' };
  return [
    { name: `name pre-flight: checking (${lang})`, reply: checkingCard(lang, request, eastUs) },
    { name: `name pre-flight: all free (${lang})`, reply: resultCard(free, eastUs, viewer, { fromCache: false, now }) },
    { name: `name pre-flight: taken, invalid, restricted, disputed (${lang})`, reply: resultCard(taken, eastUs, viewer, { fromCache: true, now }) },
    { name: `name pre-flight: one read refused (${lang})`, reply: resultCard(oneRefused, eastUs, viewer, { fromCache: false, now }) },
    { name: `name pre-flight: no Azure credentials (${lang})`, reply: resultCard(signedOut, eastUs, viewer, { fromCache: false, now }) },
    { name: `name pre-flight form (${lang})`, reply: formCard(lang, { name: '', region: '', subscriptionId: '' }) },
    {
      name: `name pre-flight form, refused values (${lang})`,
      reply: formCard(lang, { name: 'Granite_Falls', region: 'Narnia', subscriptionId: '1234', nameError: 'bad name', regionError: 'bad region', subscriptionError: 'bad id' }),
    },
  ];
});
