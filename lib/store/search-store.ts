import { entryDisplayFields, paperDisplayFields, searchHits, type DisplayFields, type SearchHit, type SearchIndex } from '../search';
import { readingListKey } from '../reading-list/entry-key';
import type { CorpusGate } from './corpus-gate';
import { withReopen, type CompanionDatabase } from './database';
import type { ReadingListStore } from './reading-list-store';
import { ImportStore } from './import-store';
import { addNewImports, searchIndexOverImports, type SearchIndexOverImports } from './search-index-cache';

/** A search result with its saved state. */
export type SearchResultHit = SearchHit & { saved: boolean };

/** Narrowing for a search, as the popup's tabs and the tree browser ask for it. */
export interface SearchScope {
  kind: 'all' | 'paper' | 'entry';
  savedOnly: boolean;
  subtree?: string;
}

/** Lets other work through between slices of a long build: a lookup waits for one slice, not the whole build. */
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Search over the bundled corpus and the imports. The index is loaded from its cache in the
 * database once per worker: loading the serialised index is faster than rebuilding it (`npm run
 * bench` measures both), and it is only a cache of the database. What is built here is built in
 * slices, so that page lookups, which need no index, are not held up by it.
 */
export class SearchStore {
  private loaded: Promise<SearchIndexOverImports> | null = null;
  /** The last index built, while a newer one is built over added imports (see {@link importsAdded}). */
  private answering: SearchIndexOverImports | null = null;

  constructor(
    private readonly db: CompanionDatabase,
    private readonly corpus: CorpusGate,
    private readonly readingList: ReadingListStore,
  ) {
    corpus.onReseed(() => this.forget());
  }

  /** Searches; see `searchHits` for the ranking. */
  async search(query: string, scope: SearchScope, limit: number): Promise<{ hits: SearchResultHit[] }> {
    const [index, savedKeys] = await Promise.all([this.answering?.index ?? this.index(), withReopen(this.db, () => this.readingList.keys())]);
    const found = searchHits(index, query, { kind: scope.kind, subtree: scope.subtree, savedKeys: scope.savedOnly ? savedKeys : undefined }, limit);
    const hits = await withReopen(this.db, () => this.withDisplayFields(found));
    return { hits: hits.map((hit) => ({ ...hit, saved: savedKeys.has(readingListKey(hit) ?? '') })) };
  }

  /**
   * The hits with what a result shows, read for them alone: the store's index keeps only what
   * filters and ranking read (`LEAN_STORED_FIELDS`). A paper shows as the user sees it, its
   * imports laid over its bundled digest.
   */
  private async withDisplayFields(hits: readonly SearchHit[]): Promise<SearchHit[]> {
    if (hits.length === 0) return [];
    const paperIds = hits.flatMap((hit) => (hit.kind === 'paper' && hit.arxivId ? [hit.arxivId] : []));
    const entryIds = hits.flatMap((hit) => (hit.kind === 'entry' && hit.entryId ? [hit.entryId] : []));
    const papers = paperIds.length > 0 ? await new ImportStore(this.db).visiblePapers(paperIds) : new Map<string, never>();
    const linked = [...papers.values()].flatMap((paper) => paper.taxonomyEntryIds);
    const entries = new Map((await this.db.taxonomyEntries.bulkGet([...new Set([...entryIds, ...linked])])).flatMap((entry) => (entry ? [[entry.id, entry] as const] : [])));
    // A hit the tables no longer hold (its import was removed while the index is rebuilt) is dropped,
    // rather than shown as a row with no title.
    return hits.flatMap((hit) => {
      const paper = hit.kind === 'paper' && hit.arxivId ? papers.get(hit.arxivId) : undefined;
      const entry = hit.kind === 'entry' && hit.entryId ? entries.get(hit.entryId) : undefined;
      const shown: DisplayFields | null = paper ? paperDisplayFields(paper, entries) : entry ? entryDisplayFields(entry) : null;
      return shown ? [{ ...hit, ...shown }] : [];
    });
  }

  /** The index for the current corpus and imports (see `cachedSearchIndex`); a failure is not kept. */
  async index(): Promise<SearchIndex> {
    this.loaded ??= this.settle(this.corpus.call((hash) => searchIndexOverImports(this.db, hash, yieldToEvents)));
    return (await this.loaded).index;
  }

  /**
   * Brings the index up to date after imports were added (a feed's sync): only their papers are
   * indexed, in slices, and searches go on meanwhile over the index as it was, each slice adding
   * whole papers. When an import was removed or replaced, the index is built again from the
   * bundled one, also in slices, and searches answer from the old one until it is done.
   */
  importsAdded(): Promise<unknown> {
    // After the load or build under way, if any: two builds never change one index at once.
    const previous = this.loaded?.catch(() => null) ?? Promise.resolve(this.answering);
    this.loaded = this.settle(
      previous.then((built) =>
        this.corpus.call(async (hash) => (built && (await addNewImports(this.db, hash, built, yieldToEvents))) ?? searchIndexOverImports(this.db, hash, yieldToEvents)),
      ),
    );
    return this.loaded;
  }

  /** Drops the loaded index, after the corpus or the imports changed: searches wait for the new one. */
  forget(): void {
    this.loaded = null;
    this.answering = null;
  }

  /** Keeps what a load or build gives as the index that answers, unless it was forgotten meanwhile; a failure is not kept. */
  private settle(loading: Promise<SearchIndexOverImports>): Promise<SearchIndexOverImports> {
    const settled: Promise<SearchIndexOverImports> = loading.then(
      (built) => {
        if (this.loaded === settled) this.answering = built;
        return built;
      },
      (error: unknown) => {
        if (this.loaded === settled) this.loaded = null;
        throw error;
      },
    );
    return settled;
  }
}
