/**
 * The sync of the reading list through the browser's sync storage, with the storage and the local
 * list behind interfaces: the background gives it `storage.sync` and the store, tests give it
 * fakes that enforce the browser's quotas.
 *
 * Each device keeps its whole list locally and merges what the storage holds into it; it writes
 * the merged list back only when it has something the storage lacks. The storage keeps whichever
 * write came last, and that is enough: a device whose write was overwritten still has its changes,
 * merges the other device's list when it arrives, and writes the union.
 */
import { collectTombstones, isLive, mergeRecordLists, type SyncRecord } from './sync-record';
import { CHUNK_PREFIX, itemBytes, MANIFEST_KEY, packedItems, packForSync, recordsToJson, SYNC_FORMAT_VERSION, SYNC_QUOTA, unpackFromSync } from './sync-codec';

/** The browser's sync storage, as much of it as the sync needs. */
export interface SyncStorageArea {
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The local reading list, as the sync sees it. */
export interface SyncReplica {
  /** Every record of this device, tombstones included. */
  records(): Promise<SyncRecord[]>;
  /** Takes in the merged list: writes into the local list whatever it changes there. */
  applyMerged(records: SyncRecord[]): Promise<void>;
  /** This device's id. */
  device(): Promise<string>;
}

/** Where the sync is, for the side panel to put into words. */
export interface SyncStatus {
  state: 'off' | 'syncing' | 'synced' | 'partial' | 'rate-limited' | 'failed';
  /** Entries (and tombstones) in the sync storage, and in the list. */
  synced: number;
  total: number;
  /** Bytes the list takes in the sync storage, of `SYNC_QUOTA.totalBytes`. */
  bytes: number;
  lastSyncedAt: number | null;
  /** When a rate-limited or failed sync tries again. */
  retryAt: number | null;
  /** The browser's own words, for a failure. */
  detail: string | null;
}

/** Tuning; every time is in milliseconds. */
export interface SyncEngineOptions {
  now?: () => number;
  /** Quiet time after a change before writing: a burst of edits is one write. */
  debounceMs?: number;
  /** At least this long between two writes: 2.5 s keeps under 120 a minute and 1,800 an hour. */
  minWriteIntervalMs?: number;
  /** How long a tombstone is kept: a device away longer may bring a removed entry back. */
  tombstoneGraceMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  onStatus?: (status: SyncStatus) => void;
}

const DAY = 24 * 60 * 60 * 1000;
// A write from another device whose chunks have not all arrived is waited for this long.
const PARTIAL_WRITE_WAIT_MS = 60_000;

/** Runs the sync: one pass at a time, debounced after changes, under the browser's write limits. */
export class SyncEngine {
  private enabled = false;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastWriteAt = -Infinity;
  private current: SyncStatus = { state: 'off', synced: 0, total: 0, bytes: 0, lastSyncedAt: null, retryAt: null, detail: null };
  private readonly now: () => number;
  private readonly debounceMs: number;
  private readonly minWriteIntervalMs: number;
  private readonly graceMs: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(
    private readonly area: SyncStorageArea,
    private readonly replica: SyncReplica,
    private readonly options: SyncEngineOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.debounceMs = options.debounceMs ?? 2_000;
    this.minWriteIntervalMs = options.minWriteIntervalMs ?? 2_500;
    this.graceMs = options.tombstoneGraceMs ?? 90 * DAY;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** Where the sync is. */
  status(): SyncStatus {
    return { ...this.current };
  }

  /** Turns the sync on (and syncs at once) or off (the storage keeps what it holds). */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (enabled) this.schedule(0);
    else {
      if (this.timer !== null) this.clearTimer(this.timer);
      this.timer = null;
      this.update({ state: 'off', retryAt: null, detail: null });
    }
  }

