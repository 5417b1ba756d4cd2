import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../lib/import/run-import';
import { searchHits } from '../../../lib/search';
import type { CompanionDatabase } from '../../../lib/store/database';
import { ImportStore } from '../../../lib/store/import-store';
import { cachedSearchIndex, refreshSearchIndexCache } from '../../../lib/store/search-index-cache';
import { seedCorpus } from '../../../lib/store/seed-corpus';
import { fakeDatabase } from '../../support/fake-database';
import { projectCorpus } from '../../support/project-corpus';
import { DAILY, fixtureFile, PAG_ENTRY } from '../import/helpers';

const { corpus } = projectCorpus();
const noModel = () => Promise.reject(new Error('no damaged file here'));

describe('cachedSearchIndex', () => {
  let db: CompanionDatabase;
  beforeAll(async () => {
    db = fakeDatabase('search-index-cache');
    await seedCorpus(db, corpus);
  });

  it('is the bundled index, from its cache, while nothing is imported', async () => {
    await refreshSearchIndexCache(db);
    expect((await db.searchIndexes.toCollection().primaryKeys())).toEqual([corpus.hash]);
    const index = await cachedSearchIndex(db, corpus.hash);
    expect(index.documentCount).toBe((await db.searchIndexes.get(corpus.hash))!.packed!.documentCount);
  });

  it('is built by the importer right after its commit, with the imported papers in place of what they stand for', async () => {
    const phases: string[] = [];
    await runImport([fixtureFile(DAILY)], {
      store: new ImportStore(db),
      loadRepairModel: noModel,
      indexImports: () => refreshSearchIndexCache(db),
      onProgress: ({ phase }) => phases.push(phase),
    });
    expect(phases.at(-1)).toBe('indexing');
    const keys = await db.searchIndexes.toCollection().primaryKeys();
    expect(keys).toHaveLength(2);
    const combined = keys.find((key) => key !== corpus.hash)!;
    expect(combined).toMatch(new RegExp(`^${corpus.hash}\\+[0-9a-f]{64}$`));

    const index = await cachedSearchIndex(db, corpus.hash);
    expect(searchHits(index, '2405.12002', {}, 5).map((hit) => hit.arxivId)).toEqual(['2405.12002']);
    // The PAG entry's own document gave way to the imported paper that is the same paper.
    expect(index.has(`entry:${PAG_ENTRY}`)).toBe(false);
    expect(index.has('paper:2405.12001')).toBe(true);
  });

  it('keeps one combined cache: a new import replaces the old one', async () => {
    const store = new ImportStore(db);
    await store.remove((await store.batches())[0]!.id);
    await refreshSearchIndexCache(db);
    expect(await db.searchIndexes.toCollection().primaryKeys()).toEqual([corpus.hash]);
  });

  it('does not fail an import whose index could not be built: the background builds it later', async () => {
    const outcome = await runImport([fixtureFile(DAILY)], { store: new ImportStore(db), loadRepairModel: noModel, indexImports: () => Promise.reject(new Error('no space')) });
    expect(outcome.batch?.papers).toBe(3);
  });
});

describe('a search index cached as JSON by an older release', () => {
  it('still loads, and answers as the packed one does', async () => {
    const db = fakeDatabase('search-index-cache-json');
    await seedCorpus(db, corpus);
    const packed = await cachedSearchIndex(db, corpus.hash);
    await db.searchIndexes.put({ hash: corpus.hash, json: JSON.stringify(packed), builtAt: 0 });
    const fromJson = await cachedSearchIndex(db, corpus.hash);
    expect(fromJson.documentCount).toBe(packed.documentCount);
    expect(searchHits(fromJson, 'dreambooth', {}, 10).map((hit) => hit.id)).toEqual(searchHits(packed, 'dreambooth', {}, 10).map((hit) => hit.id));
  });
});
