import { beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../lib/sync/sync-engine';
import { ReadingListStore } from '../../../lib/store/reading-list-store';
import { fakeDatabase } from '../../support/fake-database';
import { FakeSyncArea } from './fake-sync-area';

const paper = (id: string, title = `Paper ${id}`) => ({ arxivId: id, version: 1, title, authors: [], url: `https://arxiv.org/abs/${id}`, source: 'popup' as const });

/** A device: its own database and list, and a sync engine over the shared storage, run by hand. */
function device(name: string, area: FakeSyncArea, clock: { now: number }) {
  const list = new ReadingListStore(fakeDatabase(`sync-${name}-${Math.random()}`), () => clock.now);
  const engine = new SyncEngine(area, { records: () => list.records(), applyMerged: (records) => list.applyMerged(records), device: async () => name }, { now: () => clock.now, setTimer: () => null, clearTimer: () => undefined, minWriteIntervalMs: 0 });
  engine.setEnabled(true);
  return { list, engine };
}

describe('SyncEngine', () => {
  let area: FakeSyncArea;
  const clock = { now: Date.UTC(2026, 11, 6, 12) };
  beforeEach(() => {
    clock.now = Date.UTC(2026, 11, 6, 12);
    area = new FakeSyncArea(() => clock.now);
  });

  /** Two devices whose lists both hold `saved` after one sync each, a second later. */
  async function twoDevicesSharing(saved: ReturnType<typeof paper>) {
    const a = device('a', area, clock);
    const b = device('b', area, clock);
    await a.list.save(saved);
    await a.engine.syncNow();
    await b.engine.syncNow();
    clock.now += 1000;
    return { a, b };
  }

  it('brings one device’s list to another, merged with its own, and an edit back', async () => {
    const a = device('a', area, clock);
    const b = device('b', area, clock);
    await a.list.save(paper('2404.15449'));
    await a.list.update('arxiv:2404.15449', { note: 'from A', tags: ['identity'] });
    await b.list.save(paper('2403.04692'));
    clock.now += 1000;
    expect(await a.engine.syncNow()).toMatchObject({ state: 'synced', synced: 1, total: 1 });
    expect(await b.engine.syncNow()).toMatchObject({ state: 'synced', synced: 2, total: 2 });
    expect((await b.list.list()).map((entry) => [entry.key, entry.note, entry.tags])).toEqual([
      ['arxiv:2403.04692', '', []],
      ['arxiv:2404.15449', 'from A', ['identity']],
    ]);
    clock.now += 1000;
    await b.list.update('arxiv:2404.15449', { status: 'done' });
    await a.list.update('arxiv:2404.15449', { tags: ['identity', 'reward'] });
    await b.engine.syncNow();
    await a.engine.syncNow();
    await b.engine.syncNow();
    for (const side of [a, b]) expect(await side.list.get('arxiv:2404.15449')).toMatchObject({ status: 'done', tags: ['identity', 'reward'], note: 'from A' });
    expect((await a.list.get('arxiv:2403.04692'))?.source).toBe('sync');
  });

  it('keeps both texts of a note edited on two devices, and marks the entry', async () => {
    const { a, b } = await twoDevicesSharing(paper('2404.15449'));
    await a.list.update('arxiv:2404.15449', { note: 'A says' });
    clock.now += 1;
    await b.list.update('arxiv:2404.15449', { note: 'B says' });
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    const notes = await Promise.all([a, b].map(async (side) => (await side.list.get('arxiv:2404.15449'))!.note));
    expect(notes[0]).toBe(notes[1]);
    expect(notes[0]).toMatch(/^B says\n\n──── kept both versions of this note: from another device \(edited 2026-12-06\) ────\nA says$/);
  });

  it('carries a removal to the other device, and does not bring the entry back', async () => {
    const { a, b } = await twoDevicesSharing(paper('2404.15449'));
    await b.list.remove('arxiv:2404.15449');
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(await a.list.list()).toEqual([]);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await b.list.list()).toEqual([]);
  });

  it('writes nothing when the storage already holds what this device has', async () => {
    const a = device('a', area, clock);
    await a.list.save(paper('2404.15449'));
    await a.engine.syncNow();
    const writes = area.writes.length;
    await a.engine.syncNow();
    expect(area.writes.length).toBe(writes);
  });

  it('syncs the newest entries that fit when the list outgrows the quota, keeps every entry here, and says so', async () => {
    const a = device('a', area, clock);
    // Notes of random letters do not compress: some 250 of them fill 100 KB.
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const text = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    for (let i = 0; i < 400; i++) {
      clock.now += 10;
      const id = `2404.${String(10000 + i)}`;
      await a.list.save(paper(id));
      await a.list.update(`arxiv:${id}`, { note: text(300) });
    }
    const status = await a.engine.syncNow();
    expect(status.state).toBe('partial');
    expect(status.total).toBe(400);
    expect(status.synced).toBeGreaterThan(100);
    expect(status.synced).toBeLessThan(400);
    expect(area.bytes()).toBeLessThanOrEqual(102_400);
    expect(await a.list.list()).toHaveLength(400);
    // The newest went: another device gets the last saved, not the first.
    const b = device('b', area, clock);
    await b.engine.syncNow();
    expect(await b.list.get('arxiv:2404.10399')).toBeDefined();
    expect(await b.list.get('arxiv:2404.10000')).toBeUndefined();
  });

  it('says what the browser refused, and tries again later', async () => {
    const a = device('a', area, clock);
    await a.list.save(paper('2404.15449'));
    area.set = async () => {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    };
    expect(await a.engine.syncNow()).toMatchObject({ state: 'rate-limited', detail: expect.stringContaining('MAX_WRITE_OPERATIONS_PER_MINUTE'), retryAt: clock.now + 60_000 });
    expect(await a.list.list()).toHaveLength(1);
  });

  it('is off until turned on, and then syncs the list it had', async () => {
    const a = device('a', area, clock);
    a.engine.setEnabled(false);
    await a.list.save(paper('2404.15449'));
    expect(await a.engine.syncNow()).toMatchObject({ state: 'off' });
    expect(area.items).toEqual({});
    a.engine.setEnabled(true);
    expect(await a.engine.syncNow()).toMatchObject({ state: 'synced', synced: 1 });
  });
});
