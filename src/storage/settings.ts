import { ConfigError, Env, readEnum, readOptional, readString, readUrl } from '../env';

export type StorageKind = 'sqlite' | 'azure';

/** Where the bot keeps its data; read from the environment once at start-up. */
export interface StorageSettings {
  kind: StorageKind;
  sqlitePath: string;
  azureConnectionString?: string;
  azureAccountUrl?: string;
  azureTablePrefix: string;
}

export function readStorageSettings(env: Env): StorageSettings {
  const kind = readEnum<StorageKind>(env, 'STORAGE', ['sqlite', 'azure'], 'sqlite');
  const settings: StorageSettings = {
    kind,
    sqlitePath: readString(env, 'SQLITE_PATH', './data/cmg-assistant.db'),
    azureConnectionString: readOptional(env, 'AZURE_STORAGE_CONNECTION_STRING'),
    azureAccountUrl: readUrl(env, 'AZURE_STORAGE_ACCOUNT_URL', ['https:', 'http:']),
    azureTablePrefix: readString(env, 'AZURE_STORAGE_TABLE_PREFIX', 'cmg'),
  };
  if (!/^[A-Za-z][A-Za-z0-9]{0,20}$/.test(settings.azureTablePrefix)) {
    throw new ConfigError('AZURE_STORAGE_TABLE_PREFIX', 'a letter followed by up to 20 letters or digits', settings.azureTablePrefix);
  }
  if (kind === 'azure' && !settings.azureConnectionString && !settings.azureAccountUrl) {
    throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING', 'a connection string (or AZURE_STORAGE_ACCOUNT_URL) when STORAGE=azure', undefined);
  }
  return settings;
}
