import { ConfigError, Env, readBool, readOptional } from '../env';

export interface NamingSettings {
  /**
   * Read the default subscription's location list once at start-up and merge it into the
   * region catalog, so regions newer than the built-in list resolve. Off by default.
   */
  regionRefresh: boolean;
}

/** Reads the naming section; the refresh needs a subscription to read the locations of. */
export function readNamingSettings(env: Env): NamingSettings {
  const regionRefresh = readBool(env, 'REGION_REFRESH', false);
  if (regionRefresh && !readOptional(env, 'PROVIDER_DEFAULT_SUBSCRIPTION_ID')) {
    throw new ConfigError('REGION_REFRESH', 'false unless PROVIDER_DEFAULT_SUBSCRIPTION_ID names the subscription whose regions to read', 'true');
  }
  return { regionRefresh };
}
