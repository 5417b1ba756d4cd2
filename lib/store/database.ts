import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { CorpusPaper, CorpusTaxonomyEntry, CorpusTaxonomyNode } from '../corpus';
import type { FeedSpec } from '../feeds/feed-spec';
import type { FeedProblemKind } from '../feeds/feed-schedule';
import type { FeedFileState } from '../feeds/tree-diff';
import type { ReadingListEntry } from '../reading-list/reading-list-entry';
import type { SyncRecord } from '../sync/sync-record';
import type { PackedSearchIndex } from '../search/packed-index';
import { readStoredPaper } from './stored-paper';

/** The IndexedDB database the background owns. */
export const DATABASE_NAME = 'arxiv-digest-companion';

/** A taxonomy node as stored: with the number of entries in its whole subtree, for the tree browser. */
export type StoredTaxonomyNode = CorpusTaxonomyNode & { subtreeEntryCount: number };

/** A title someone may find a paper by; `arxivId` for a digest, `entryId` for a taxonomy entry. */
export interface TitleRow {
  title: string;
  arxivId: string | null;
  entryId: string | null;
}

/**
 * Every title of a corpus, in one row: the title matcher needs all of them at once, and one row
 * writes in a fraction of the time of thousands.
 */
export interface TitleIndexRow {
  hash: string;
  titles: TitleRow[];
}

/**
 * The state of the corpus tables. `complete` turns true in the same transaction that finishes
 * seeding, so a reader that sees it true sees the whole corpus of `hash`, and nothing else.
 */
export interface CorpusStateRow {
  key: 'corpus';
  hash: string;
  complete: boolean;
  startedAt: number;
  seededAt: number | null;
  counts: { papers: number; taxonomyNodes: number; taxonomyEntries: number; titles: number };
}

/**
 * Joins the corpus hash and the imports' revision digest in the key of a search index built over
 * both; a key without it is the bundled corpus's own index.
 */
export const IMPORTS_INDEX_KEY_SEPARATOR = '+';

/** A search index, cached for the corpus it was built from. */
export interface SearchIndexRow {
  /** `<corpus hash>@<index version>`, and `+<imports revision digest>` with imports laid over it (see `searchIndexKey`). */
  hash: string;
  /** The packed index (see `PackedSearchIndex`): strings and typed arrays, loaded lazily. */
  packed?: PackedSearchIndex;
  /** The index as MiniSearch's JSON, as releases before the packed form wrote it (under the bare hash): never read, built again. */
  json?: string;
  builtAt: number;
}

/** Where an imported digest came from: the user's file and the import it arrived with. */
export interface ImportProvenance {
  batchId: string;
  file: string;
  /** Epoch milliseconds. */
  importedAt: number;
}

/**
 * A digest the user imported. Each import keeps its own row for a paper, so removing a later
 * import brings back what an earlier one said; the newest import of a paper is the one shown.
 */
export type ImportedPaperRow = CorpusPaper & { imported: ImportProvenance };

/** What one file of an import did, paper by paper; kept with the import and shown in the options page. */
export interface ImportFileReport {
  file: string;
  /** A rejected file contributes nothing; `error` says why. */
  status: 'imported' | 'rejected';
  error: string | null;
  kind: 'weekly' | 'daily' | 'corpus' | null;
  added: string[];
  updated: string[];
  skipped: { arxivId: string | null; line: number | null; reason: string }[];
  /** What looked wrong in papers that were imported all the same; absent in reports of older releases. */
  warnings?: { line: number; message: string }[];
  /** Notes that changed nothing: characters repaired, a taxonomy in corpus JSON left aside. */
  notes: string[];
  /** The title of each paper the file gave, by arXiv id, for the report; absent in reports of older releases. */
  titles?: Record<string, string>;
}

/** One import: the unit the user removes again. */
export interface ImportBatchRow {
  id: string;
  importedAt: number;
  files: ImportFileReport[];
  /** Rows written to `importedPapers`. */
  papers: number;
  /** Every imported title, for the title matcher, which must not read every imported paper to know them. */
  titles: { title: string; arxivId: string }[];
  /** Set when a digest feed brought it: one import per file of the feed. `gone` once the folder no longer holds the file. */
  feed?: { feedId: string; path: string; gone?: boolean };
}

/** A digest feed the user subscribed to, with where its syncing stands. */
export type FeedRow = FeedSpec & {
  id: string;
  subscribedAt: number;
  /** The ETag of the last listing: a listing that has not changed costs a 304, which GitHub does not count. */
  etag: string | null;
  /** When the folder was last listed, successfully or not. */
  lastCheckAt: number | null;
  /** When a sync last went through to the end. */
  lastSyncAt: number | null;
  /** Failures in a row, for the backoff. */
  failures: number;
  /** Not before this: a rate limit's reset, or a backoff. */
  waitUntil: number | null;
  /** Why the last attempt stopped; null when it went through. */
  problem: { kind: FeedProblemKind; detail: string } | null;
};

/** One digest file of a feed: written in the transaction that writes its papers, so a sync resumes exactly. */
export interface FeedFileRow {
  feedId: string;
  path: string;
  /** The blob sha the folder listed; the file is fetched again only when it changes. */
  sha: string;
  date: string;
  topic: string;
  state: FeedFileState;
  /** The import this file's papers went in with; null until it is done. */
  batchId: string | null;
  papers: number;
  /** Papers no one had before this file brought them: the popup's "new papers". */
  added: string[];
  /** Why the pipeline refused the file. */
  error: string | null;
  /** When its papers were written (epoch ms); 0 until then. */
  doneAt: number;
}

