import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CompanionDatabase, declareSchema, SCHEMA_VERSIONS, CORPUS_TABLES, IMPORT_TABLES, USER_TABLES } from '../../../lib/store/database';
import { freshIndexedDb } from '../../support/fake-database';

describe('the database schema', () => {
  it('keeps corpus tables and user tables apart', async () => {
    const db = new CompanionDatabase('schema', freshIndexedDb());
    await db.open();
    const names = db.tables.map((table) => table.name).sort();
    expect(names).toEqual([...CORPUS_TABLES, ...USER_TABLES, ...IMPORT_TABLES, 'meta'].sort());
    const seeded: readonly string[] = CORPUS_TABLES;
    expect([...USER_TABLES, ...IMPORT_TABLES].filter((name) => seeded.includes(name))).toEqual([]);
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });

  it('indexes the reading list by what the side panel sorts and filters on', async () => {
    const db = new CompanionDatabase('indexes', freshIndexedDb());
    await db.open();
    const indexes = db.readingList.schema.indexes.map((index) => index.name).sort();
    expect(indexes).toEqual(['savedAt', 'status', 'tags', 'updatedAt']);
    expect(db.readingList.schema.primKey.name).toBe('key');
  });
});

describe('upgrading a database written by the previous schema', () => {
  it('keeps every reading-list entry and gives it the new fields', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('upgrade', idb);
    declareSchema(old, 1);
    const v1Entries = [
      { key: 'arxiv:2404.15449', arxivId: '2404.15449', title: 'ID-Aligner', authors: ['Weifeng Chen'], url: 'https://arxiv.org/abs/2404.15449', source: 'card', savedAt: 1_700_000_000_000 },
      { key: 'title:dreambooth fine tuning', arxivId: null, title: 'DreamBooth: Fine Tuning', url: null, source: 'popup', savedAt: 1_700_000_100_000 },
      { key: 'arxiv:hep-th/9901001', arxivId: 'hep-th/9901001', title: '老论文：一个测试', authors: [], url: null, source: 'command', savedAt: 1_600_000_000_000 },
    ];
    await old.table('readingList').bulkAdd(v1Entries);
    await old.table('settings').put({ key: 'cardCollapsed', value: true });
    await old.table('papers').put({ arxivId: '2404.15449', title: 'stale corpus row' });
    old.close();

    const db = new CompanionDatabase('upgrade', idb);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const entries = await db.readingList.orderBy('savedAt').toArray();
    expect(entries).toHaveLength(3);
    for (const entry of v1Entries) {
      const upgraded = entries.find((e) => e.key === entry.key)!;
      expect(upgraded).toMatchObject({ ...entry, authors: entry.authors ?? [], status: 'to-read', note: '', tags: [], updatedAt: entry.savedAt, version: null });
    }
    expect(await db.readingList.where('status').equals('to-read').count()).toBe(3);
    expect(await db.settings.get('cardCollapsed')).toEqual({ key: 'cardCollapsed', value: true });
  });

  it('leaves the old database untouched when an upgrade fails', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('failed-upgrade', idb);
    declareSchema(old, 1);
    await old.table('readingList').add({ key: 'arxiv:2404.15449', arxivId: '2404.15449', title: 'ID-Aligner', savedAt: 1 });
    old.close();

    const broken = new Dexie('failed-upgrade', idb);
    declareSchema(broken, 1);
    broken
      .version(2)
      .stores({ readingList: '&key, savedAt, status' })
      .upgrade(async (tx) => {
        await tx.table('readingList').toCollection().modify((entry: { status?: string }) => (entry.status = 'x'));
        throw new Error('upgrade bug');
      });
    await expect(broken.open()).rejects.toThrow(/upgrade bug/);
    broken.close();

    const reopened = new Dexie('failed-upgrade', idb);
    declareSchema(reopened, 1);
    await reopened.open();
    expect(reopened.verno).toBe(1);
    expect(await reopened.table('readingList').toArray()).toEqual([{ key: 'arxiv:2404.15449', arxivId: '2404.15449', title: 'ID-Aligner', savedAt: 1 }]);
  });
});
