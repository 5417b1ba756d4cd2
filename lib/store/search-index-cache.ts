import { createSearchIndex, loadPackedSearchIndex, packIndex, packIndexInSlices, paperSearchDocuments, SEARCH_INDEX_VERSION, searchDocumentsFromCorpus, type SearchIndex } from '../search';
import { IMPORTS_INDEX_KEY_SEPARATOR, type CompanionDatabase, type ImportedPaperRow } from './database';
import { ImportStore } from './import-store';
import { StoreError } from './store-error';

/**
 * The key of the bundled corpus's own index: the corpus hash and {@link SEARCH_INDEX_VERSION}, so
 * that an update which changes what an index holds (a new stored field) builds it again even when
 * the bundled corpus is the same. An index over imports adds `+<imports revision digest>`.
 */
export function searchIndexKey(hash: string): string {
  return `${hash}@${SEARCH_INDEX_VERSION}`;
}

/** An index over the bundled corpus and some imports: each import's id with the papers it brought. */
export interface SearchIndexOverImports {
  index: SearchIndex;
  imports: ReadonlyMap<string, readonly string[]>;
}

/** How a long build lets other work run: awaited whenever a slice has run {@link SLICE_MS}. */
export type Pause = () => Promise<void>;

/**
 * The longest a build runs between two pauses. Indexing a paper takes 1.5 ms and more (its text
 * tokenized, its terms put in the tree), 6 ms on this machine while others build, so slices are
 * cut by time, not by a count of papers: a waiting page lookup waits one slice at most.
 */
export const SLICE_MS = 20;

// Papers turned into search documents at once (the taxonomy's maps are made once per call).
const DOCUMENTS_AT_ONCE = 10;

/**
 * The search index for the bundled corpus `hash` and the imports now in the database, from its
 * cache when there is one. Otherwise the bundled index is loaded, each imported paper replaces its
 * bundled document and the taxonomy-entry documents it now stands for, and the result is cached
 * under the corpus hash, the index version and the imports' revision (`ImportStore` drops it when
 * the imports change). A bundled index of another version (an older release's) is built again from
 * the corpus tables, and the older rows are dropped.
 *
 * The import worker calls it right after a commit, so that the background finds the index built
 * and only loads it; the background calls it when it finds none.
 * @throws StoreError `internal` when the corpus tables are empty (the corpus is not seeded).
 */
export async function cachedSearchIndex(db: CompanionDatabase, hash: string): Promise<SearchIndex> {
  return (await searchIndexOverImports(db, hash)).index;
}

/**
 * {@link cachedSearchIndex}, with the imports it covers, for {@link addNewImports}.
 * @param pause Awaited whenever a slice of the build has run {@link SLICE_MS}, so that a build in the background lets lookups through.
 */
export async function searchIndexOverImports(db: CompanionDatabase, hash: string, pause: Pause = async () => {}): Promise<SearchIndexOverImports> {
  const imports = await importedPaperIds(db);
  const key = await cacheKey(hash, imports);
  const cached = await db.searchIndexes.get(key);
  if (cached?.packed) return { index: loadPackedSearchIndex(cached.packed), imports };
  const index = await bundledSearchIndex(db, searchIndexKey(hash));
  // Read in one transaction, so that the papers are those of the imports listed.
  const [covered, papers] = await db.transaction('r', [db.importBatches, db.importedPapers, db.papers], async () => [await importedPaperIds(db), await new ImportStore(db).visibleImports()] as const);
  await layOver(db, index, papers, pause);
  const coveredKey = await cacheKey(hash, covered);
  if (coveredKey !== searchIndexKey(hash)) await db.searchIndexes.put({ hash: coveredKey, packed: await packIndexInSlices(index, pause, SLICE_MS), builtAt: Date.now() });
  return { index, imports: covered };
}

/**
 * Brings an index up to date with imports added since it was built, indexing only their papers
 * (a feed's daily sync adds a file or two to thousands of papers), in slices, and caches it.
 * Searches may go on over it meanwhile: each slice replaces whole papers. A paper's taxonomy
 * entries only grow as imports are added (they are joined), so an entry document, once replaced
 * by a paper, stays so.
 * @returns the index (the same object, changed) with what it now covers; null when an import it
 *   covered was removed or replaced: then only a build from the bundled index is right.
 */
