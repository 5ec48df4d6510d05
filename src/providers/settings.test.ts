import { ConfigError } from '../env';
import { readProviderCheckSettings } from './settings';

describe('provider check settings', () => {
  it('defaults to bounded timings, a short Refresh cooldown and a polling cap of minutes', () => {
    const s = readProviderCheckSettings({});
    expect(s).toMatchObject({ pollFirstMs: 10_000, refreshCooldownSeconds: 30, cacheSeconds: 60, registrationSweepSeconds: 60 });
    expect(s.pollCapMs).toBeGreaterThanOrEqual(60_000);
  });

  it.each([
    [{ PROVIDER_REGISTER_POLL_MS: '20000', PROVIDER_REGISTER_POLL_MAX_MS: '10000' }, 'PROVIDER_REGISTER_POLL_MAX_MS'],
    [{ PROVIDER_REFRESH_COOLDOWN_SECONDS: '-1' }, 'PROVIDER_REFRESH_COOLDOWN_SECONDS'],
    [{ PROVIDER_REGISTRATION_SWEEP_SECONDS: '0' }, 'PROVIDER_REGISTRATION_SWEEP_SECONDS'],
    [{ PROVIDER_REGISTRATION_SWEEP_SECONDS: 'soon' }, 'PROVIDER_REGISTRATION_SWEEP_SECONDS'],
  ])('refuses %p naming %s', (env, variable) => {
    expect(() => readProviderCheckSettings(env)).toThrow(ConfigError);
    expect(() => readProviderCheckSettings(env)).toThrow(variable);
  });
});
