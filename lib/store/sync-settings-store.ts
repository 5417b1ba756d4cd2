import type { CompanionDatabase } from './database';
import { toStoreError } from './store-error';

const SYNC_SETTING = 'readingListSync';

/**
 * Whether the reading list syncs through the browser's sync storage. Off until the user turns it
 * on: it sends titles, statuses, tags and notes to the browser vendor's sync.
 */
export class SyncSettingsStore {
  constructor(private readonly db: CompanionDatabase) {}

  async enabled(): Promise<boolean> {
    return (await this.db.settings.get(SYNC_SETTING))?.value === true;
  }

  async setEnabled(enabled: boolean): Promise<void> {
    await this.db.settings.put({ key: SYNC_SETTING, value: enabled }).catch((error: unknown) => {
      throw toStoreError(error);
    });
  }
}
