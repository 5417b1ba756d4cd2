import { beforeEach, describe, expect, it } from 'vitest';
import { searchIndexKey } from '../../../lib/store/search-index-cache';
import { corpusState, seedCorpus, SEED_CHUNK_ROWS } from '../../../lib/store/seed-corpus';
import { CompanionStore } from '../../../lib/store/companion-store';
import type { CompanionDatabase } from '../../../lib/store/database';
import { projectCorpus } from '../../support/project-corpus';
import { fakeDatabase, memorySource, nextRelease } from '../../support/fake-database';

const { corpus } = projectCorpus();
const saved = { arxivId: '2404.15449', title: 'ID-Aligner', authors: ['Weifeng Chen'], url: 'https://arxiv.org/abs/2404.15449', source: 'card' as const };

describe('seedCorpus', () => {
  let db: CompanionDatabase;
  beforeEach(() => {
    db = fakeDatabase();
  });

  it('fills every corpus table and marks the state complete', async () => {
    const result = await seedCorpus(db, corpus);
    expect(result.seeded).toBe(true);
    expect(await db.papers.count()).toBe(corpus.papers.length);
    expect(await db.taxonomyNodes.count()).toBe(corpus.taxonomy.nodes.length);
    expect(await db.taxonomyEntries.count()).toBe(corpus.taxonomy.entries.length);
    expect((await db.titleIndexes.get(corpus.hash))?.titles).toHaveLength(corpus.papers.length + corpus.taxonomy.entries.reduce((n, e) => n + e.titles.length, 0));
    expect(await db.searchIndexes.get(searchIndexKey(corpus.hash))).toBeDefined();
    expect(await corpusState(db)).toMatchObject({ hash: corpus.hash, complete: true });
  });

  it('writes in chunks of at most SEED_CHUNK_ROWS rows, each its own transaction', async () => {
    const progress: number[] = [];
    const result = await seedCorpus(db, corpus, { onProgress: (written) => progress.push(written) });
    const steps = progress.map((written, i) => written - (progress[i - 1] ?? 0));
    expect(Math.max(...steps)).toBeLessThanOrEqual(SEED_CHUNK_ROWS);
    expect(progress.at(-1)).toBe(result.rows);
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(result.rows / SEED_CHUNK_ROWS));
  });

  it('does nothing when the database already holds this corpus whole', async () => {
    await seedCorpus(db, corpus);
    const again = await seedCorpus(db, corpus);
    expect(again).toEqual({ seeded: false, hash: corpus.hash, rows: 0 });
  });

  it('counts the entries under every node, for the tree browser', async () => {
    await seedCorpus(db, corpus);
    const roots = await db.taxonomyNodes.filter((node) => node.parentId === null).toArray();
    expect(roots.reduce((sum, node) => sum + node.subtreeEntryCount, 0)).toBe(corpus.taxonomy.entries.length);
  });

  it('re-seeds a new corpus without touching the reading list or the settings', async () => {
    const store = new CompanionStore(db, memorySource(corpus));
    await store.ensureCorpus();
    await store.readingList.save(saved);
    await store.readingList.update('arxiv:2404.15449', { status: 'reading', note: '读完第三节', tags: ['id'] });
    await db.settings.put({ key: 'cardCollapsed', value: true });
    const before = await db.readingList.toArray();

    const next = nextRelease(corpus, (c) => c.papers.pop());
    const result = await seedCorpus(db, next);
    expect(result.seeded).toBe(true);
    expect(await db.papers.count()).toBe(corpus.papers.length - 1);
    expect(await db.readingList.toArray()).toEqual(before);
    expect(await db.settings.get('cardCollapsed')).toEqual({ key: 'cardCollapsed', value: true });
    expect(await db.searchIndexes.count()).toBe(1);
  });
});

describe('a seed cut short', () => {
  it('is redone on the next start, and no reader ever sees half a corpus', async () => {
    const db = fakeDatabase();
    // The worker dies after the first chunk of papers: the bulkPut of the second chunk never returns.
    let chunks = 0;
    const killed = new Error('service worker killed');
    const original = db.taxonomyNodes.bulkPut.bind(db.taxonomyNodes);
    db.taxonomyNodes.bulkPut = ((...args: Parameters<typeof original>) => {
      if (++chunks === 2) throw killed;
      return original(...args);
    }) as typeof original;
    // Chunks small enough that the taxonomy takes more than one, whatever SEED_CHUNK_ROWS is.
    await expect(seedCorpus(db, corpus, { chunkRows: 200 })).rejects.toBe(killed);
    expect(await corpusState(db)).toMatchObject({ hash: corpus.hash, complete: false });
    expect(await db.papers.count()).toBeGreaterThan(0);
    db.taxonomyNodes.bulkPut = original;

    // The next worker: its first call finds the incomplete state and seeds again before answering.
    const source = memorySource(corpus);
    const store = new CompanionStore(db, source);
    const lookup = await store.papers.page({ url: 'https://arxiv.org/abs/2404.15449' });
    expect(lookup.digest?.arxivId).toBe('2404.15449');
    expect(lookup.placements.length).toBeGreaterThan(0);
    expect(source.loads).toBe(1);
    expect(await corpusState(db)).toMatchObject({ complete: true });
    expect(await db.taxonomyNodes.count()).toBe(corpus.taxonomy.nodes.length);
  });

  it('keeps the reading list through a failed seed', async () => {
    const db = fakeDatabase();
    const store = new CompanionStore(db, memorySource(corpus));
    await store.readingList.save(saved);
    const original = db.taxonomyEntries.bulkPut.bind(db.taxonomyEntries);
    db.taxonomyEntries.bulkPut = (() => Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }))) as unknown as typeof original;
    await expect(store.ensureCorpus()).rejects.toMatchObject({ code: 'quota-exceeded' });
    expect((await store.readingList.list()).map((e) => e.key)).toEqual(['arxiv:2404.15449']);
    db.taxonomyEntries.bulkPut = original;
    // Not cached as failed: the next call seeds.
    await expect(store.ensureCorpus()).resolves.toBe(corpus.hash);
  });
});
