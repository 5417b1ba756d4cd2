/**
 * The one message protocol between the content script, the popup, the side panel and the
 * background, which owns the database. Every request is a valibot schema, so the background checks
 * what it receives against the same definition the senders are typed by.
 */
import * as v from 'valibot';
import type { CorpusPaper, LookupResult } from '../corpus';
import { FeedSpecSchema } from '../feeds/feed-spec';
import { PageMetaSchema } from '../page/page-meta';
import { ReadingListEditBaseSchema, ReadingListPatchSchema, SavePaperSchema, type ReadingListEntry } from '../reading-list/reading-list-entry';
import type { FeedNewPaper, FeedSummary } from '../store/feed-store';
import type { ImportBatchSummary } from '../store/import-store';
import type { ListingStatus, PageLookup } from '../store/paper-lookup';
import type { BackupSummary } from '../store/backup-store';
import type { ImportResult } from '../store/reading-list-store';
import type { SyncStatus } from '../sync/sync-engine';
import type { SearchResultHit } from '../store/search-store';
import { SettingsPatchSchema, type Settings } from '../store/settings-store';
import type { StoreErrorCode } from '../store/store-error';
import type { TaxonomyNodeView, TaxonomyTreeNode } from '../store/taxonomy-view';
import type { ZoteroSaveAnswer } from '../zotero/save-papers';

// Pages are hostile: every string from one is bounded before it reaches the database.
const pageText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const key = pageText(2100);

/** Narrowing for a search, as the popup's tabs and the tree browser ask for it. */
export const SearchFiltersSchema = v.object({
  kind: v.optional(v.picklist(['all', 'paper', 'entry']), 'all'),
  savedOnly: v.optional(v.boolean(), false),
  subtree: v.optional(pageText(500)),
});

