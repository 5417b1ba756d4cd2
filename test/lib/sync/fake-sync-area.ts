import { itemBytes, SYNC_QUOTA } from '../../../lib/sync/sync-codec';
import type { SyncStorageArea } from '../../../lib/sync/sync-engine';

/**
 * `storage.sync` as Chrome keeps it, quotas included: a write that would pass 102,400 bytes in
 * all, 8,192 in one item or 512 items fails with Chrome's own message and changes nothing, and so
 * does a write past 120 a minute.
 */
export class FakeSyncArea implements SyncStorageArea {
  items: Record<string, unknown> = {};
  writes: number[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  async getAll(): Promise<Record<string, unknown>> {
    return structuredClone(this.items);
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.countWrite();
    const next = { ...this.items, ...structuredClone(items) };
    for (const [key, value] of Object.entries(items)) if (itemBytes(key, value) > SYNC_QUOTA.itemBytes) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    if (Object.keys(next).length > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
    if (Object.entries(next).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0) > SYNC_QUOTA.totalBytes) throw new Error('QUOTA_BYTES quota exceeded');
    this.items = next;
  }

  async remove(keys: string[]): Promise<void> {
    this.countWrite();
    for (const key of keys) delete this.items[key];
  }

  bytes(): number {
    return Object.entries(this.items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  }

  private countWrite(): void {
    const now = this.now();
    this.writes.push(now);
    if (this.writes.filter((t) => t > now - 60_000).length > SYNC_QUOTA.writesPerMinute) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
  }
}
