import { BackupStore } from './backup-store';
import { CorpusGate, type CorpusSource } from './corpus-gate';
import type { CompanionDatabase } from './database';
import { FeedStore } from './feed-store';
import { ImportStore } from './import-store';
import { PaperLookup } from './paper-lookup';
import { ReadingListStore } from './reading-list-store';
import { SearchStore } from './search-store';
import { SettingsStore } from './settings-store';
import { SyncSettingsStore } from './sync-settings-store';
import { TaxonomyView } from './taxonomy-view';

export type { CorpusSource } from './corpus-gate';

/**
 * The background's store: one database, seeded from the bundled corpus, and the parts that read
 * and write it. Every part that reads the corpus goes through the gate first, so it works from a
 * cold service worker, after an update, and after a seed that was cut short. In-memory state (the
 * search index, the title matcher) is only a cache of the database and is rebuilt when a new
 * worker starts.
 */
export class CompanionStore {
  readonly corpus: CorpusGate;
  readonly papers: PaperLookup;
  readonly taxonomy: TaxonomyView;
  readonly search: SearchStore;
  readonly settings: SettingsStore;
  readonly readingList: ReadingListStore;
  readonly imports: ImportStore;
  readonly backups: BackupStore;
  readonly syncSettings: SyncSettingsStore;
  readonly feeds: FeedStore;

  constructor(
    readonly db: CompanionDatabase,
    source: CorpusSource,
  ) {
    this.corpus = new CorpusGate(db, source);
    this.readingList = new ReadingListStore(db);
    this.imports = new ImportStore(db);
    this.backups = new BackupStore(db, this.readingList);
    this.syncSettings = new SyncSettingsStore(db);
    this.feeds = new FeedStore(db, this.imports);
    this.settings = new SettingsStore(db);
    this.papers = new PaperLookup(db, this.corpus, this.imports, this.readingList);
    this.taxonomy = new TaxonomyView(db, this.corpus, this.imports);
    this.search = new SearchStore(db, this.corpus, this.readingList);
  }

  /** Resolves with the corpus hash once the database holds the bundled corpus whole. */
  ensureCorpus(): Promise<string> {
    return this.corpus.ensure();
  }

  /**
   * Forgets what was read from imported digests (the search index, the titles) after an import was
   * added or removed, and starts rebuilding the search index so that the next search is quick.
   */
  importsChanged(): void {
    this.search.forget();
    this.papers.forgetTitles();
    void this.search.index().catch(() => undefined);
  }

  /**
   * After imports were added in the background (a feed's sync): the index gets only their papers,
   * in slices, and answers searches meanwhile as it was (see `SearchStore.importsAdded`).
   */
  importsAdded(): void {
    this.papers.forgetTitles();
    void this.search.importsAdded().catch(() => undefined);
  }

  /** Removes one import with every digest it brought. */
  async removeImport(batchId: string): Promise<{ papers: number }> {
    const removed = await this.imports.remove(batchId);
    this.importsChanged();
    return removed;
  }
}