/** Every request the background answers, each named `area.verb`. */
export const RequestSchema = v.variant('type', [
  v.object({ type: v.literal('page.lookup'), url: pageText(4000), title: v.optional(pageText(2000)), meta: v.optional(PageMetaSchema, {}) }),
  v.object({
    type: v.literal('search.query'),
    query: pageText(500),
    filters: v.optional(SearchFiltersSchema, {}),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 20),
  }),
  v.object({ type: v.literal('paper.get'), arxivId: pageText(100) }),
  v.object({ type: v.literal('paper.status'), arxivIds: v.pipe(v.array(pageText(100)), v.maxLength(500)) }),
  v.object({ type: v.literal('taxonomy.node'), id: pageText(500) }),
  v.object({ type: v.literal('taxonomy.tree') }),
  v.object({ type: v.literal('taxonomy.open'), nodeId: pageText(500) }),
  v.object({ type: v.literal('settings.get') }),
  v.object({ type: v.literal('settings.update'), patch: SettingsPatchSchema }),
  // `limit`: only the most recently saved, for views that show a few (the popup's recent saves).
  v.object({ type: v.literal('readingList.list'), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) }),
  v.object({ type: v.literal('readingList.save'), paper: SavePaperSchema }),
  // `base`: the note and tags the editor began from, so an edit on a stale copy is merged, not lost.
  v.object({ type: v.literal('readingList.update'), key, patch: ReadingListPatchSchema, base: v.optional(ReadingListEditBaseSchema) }),
  v.object({ type: v.literal('readingList.remove'), key }),
  v.object({ type: v.literal('readingList.export'), format: v.picklist(['bibtex', 'ris', 'csl-json', 'markdown', 'json']) }),
  // 20 MB of JSON is some 50,000 entries: far more than a reading list, far less than a tab can choke on.
  v.object({ type: v.literal('readingList.import'), text: v.pipe(v.string(), v.maxLength(20_000_000)) }),
  // Reading-list keys (`arxiv:<id>` for a paper not saved); 500 is the most a list view selects at once.
  v.object({ type: v.literal('zotero.save'), keys: v.pipe(v.array(key), v.minLength(1), v.maxLength(500)) }),
  v.object({ type: v.literal('zoteroPaper.save'), arxivId: pageText(100) }),
  v.object({ type: v.literal('sync.status') }),
  v.object({ type: v.literal('sync.set'), enabled: v.boolean() }),
  v.object({ type: v.literal('backup.list') }),
  v.object({ type: v.literal('backup.restore'), id: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.object({ type: v.literal('imports.list') }),
  v.object({ type: v.literal('imports.remove'), batchId: pageText(100) }),
  // The options page's import worker wrote or removed imported digests: caches over them are stale.
  v.object({ type: v.literal('imports.changed') }),
  v.object({ type: v.literal('feeds.list') }),
  // Sent once the page's click was granted api.github.com and raw.githubusercontent.com; the background checks again before any request.
  v.object({ type: v.literal('feeds.subscribe'), spec: FeedSpecSchema }),
  v.object({ type: v.literal('feeds.unsubscribe'), feedId: pageText(500), keepPapers: v.boolean() }),
  v.object({ type: v.literal('feeds.check'), feedId: pageText(500) }),
  v.object({ type: v.literal('feeds.news'), since: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  // A card for a paper with no digest points to the options page, where digests are imported.
  v.object({ type: v.literal('options.open') }),
]);

/** A request as a sender writes it (defaults may be left out). */
export type Request = v.InferInput<typeof RequestSchema>;
/** A request after validation, with defaults filled in. */
export type ValidRequest = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/**
 * Who may send each request. A content script runs inside a page that may be compromised, so it
 * gets only what the card and the listing markers need: lookups, settings, saving the page's paper
 * and opening a taxonomy node. Everything else (the whole reading list, imports) is for the
 * extension's own pages. A new request must say which, or the protocol does not compile.
 */
export const REQUEST_SENDERS: { readonly [T in RequestType]: 'content-script' | 'extension-page' } = {
  'page.lookup': 'content-script',
  'paper.get': 'content-script',
  'paper.status': 'content-script',
  'taxonomy.open': 'content-script',
  'settings.get': 'content-script',
  'settings.update': 'content-script',
  'readingList.save': 'content-script',
  // The card saves its own paper; what a page can make it send is one paper it names, as with saving.
  'zoteroPaper.save': 'content-script',
  'zotero.save': 'extension-page',
  'search.query': 'extension-page',
  'taxonomy.node': 'extension-page',
  'taxonomy.tree': 'extension-page',
  'readingList.list': 'extension-page',
  'readingList.update': 'extension-page',
  'readingList.remove': 'extension-page',
  'readingList.export': 'extension-page',
  'readingList.import': 'extension-page',
  'sync.status': 'extension-page',
  'sync.set': 'extension-page',
  'backup.list': 'extension-page',
  'backup.restore': 'extension-page',
  'imports.list': 'extension-page',
  'imports.remove': 'extension-page',
  'imports.changed': 'extension-page',
  'feeds.list': 'extension-page',
  'feeds.subscribe': 'extension-page',
  'feeds.unsubscribe': 'extension-page',
  'feeds.check': 'extension-page',
  'feeds.news': 'extension-page',
  'options.open': 'content-script',
};

export type { PageLookup, SearchResultHit, Settings, TaxonomyNodeView, TaxonomyTreeNode };

/** The answer to each request type. */
export interface ResponseMap {
  'page.lookup': PageLookup;
  'search.query': { hits: SearchResultHit[] };
  'paper.get': LookupResult & { digest: CorpusPaper };
  /** Which of the ids have a digest (with what a marker shows), and which are saved: for markers on listing pages. */
  'paper.status': ListingStatus;
  'taxonomy.node': TaxonomyNodeView;
  /** Every node of the taxonomy, in order, for the tree browser. */
  'taxonomy.tree': { nodes: TaxonomyTreeNode[] };
  /** Whether the side panel could be opened on the node; when not, it opens there next time. */
  'taxonomy.open': { opened: boolean };
  'settings.get': Settings;
  'settings.update': Settings;
  'readingList.list': { entries: ReadingListEntry[] };
  'readingList.save': { entry: ReadingListEntry; created: boolean };
  'readingList.update': { entry: ReadingListEntry };
  'readingList.remove': { removed: true };
  /** The whole list as a file: its suggested name, its MIME type and its text. */
  'readingList.export': { filename: string; mimeType: string; text: string };
  /** How an import merged: entries added, entries that existed and gained data, entries already the same, notes kept twice. */
  'readingList.import': ImportResult;
  /** Whether the reading list syncs through the browser's sync, and where that is. */
  'sync.status': { enabled: boolean; status: SyncStatus };
  'sync.set': { enabled: boolean; status: SyncStatus };
  /** The automatic copies of the reading list, newest first. */
  'backup.list': { backups: BackupSummary[] };
  /** A copy merged back through the JSON import. */
  'backup.restore': ImportResult;
  /** Every import of digest files, newest first, with its per-file report. */
  /** Saved to Zotero, or why not, with the papers' BibTeX and RIS to offer instead. */
  'zotero.save': ZoteroSaveAnswer;
  'zoteroPaper.save': ZoteroSaveAnswer;
  'imports.list': { batches: ImportBatchSummary[] };
  /** How many imported digests went with the import. */
  'imports.remove': { papers: number };
  'imports.changed': { ok: true };
  /** Every feed with its counts, errors and state; `syncing` names the feeds being synced right now. */
  'feeds.list': { feeds: FeedSummary[]; syncing: string[] };
  /** The feed subscribed to (or changed); its first sync has started. */
  'feeds.subscribe': { feedId: string };
  /** How many imported digests went with the feed (0 when they were kept). */
  'feeds.unsubscribe': { papers: number };
  'feeds.check': { started: true };
  /** Papers the feeds brought since `since` (a day ago by default) that no one had before, newest first. */
  'feeds.news': { since: number; total: number; papers: FeedNewPaper[] };
  'options.open': { ok: true };
}

/** Error codes on the wire: the store's, plus those of the protocol itself. */
export type ErrorCode = StoreErrorCode | 'bad-message' | 'forbidden-sender';

/** What travels back: a value, or an error a UI can show as it is. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Who sent a request: the tab, for requests from a content script. */
export interface RequestContext {
  tabId?: number;
}

/** The background's side of the protocol: one method per request type. */
export type CompanionApi = {
  [T in RequestType]: (request: Extract<ValidRequest, { type: T }>, context: RequestContext) => Promise<ResponseMap[T]>;
};

