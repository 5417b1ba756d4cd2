import { loadPackedSearchIndex, loadSearchIndex, packIndex, paperSearchDocuments, type SearchIndex } from '../search';
import { IMPORTS_INDEX_KEY_SEPARATOR, type CompanionDatabase, type SearchIndexRow } from './database';
import { ImportStore } from './import-store';
import { StoreError } from './store-error';

/**
 * The search index for the bundled corpus `hash` and the imports now in the database, from its
 * cache when there is one. Otherwise the bundled index is loaded, each imported paper replaces its
 * bundled document and the taxonomy-entry documents it now stands for, and the result is cached
 * under the corpus hash and the imports' revision (`ImportStore` drops it when the imports change).
 *
 * The import worker calls it right after a commit, so that the background finds the index built
 * and only loads it; the background calls it when it finds none.
 * @throws StoreError `internal` when the bundled index is missing (the corpus is not seeded).
 */
export async function cachedSearchIndex(db: CompanionDatabase, hash: string): Promise<SearchIndex> {
  const imports = new ImportStore(db);
  const revision = await imports.revision();
  const key = revision ? `${hash}${IMPORTS_INDEX_KEY_SEPARATOR}${await sha256(revision)}` : hash;
  const cached = await db.searchIndexes.get(key);
  if (cached) return loadRow(cached);
  const bundled = await db.searchIndexes.get(hash);
  if (!bundled) throw new StoreError('internal', 'the search index cache is missing');
  const index = loadRow(bundled);
  const [papers, nodes, entries] = await Promise.all([imports.visibleImports(), db.taxonomyNodes.toArray(), db.taxonomyEntries.toArray()]);
  for (const paper of papers) {
    for (const id of [`paper:${paper.arxivId}`, ...paper.taxonomyEntryIds.map((entryId) => `entry:${entryId}`)]) if (index.has(id)) index.discard(id);
  }
  index.addAll(paperSearchDocuments(papers, { nodes, entries }));
  await db.searchIndexes.put({ hash: key, packed: packIndex(index), builtAt: Date.now() });
  return index;
}

/** A cached index, packed or (written by an older release) as JSON. */
function loadRow(row: SearchIndexRow): SearchIndex {
  if (row.packed) return loadPackedSearchIndex(row.packed);
  if (row.json !== undefined) return loadSearchIndex(row.json);
  throw new StoreError('internal', 'the search index cache is empty');
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
