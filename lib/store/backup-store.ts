import { toReadingListJson } from '../reading-list/export-json';
import { fnv1a } from '../sync/sync-codec';
import type { CompanionDatabase, ReadingListBackupRow } from './database';
import type { ImportResult, ReadingListStore } from './reading-list-store';
import { StoreError, toStoreError } from './store-error';

/** How many copies are kept: the newest, one per change (after a quiet time). */
export const BACKUPS_KEPT = 10;

/** A backup as the side panel lists it. */
export type BackupSummary = Pick<ReadingListBackupRow, 'takenAt' | 'entries'> & { id: number };

/**
 * Automatic backups of the reading list: after changes, the whole list as its JSON export, the
 * newest {@link BACKUPS_KEPT} copies, in a user table that re-seeding never touches. A restore goes
 * through the JSON import, validation included, so it merges the copy back and drops nothing.
 */
export class BackupStore {
  constructor(
    private readonly db: CompanionDatabase,
    private readonly readingList: ReadingListStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Copies the list, unless it is the same as the newest copy, and drops copies past the newest
   * {@link BACKUPS_KEPT}. An empty list is not copied: it would push out copies worth restoring.
   * @returns Whether a copy was taken.
   */
  async take(): Promise<boolean> {
    const entries = await this.readingList.list();
    if (entries.length === 0) return false;
    const json = toReadingListJson(entries, new Date(this.now()));
    // `exportedAt` differs in every copy; the entries alone say whether anything changed.
    const hash = fnv1a(json.slice(json.indexOf('"entries"')));
    try {
      return await this.db.transaction('rw', this.db.readingListBackups, async () => {
        const newest = await this.db.readingListBackups.orderBy('takenAt').last();
        if (newest?.hash === hash) return false;
        await this.db.readingListBackups.add({ takenAt: this.now(), entries: entries.length, hash, json });
        const old = await this.db.readingListBackups.orderBy('takenAt').reverse().offset(BACKUPS_KEPT).primaryKeys();
        await this.db.readingListBackups.bulkDelete(old);
        return true;
      });
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** The copies, newest first. */
  async list(): Promise<BackupSummary[]> {
    const rows = await this.db.readingListBackups.orderBy('takenAt').reverse().toArray();
    return rows.map(({ id, takenAt, entries }) => ({ id: id!, takenAt, entries }));
  }

  /**
   * Merges a copy back into the list through the JSON import: entries removed since come back,
   * notes changed since are kept beside the copy's (see `ReadingListStore.importJson`).
   * @throws StoreError `not-found` when there is no such copy; `invalid` when it does not validate.
   */
  async restore(id: number): Promise<ImportResult> {
    const row = await this.db.readingListBackups.get(id);
    if (!row) throw new StoreError('not-found', `no backup ${id}`);
    return this.readingList.importJson(row.json);
  }
}