  /** Syncs after a quiet time: called on every local change and every change in the storage. */
  schedule(delayMs = this.debounceMs): void {
    if (!this.enabled) return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.syncNow();
    }, delayMs);
  }

  /** One pass now (after the one running, if any); resolves when the list is synced or waiting. */
  async syncNow(): Promise<SyncStatus> {
    if (!this.enabled) return this.status();
    if (this.running) {
      this.again = true;
      await this.running;
      return this.status();
    }
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    await this.running;
    if (this.again) {
      this.again = false;
      return this.syncNow();
    }
    return this.status();
  }

  private async pass(): Promise<void> {
    this.update({ state: 'syncing' });
    try {
      const items = await this.area.getAll();
      const remote = await unpackFromSync(items);
      if (remote.kind === 'unreadable') {
        const manifest = items[MANIFEST_KEY] as { v?: unknown; at?: unknown } | undefined;
        if (manifest && typeof manifest.v === 'number' && manifest.v > SYNC_FORMAT_VERSION) return this.fail(`another device wrote the list with a newer release (${remote.reason}); update the extension there and here`);
        // Most likely another device's write still arriving: wait for it before writing over it.
        const at = typeof manifest?.at === 'number' ? manifest.at : 0;
        if (this.now() - at < PARTIAL_WRITE_WAIT_MS) {
          this.schedule(PARTIAL_WRITE_WAIT_MS);
          return this.update({ state: 'syncing', detail: remote.reason });
        }
      }
      const local = await this.replica.records();
      const merged = remote.kind === 'list' ? mergeRecordLists(local, remote.records) : mergeRecordLists(local, []);
      if (remote.kind === 'list') await this.replica.applyMerged(merged);

      const ours = Object.keys(items).filter((key) => key === MANIFEST_KEY || key.startsWith(CHUNK_PREFIX));
      const othersBytes = Object.entries(items).reduce((sum, [key, value]) => sum + (ours.includes(key) ? 0 : itemBytes(key, value)), 0);
      const publishable = collectTombstones(merged, this.now(), this.graceMs);
      const packed = await packForSync(publishable, SYNC_QUOTA.totalBytes - othersBytes - 256, await this.replica.device(), this.now());
      // Counted in entries, as the user knows them; tombstones take room but are no entries.
      const synced = packed.records.filter(isLive).length;
      const total = publishable.filter(isLive).length;
      const done = () => this.update({ state: packed.records.length < publishable.length ? 'partial' : 'synced', synced, total, bytes: packed.bytes, lastSyncedAt: this.now(), retryAt: null, detail: null });

      // Written only when this device has something the storage lacks.
      if (remote.kind === 'list' && recordsToJson(mergeRecordLists(remote.records, packed.records)) === recordsToJson(remote.records)) return done();
      const wait = this.lastWriteAt + this.minWriteIntervalMs - this.now();
      if (wait > 0) {
        this.schedule(wait);
        return this.update({ state: 'syncing' });
      }
      const wanted = packedItems(packed);
      const changed = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => JSON.stringify(items[key]) !== JSON.stringify(value)));
      const stale = ours.filter((key) => !(key in wanted));
      this.lastWriteAt = this.now();
      await this.area.set(changed);
      if (stale.length > 0) await this.area.remove(stale);
      done();
    } catch (error) {
      this.failWithBrowserError(error);
    }
  }

  private failWithBrowserError(error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    // Chrome's words: MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR, QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS.
    if (/WRITE_OPERATIONS_PER_HOUR/i.test(detail)) return this.retryLater('rate-limited', detail, 10 * 60_000);
    if (/WRITE_OPERATIONS/i.test(detail)) return this.retryLater('rate-limited', detail, 60_000);
    this.retryLater('failed', detail, 5 * 60_000);
  }

  private retryLater(state: 'rate-limited' | 'failed', detail: string, ms: number): void {
    this.schedule(ms);
    this.update({ state, detail, retryAt: this.now() + ms });
  }

  private fail(detail: string): void {
    this.update({ state: 'failed', detail, retryAt: null });
  }

  private update(fields: Partial<SyncStatus>): void {
    this.current = { ...this.current, ...fields };
    this.options.onStatus?.(this.status());
  }
}
