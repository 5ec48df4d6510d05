import type { StorageSettings } from './settings';
import { AzureTableStore } from './azureTableStore';
import { SqliteStore } from './sqliteStore';
import type { Store } from './store';

/** Opens the store the configuration names. */
export async function openStore(settings: StorageSettings): Promise<Store> {
  switch (settings.kind) {
    case 'sqlite':
      return new SqliteStore(settings.sqlitePath);
    case 'azure': {
      const store = settings.azureConnectionString
        ? new AzureTableStore({ connectionString: settings.azureConnectionString, tablePrefix: settings.azureTablePrefix })
        : new AzureTableStore({
            accountUrl: settings.azureAccountUrl,
            // Loaded only here, so the embedded default never pulls in the identity library.
            // In Azure this is the app's managed identity (AZURE_CLIENT_ID picks a user-assigned one);
            // it needs the "Storage Table Data Contributor" role on the account.
            credential: new (await import('@azure/identity')).DefaultAzureCredential(),
            tablePrefix: settings.azureTablePrefix,
          });
      // A wrong connection string or missing role stops the start with the storage error, not later.
      await store.ping();
      return store;
    }
  }
}
