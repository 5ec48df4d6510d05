import type { StorageSettings } from '../config';
import { SqliteStore } from './sqliteStore';
import type { Store } from './store';

/** Opens the store the configuration names. */
export async function openStore(settings: StorageSettings): Promise<Store> {
  switch (settings.kind) {
    case 'sqlite':
      return new SqliteStore(settings.sqlitePath);
    case 'azure':
      throw new Error('STORAGE=azure is not available in this build');
  }
}
