import { cmgProviderNamed, isCspSubscription, missingProviders, registeredCount } from './providerCheckResult';

describe('provider check result', () => {
  const providers = [
    { namespace: 'Microsoft.KeyVault' as const, state: 'Registering' },
    { namespace: 'Microsoft.Storage' as const, state: 'registered' },
    { namespace: 'Microsoft.Network' as const, state: 'Registered' },
    { namespace: 'Microsoft.Compute' as const, state: 'SomethingNew' },
  ];

  it('counts only Registered (any case) as ready; every other state is missing', () => {
    expect(registeredCount({ providers })).toBe(2);
    expect(missingProviders({ providers })).toEqual(['Microsoft.KeyVault', 'Microsoft.Compute']);
  });

  it('finds CMG providers case-insensitively and nothing else', () => {
    expect(cmgProviderNamed('microsoft.keyvault')).toBe('Microsoft.KeyVault');
    expect(cmgProviderNamed('Microsoft.Web')).toBeUndefined();
  });

  it.each([
    ['CSP_2015-05-01', true],
    ['csp_mg_2017-12-01', true],
    ['EnterpriseAgreement_2014-09-01', false],
    ['PayAsYouGo_2014-09-01', false],
    [undefined, false],
  ])('quota id %p is CSP: %p', (quotaId, expected) => {
    expect(isCspSubscription(quotaId)).toBe(expected);
  });
});