export async function addNewImports(db: CompanionDatabase, hash: string, built: SearchIndexOverImports, pause: Pause): Promise<SearchIndexOverImports | null> {
  const read = await db.transaction('r', [db.importBatches, db.importedPapers, db.papers], async () => {
    const imports = await importedPaperIds(db);
    if ([...built.imports.keys()].some((id) => !imports.has(id))) return null;
    const ids = [...imports].flatMap(([id, paperIds]) => (built.imports.has(id) ? [] : paperIds));
    return { imports, visible: ids.length > 0 ? await new ImportStore(db).visiblePapers(ids) : null };
  });
  if (!read) return null;
  const { imports, visible } = read;
  if (!visible) return { index: built.index, imports };
  const papers = [...visible.values()].filter((paper): paper is ImportedPaperRow => 'imported' in paper);
  await layOver(db, built.index, papers, pause);
  await db.searchIndexes.put({ hash: await cacheKey(hash, imports), packed: await packIndexInSlices(built.index, pause, SLICE_MS), builtAt: Date.now() });
  return { index: built.index, imports };
}

/** Each import's id with the ids of the papers it brought. */
async function importedPaperIds(db: CompanionDatabase): Promise<Map<string, string[]>> {
  const batches = await db.importBatches.toArray();
  return new Map(batches.map((batch) => [batch.id, batch.titles.map((title) => title.arxivId)]));
}

/** The cache key of an index over the bundled corpus and these imports. */
async function cacheKey(hash: string, imports: ReadonlyMap<string, unknown>): Promise<string> {
  const revision = [...imports.keys()].sort().join(',');
  return revision ? `${searchIndexKey(hash)}${IMPORTS_INDEX_KEY_SEPARATOR}${await sha256(revision)}` : searchIndexKey(hash);
}

/**
 * Puts imported papers in an index in place of their bundled documents and of the taxonomy
 * entries they stand for, pausing whenever a slice has run {@link SLICE_MS}. Each paper goes in
 * whole, so a search between two slices sees each paper either as it was or as it is now.
 */
async function layOver(db: CompanionDatabase, index: SearchIndex, papers: readonly ImportedPaperRow[], pause: Pause): Promise<void> {
  if (papers.length === 0) return;
  const [nodes, entries] = await Promise.all([db.taxonomyNodes.toArray(), db.taxonomyEntries.toArray()]);
  let sliceStart = performance.now();
  for (let start = 0; start < papers.length; start += DOCUMENTS_AT_ONCE) {
    const some = papers.slice(start, start + DOCUMENTS_AT_ONCE);
    const documents = paperSearchDocuments(some, { nodes, entries });
    some.forEach((paper, i) => {
      for (const id of [`paper:${paper.arxivId}`, ...paper.taxonomyEntryIds.map((entryId) => `entry:${entryId}`)]) if (index.has(id)) index.discard(id);
      index.add(documents[i]!);
    });
    if (performance.now() - sliceStart >= SLICE_MS) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** The bundled corpus's index of this version; built from the corpus tables (and cached) when there is none. */
async function bundledSearchIndex(db: CompanionDatabase, bundledKey: string): Promise<SearchIndex> {
  const row = await db.searchIndexes.get(bundledKey);
  if (row?.packed) return loadPackedSearchIndex(row.packed);
  const [papers, nodes, entries] = await Promise.all([db.papers.toArray(), db.taxonomyNodes.toArray(), db.taxonomyEntries.toArray()]);
  if (papers.length === 0 && entries.length === 0) throw new StoreError('internal', 'the corpus tables are empty');
  const index = createSearchIndex(searchDocumentsFromCorpus({ papers, taxonomy: { nodes, entries } }), undefined, 'lean');
  await db.transaction('rw', db.searchIndexes, async () => {
    // Rows of other versions, and of the corpus before this one, are never read again.
    const stale = (await db.searchIndexes.toCollection().primaryKeys()).filter((key) => !key.startsWith(bundledKey));
    await db.searchIndexes.bulkDelete(stale);
    await db.searchIndexes.put({ hash: bundledKey, packed: packIndex(index), builtAt: Date.now() });
  });
  return index;
}

/**
 * Builds and caches the search index for the seeded corpus and the imports now in the database,
 * unless it is cached already; nothing when the corpus is not (or not wholly) seeded yet.
 */
export async function refreshSearchIndexCache(db: CompanionDatabase): Promise<void> {
  const state = await db.meta.get('corpus');
  if (state?.complete) await cachedSearchIndex(db, state.hash);
}

async function sha256(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
