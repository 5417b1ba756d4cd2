import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../lib/import/run-import';
import MiniSearch from 'minisearch';
import { createSearchIndex, LEAN_STORED_FIELDS, SEARCH_INDEX_VERSION, searchDocumentsFromCorpus, searchHits, searchIndexOptions, STORED_FIELDS, type SearchDocument } from '../../../lib/search';
import { packSearchIndex } from '../../../lib/search/packed-index';
import type { CompanionDatabase } from '../../../lib/store/database';
import { ImportStore } from '../../../lib/store/import-store';
import { addNewImports, cachedSearchIndex, refreshSearchIndexCache, searchIndexKey, searchIndexOverImports } from '../../../lib/store/search-index-cache';
import { seedCorpus } from '../../../lib/store/seed-corpus';
import { fakeDatabase } from '../../support/fake-database';
import { projectCorpus } from '../../support/project-corpus';
import { DAILY, fixtureFile, PAG_ENTRY, sourceFile, WEEKLY } from '../import/helpers';
import { syntheticDigestFiles } from '../../bench/synthetic-digests';

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
    expect(await db.searchIndexes.toCollection().primaryKeys()).toEqual([searchIndexKey(corpus.hash)]);
    const index = await cachedSearchIndex(db, corpus.hash);
    expect(index.documentCount).toBe((await db.searchIndexes.get(searchIndexKey(corpus.hash)))!.packed!.documentCount);
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
    const combined = keys.find((key) => key !== searchIndexKey(corpus.hash))!;
    expect(combined).toMatch(new RegExp(`^${searchIndexKey(corpus.hash)}\\+[0-9a-f]{64}$`));

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
    expect(await db.searchIndexes.toCollection().primaryKeys()).toEqual([searchIndexKey(corpus.hash)]);
  });

  it('does not fail an import whose index could not be built: the background builds it later', async () => {
    const outcome = await runImport([fixtureFile(DAILY)], { store: new ImportStore(db), loadRepairModel: noModel, indexImports: () => Promise.reject(new Error('no space')) });
    expect(outcome.batch?.papers).toBe(3);
  });
});

describe('addNewImports', () => {
  const importFiles = (db: CompanionDatabase, files: Parameters<typeof runImport>[0]) => runImport(files, { store: new ImportStore(db), loadRepairModel: noModel });
  const hitIds = (index: Awaited<ReturnType<typeof cachedSearchIndex>>, query: string) => searchHits(index, query, {}, 10).map((hit) => hit.id);
  // A second day's digests, in the format of the generator's archive, with papers of their own.
  const { files: laterDays } = syntheticDigestFiles(107, 3);
  const queries = ['perturbed attention guidance', 'diffusion', '扩散模型', 'dreambooth', 'taming transformers', 'video editing'];

  it('indexes only the papers of imports added since, in slices, and answers as a build from the bundled index does', async () => {
    const db = fakeDatabase('search-index-add');
    await seedCorpus(db, corpus);
    await importFiles(db, [fixtureFile(DAILY)]);
    const built = await searchIndexOverImports(db, corpus.hash);
    await importFiles(db, [fixtureFile(WEEKLY)]);
    await importFiles(db, laterDays.map((file) => sourceFile(file.name, file.text)));

    let pauses = 0;
    const added = await addNewImports(db, corpus.hash, built, async () => void pauses++);
    expect(added?.index).toBe(built.index);
    // Each slice runs 20 ms at most: 107 papers take more than one here.
    expect(pauses).toBeGreaterThanOrEqual(1);
    expect(added!.imports.size).toBe(3);

    await db.searchIndexes.where('hash').notEqual(searchIndexKey(corpus.hash)).delete();
    const whole = await cachedSearchIndex(db, corpus.hash);
    expect(added!.index.documentCount).toBe(whole.documentCount);
    for (const query of [...queries, laterDays[0]!.text.match(/^## (.+)$/m)![1]!]) expect(hitIds(added!.index, query), query).toEqual(hitIds(whole, query));
    // And it was cached for the imports it now covers: a woken worker loads it.
    const cachedKeys = await db.searchIndexes.toCollection().primaryKeys();
    expect(cachedKeys).toHaveLength(2);
  });

  it('gives way to a whole build when an import it covered was removed', async () => {
    const db = fakeDatabase('search-index-add-removed');
    await seedCorpus(db, corpus);
    await importFiles(db, [fixtureFile(DAILY)]);
    const built = await searchIndexOverImports(db, corpus.hash);
    const store = new ImportStore(db);
    await store.remove((await store.batches())[0]!.id);
    await importFiles(db, [fixtureFile(WEEKLY)]);
    expect(await addNewImports(db, corpus.hash, built, async () => {})).toBeNull();
  });
});

describe('a search index cached by an older release', () => {
  // What releases before the index version wrote: the index under the bare corpus hash, without
  // the authors among the stored fields, packed or as JSON.
  const olderIndex = () => {
    const index = new MiniSearch<SearchDocument>({ ...searchIndexOptions(), storeFields: STORED_FIELDS.filter((field) => field !== 'authors') });
    index.addAll(searchDocumentsFromCorpus(corpus));
    return index;
  };

  it.each([
    ['packed', () => ({ packed: packSearchIndex(olderIndex()) })],
    ['as JSON', () => ({ json: JSON.stringify(olderIndex()) })],
  ])('%s, for the same bundled corpus, is built again with what this release stores, and dropped', async (_form, row) => {
    const db = fakeDatabase(`search-index-cache-older-${_form}`);
    await seedCorpus(db, corpus);
    await db.searchIndexes.clear();
    await db.searchIndexes.put({ hash: corpus.hash, ...row(), builtAt: 0 });
    await db.searchIndexes.put({ hash: `${corpus.hash}+${'0'.repeat(64)}`, ...row(), builtAt: 0 });

    const index = await cachedSearchIndex(db, corpus.hash);
    expect(await db.searchIndexes.toCollection().primaryKeys()).toEqual([searchIndexKey(corpus.hash)]);
    expect((await db.searchIndexes.get(searchIndexKey(corpus.hash)))!.packed!.storeFields).toEqual(LEAN_STORED_FIELDS);
    for (const query of ['dreambooth', '2404.15449', '身份保持']) {
      expect(searchHits(index, query, {}, 10).map((hit) => hit.id)).toEqual(searchHits(createSearchIndex(searchDocumentsFromCorpus(corpus)), query, {}, 10).map((hit) => hit.id));
    }
  });

  it('is keyed apart from this version', () => {
    expect(searchIndexKey(corpus.hash)).toBe(`${corpus.hash}@${SEARCH_INDEX_VERSION}`);
  });
});
