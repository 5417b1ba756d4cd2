import { beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, BackupStore } from '../../../lib/store/backup-store';
import type { CompanionDatabase } from '../../../lib/store/database';
import { ReadingListStore } from '../../../lib/store/reading-list-store';
import { seedCorpus } from '../../../lib/store/seed-corpus';
import { fakeDatabase } from '../../support/fake-database';

const paper = (id: string) => ({ arxivId: id, version: 1, title: `Paper ${id}`, authors: [], url: null, source: 'popup' as const });

describe('BackupStore', () => {
  let db: CompanionDatabase;
  let list: ReadingListStore;
  let backups: BackupStore;
  let now: number;
  beforeEach(() => {
    db = fakeDatabase(`backups-${Math.random()}`);
    now = Date.UTC(2026, 11, 6);
    list = new ReadingListStore(db);
    backups = new BackupStore(db, list, () => (now += 1000));
  });

  it('copies the list after a change, once per change, and not an empty list', async () => {
    expect(await backups.take()).toBe(false);
    await list.save(paper('2404.15449'));
    expect(await backups.take()).toBe(true);
    expect(await backups.take()).toBe(false);
    await list.update('arxiv:2404.15449', { note: 'n' });
    expect(await backups.take()).toBe(true);
    expect((await backups.list()).map((backup) => backup.entries)).toEqual([1, 1]);
  });

  it(`keeps the newest ${BACKUPS_KEPT} copies`, async () => {
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) {
      await list.save(paper(`2404.${String(10000 + i)}`));
      await backups.take();
    }
    const kept = await backups.list();
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]!.entries).toBe(BACKUPS_KEPT + 3);
    expect(kept.at(-1)!.entries).toBe(4);
  });

  it('restores a copy through the import: removed entries come back, newer notes stay beside the copy’s', async () => {
    await list.save(paper('2404.15449'));
    await list.save(paper('2403.04692'));
    await list.update('arxiv:2404.15449', { note: 'before' });
    await backups.take();
    await list.remove('arxiv:2403.04692');
    await list.update('arxiv:2404.15449', { note: 'after' });
    const [copy] = await backups.list();
    const result = await backups.restore(copy!.id);
    expect(result).toMatchObject({ added: 1, updated: 1, conflicts: [{ key: 'arxiv:2404.15449' }] });
    expect((await list.list()).map((entry) => entry.key).sort()).toEqual(['arxiv:2403.04692', 'arxiv:2404.15449']);
    expect((await list.get('arxiv:2404.15449'))!.note).toMatch(/^after\n\n.*\nbefore$/);
  });

  it('says not-found for a copy that is not there', async () => {
    await expect(backups.restore(99)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('is a user table: seeding a corpus leaves the copies alone', async () => {
    await list.save(paper('2404.15449'));
    await backups.take();
    const { projectCorpus } = await import('../../support/project-corpus');
    await seedCorpus(db, projectCorpus().corpus);
    expect(await backups.list()).toHaveLength(1);
  });
});
