import browser from 'webextension-polyfill';
import type { CompanionHooks } from '../../lib/background/companion-api';
import type { CompanionStore } from '../../lib/store/companion-store';
import { CHUNK_PREFIX, MANIFEST_KEY } from '../../lib/sync/sync-codec';
import { SyncEngine, type SyncStorageArea } from '../../lib/sync/sync-engine';

// A burst of edits is one backup: taken this long after the last change.
const BACKUP_DEBOUNCE_MS = 5_000;

/** The browser's sync storage, through the polyfill: `storage.sync` in Chrome and Firefox. */
const syncArea: SyncStorageArea = {
  getAll: () => browser.storage.sync.get(null),
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
};

/**
 * Wires the reading list's sync (when the user turned it on) and its automatic backup: a local
 * change schedules both; a change in the sync storage (another device's list arriving) schedules
 * a sync, which merges it, refreshes open panels through the reading list's change notice, and
 * writes back what this device has that the storage lacks.
 * @returns The hooks the API answers `sync.status` and `sync.set` with.
 */
export function registerReadingListSync(store: CompanionStore): CompanionHooks['sync'] {
  const engine = new SyncEngine(syncArea, {
    records: () => store.readingList.records(),
    applyMerged: (records) => store.readingList.applyMerged(records),
    device: () => store.readingList.device(),
  });
  // Registered at once, so that a change which wakes the worker finds its listener.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && Object.keys(changes).some((key) => key === MANIFEST_KEY || key.startsWith(CHUNK_PREFIX))) engine.schedule(500);
  });
  let backup: ReturnType<typeof setTimeout> | null = null;
  store.readingList.onChange(() => {
    engine.schedule();
    if (backup !== null) clearTimeout(backup);
    backup = setTimeout(() => {
      backup = null;
      void store.backups.take().catch((error: unknown) => console.error('[arxiv-digest] backup failed:', error));
    }, BACKUP_DEBOUNCE_MS);
  });
  const ready = store.syncSettings.enabled().then(
    (enabled) => engine.setEnabled(enabled),
    () => undefined,
  );
  const view = async () => ({ enabled: await store.syncSettings.enabled(), status: engine.status() });
  return {
    status: async () => (await ready, view()),
    async setEnabled(enabled) {
      await ready;
      await store.syncSettings.setEnabled(enabled);
      engine.setEnabled(enabled);
      if (enabled) await engine.syncNow();
      return view();
    },
  };
}