/**
 * A copy of the whole reading list as its JSON export, taken after changes: what *Restore from
 * backup* brings back, through the JSON import.
 */
export interface ReadingListBackupRow {
  id?: number;
  takenAt: number;
  entries: number;
  /** FNV-1a of the entries' JSON: a list unchanged since the last copy is not copied again. */
  hash: string;
  json: string;
}

/** A user setting; values are validated where they are read. */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** The tables that hold the bundled corpus: seeding clears and refills these, and only these. */
export const CORPUS_TABLES = ['papers', 'taxonomyNodes', 'taxonomyEntries', 'titleIndexes', 'searchIndexes'] as const;
/** The tables that hold what the user made: nothing but the user's own actions writes them. */
export const USER_TABLES = ['readingList', 'settings', 'readingListClocks', 'readingListBackups'] as const;
/** The tables that hold imported digests: like the user tables, seeding never touches them. */
export const IMPORT_TABLES = ['importedPapers', 'importBatches', 'feeds', 'feedFiles'] as const;

/**
 * Every schema the database has had, oldest first. A version is never edited once released: a
 * change is a new version with an `upgrade` that carries old rows over. Dexie runs each upgrade
 * from the user's version up, inside the version-change transaction, so an upgrade that throws
 * leaves the old database as it was.
 */
export const SCHEMA_VERSIONS: readonly {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}[] = [
  {
    // The first schema: a reading list keyed by paper, with the time each paper was saved.
    version: 1,
    stores: {
      papers: '&arxivId',
      taxonomyNodes: '&id, parentId',
      taxonomyEntries: '&id, nodeId, *arxivIds',
      titles: '++id',
      meta: '&key',
      readingList: '&key, savedAt',
      settings: '&key',
    },
  },
  {
    // Reading-list entries gain a status, a note and tags; the search and title indexes are cached whole.
    version: 2,
    stores: {
      readingList: '&key, savedAt, updatedAt, status, *tags',
      searchIndexes: '&hash',
      titles: null,
      titleIndexes: '&hash',
    },
    upgrade: (tx) =>
      tx
        .table('readingList')
        .toCollection()
        .modify((entry: Partial<ReadingListEntry> & { savedAt: number }) => {
          entry.status ??= 'to-read';
          entry.note ??= '';
          entry.tags ??= [];
          entry.updatedAt ??= entry.savedAt;
          entry.version ??= null;
          entry.authors ??= [];
        }),
  },
  {
    // Digests the user imports, apart from the bundled corpus so that re-seeding never touches them.
    version: 3,
    stores: {
      importedPapers: '&[arxivId+imported.batchId], arxivId, imported.batchId, *taxonomyEntryIds',
      importBatches: '&id, importedAt',
    },
  },
  {
    // Beside each reading-list entry, its change times for the sync (and a tombstone once removed);
    // and the automatic backups of the list. Both are user tables: re-seeding never touches them.
    version: 4,
    stores: {
      readingListClocks: '&key',
      readingListBackups: '++id, takenAt',
    },
  },
  {
    // Digest feeds and their files; what they import goes into the import tables, one import per file.
    version: 5,
    stores: {
      feeds: '&id',
      feedFiles: '&[feedId+path], feedId, doneAt',
    },
  },
];

/**
 * Declares the schema versions up to `upTo` on a Dexie instance. Tests use it to write a database
 * as an older release did, then open it with the current one.
 */
export function declareSchema(db: Dexie, upTo = SCHEMA_VERSIONS.at(-1)!.version): void {
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    if (version > upTo) break;
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

/** The extension's database: corpus tables, refilled on every corpus change, and user tables, never touched by it. */
export class CompanionDatabase extends Dexie {
  papers!: EntityTable<CorpusPaper, 'arxivId'>;
  taxonomyNodes!: EntityTable<StoredTaxonomyNode, 'id'>;
  taxonomyEntries!: EntityTable<CorpusTaxonomyEntry, 'id'>;
  titleIndexes!: EntityTable<TitleIndexRow, 'hash'>;
  searchIndexes!: EntityTable<SearchIndexRow, 'hash'>;
  meta!: EntityTable<CorpusStateRow, 'key'>;
  readingList!: EntityTable<ReadingListEntry, 'key'>;
  readingListClocks!: EntityTable<SyncRecord, 'key'>;
  readingListBackups!: EntityTable<ReadingListBackupRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  importedPapers!: Dexie.Table<ImportedPaperRow, [string, string]>;
  importBatches!: EntityTable<ImportBatchRow, 'id'>;
  feeds!: EntityTable<FeedRow, 'id'>;
  feedFiles!: Dexie.Table<FeedFileRow, [string, string]>;

  /**
   * @param name Database name; tests give each case its own.
   * @param options Dexie options, e.g. `{ indexedDB, IDBKeyRange }` from fake-indexeddb.
   */
  constructor(name = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    declareSchema(this);
    // Papers are written without an `abstractHtml` that is only their abstract as HTML (`toStoredPaper`).
    this.papers.hook('reading', readStoredPaper);
    this.importedPapers.hook('reading', readStoredPaper);
  }
}

/**
 * Runs a database call, reopening the database once if it was closed under us: the browser may
 * close an idle service worker's connection, and Dexie then throws `DatabaseClosedError`.
 * @example
 * const entries = await withReopen(db, () => db.readingList.toArray());
 */
export async function withReopen<T>(db: Dexie, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if ((error as { name?: string })?.name !== 'DatabaseClosedError') throw error;
    await db.open();
    return operation();
  }
}
