import { searchHits, type SearchHit, type SearchIndex } from '../search';
import { readingListKey } from '../reading-list/entry-key';
import type { CorpusGate } from './corpus-gate';
import { withReopen, type CompanionDatabase } from './database';
import type { ReadingListStore } from './reading-list-store';
import { cachedSearchIndex } from './search-index-cache';

/** A search result with its saved state. */
export type SearchResultHit = SearchHit & { saved: boolean };

/** Narrowing for a search, as the popup's tabs and the tree browser ask for it. */
export interface SearchScope {
  kind: 'all' | 'paper' | 'entry';
  savedOnly: boolean;
  subtree?: string;
}

/**
 * Search over the bundled corpus and the imports. The index is loaded from its cache in the
 * database once per worker: loading the serialised index is faster than rebuilding it (`npm run
 * bench` measures both), and it is only a cache of the database.
 */
export class SearchStore {
  private loaded: Promise<SearchIndex> | null = null;

  constructor(
    private readonly db: CompanionDatabase,
    private readonly corpus: CorpusGate,
    private readonly readingList: ReadingListStore,
  ) {
    corpus.onReseed(() => this.forget());
  }

  /** Searches; see `searchHits` for the ranking. */
  async search(query: string, scope: SearchScope, limit: number): Promise<{ hits: SearchResultHit[] }> {
    const [index, savedKeys] = await Promise.all([this.index(), withReopen(this.db, () => this.readingList.keys())]);
    const hits = searchHits(index, query, { kind: scope.kind, subtree: scope.subtree, savedKeys: scope.savedOnly ? savedKeys : undefined }, limit);
    return { hits: hits.map((hit) => ({ ...hit, saved: savedKeys.has(readingListKey(hit) ?? '') })) };
  }

  /** The index for the current corpus and imports (see `cachedSearchIndex`); a failure is not kept. */
  index(): Promise<SearchIndex> {
    this.loaded ??= this.corpus.call((hash) => cachedSearchIndex(this.db, hash)).catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  /** Drops the loaded index, after the corpus or the imports changed. */
  forget(): void {
    this.loaded = null;
  }
}
