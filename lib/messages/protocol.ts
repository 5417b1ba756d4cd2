/**
 * The one message protocol between the content script, the popup, the side panel and the
 * background, which owns the database. Every request is a valibot schema, so the background checks
 * what it receives against the same definition the senders are typed by.
 */
import * as v from 'valibot';
import type { CorpusPaper, LookupResult, TaxonomyPlacement } from '../corpus';
import { ReadingListPatchSchema, SavePaperSchema, type ReadingListEntry } from '../reading-list/reading-list-entry';
import type { SearchHit } from '../search';
import type { StoredTaxonomyNode } from '../store/database';
import type { ImportBatchSummary } from '../store/import-store';
import type { StoreErrorCode } from '../store/store-error';

// Pages are hostile: every string from one is bounded before it reaches the database.
const pageText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const key = pageText(2100);

/** What a content script reads off a page besides its URL. */
export const PageMetaSchema = v.object({
  citationArxivId: v.optional(pageText(100)),
  citationPdfUrl: v.optional(pageText(2000)),
  citationTitle: v.optional(pageText(2000)),
  citationAuthors: v.optional(v.pipe(v.array(pageText(300)), v.maxLength(500))),
  /** Hrefs of links to arXiv papers on the page, at most a few hundred. */
  arxivLinks: v.optional(v.pipe(v.array(pageText(2000)), v.maxLength(500))),
});
export type PageMeta = v.InferOutput<typeof PageMetaSchema>;

/** Narrowing for a search, as the popup's tabs and the tree browser ask for it. */
export const SearchFiltersSchema = v.object({
  kind: v.optional(v.picklist(['all', 'paper', 'entry']), 'all'),
  savedOnly: v.optional(v.boolean(), false),
  subtree: v.optional(pageText(500)),
});

/** User settings, each with its default. */
export const SettingsSchema = v.object({
  cardCollapsed: v.optional(v.boolean(), false),
  /** The taxonomy node the side panel opens on next, set when a card's breadcrumb is clicked. */
  pendingTaxonomyNode: v.optional(v.nullable(pageText(500)), null),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** Every request the background answers. */
export const RequestSchema = v.variant('type', [
  v.object({ type: v.literal('lookupPage'), url: pageText(4000), title: v.optional(pageText(2000)), meta: v.optional(PageMetaSchema, {}) }),
  v.object({
    type: v.literal('search'),
    query: pageText(500),
    filters: v.optional(SearchFiltersSchema, {}),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 20),
  }),
  v.object({ type: v.literal('getPaper'), arxivId: pageText(100) }),
  v.object({ type: v.literal('taxonomyNode'), id: pageText(500) }),
  v.object({ type: v.literal('paperStatus'), arxivIds: v.pipe(v.array(pageText(100)), v.maxLength(500)) }),
  v.object({ type: v.literal('openTaxonomyNode'), nodeId: pageText(500) }),
  v.object({ type: v.literal('settings.get') }),
  v.object({ type: v.literal('settings.update'), patch: v.partial(v.object({ cardCollapsed: v.boolean(), pendingTaxonomyNode: v.nullable(pageText(500)) })) }),
  v.object({ type: v.literal('readingList.list') }),
  v.object({ type: v.literal('readingList.save'), paper: SavePaperSchema }),
  v.object({ type: v.literal('readingList.update'), key, patch: ReadingListPatchSchema }),
  v.object({ type: v.literal('readingList.remove'), key }),
  v.object({ type: v.literal('readingList.export'), format: v.picklist(['bibtex', 'markdown', 'json']) }),
  // 20 MB of JSON is some 50,000 entries: far more than a reading list, far less than a tab can choke on.
  v.object({ type: v.literal('readingList.import'), text: v.pipe(v.string(), v.maxLength(20_000_000)) }),
  v.object({ type: v.literal('taxonomyRoots') }),
  v.object({ type: v.literal('imports.list') }),
  v.object({ type: v.literal('imports.remove'), batchId: pageText(100) }),
  // The options page's import worker wrote or removed imported digests: caches over them are stale.
  v.object({ type: v.literal('imports.changed') }),
]);

/** A request as a sender writes it (defaults may be left out). */
export type Request = v.InferInput<typeof RequestSchema>;
/** A request after validation, with defaults filled in. */
export type ValidRequest = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What the background knows about the paper on a page. */
export interface PageLookup extends LookupResult {
  /** How the page was recognised; null when it names no paper the extension can find. */
  matchedBy: 'url' | 'meta' | 'link' | 'title' | null;
  /** The version the page shows, when its URL or metadata says. */
  pageVersion: number | null;
  /** Set when the page shows a newer version than the digest was written from. */
  newerVersion: { page: number; digest: number } | null;
  /** The reading-list key the page's paper is saved under, and whether it is saved. */
  savedKey: string | null;
  saved: boolean;
}

/** A search result with its saved state. */
export type SearchResultHit = SearchHit & { saved: boolean };

/** A taxonomy node with what the tree browser shows around it. */
export interface TaxonomyNodeView {
  node: StoredTaxonomyNode;
  ancestors: { id: string; label: string }[];
  children: { id: string; label: string; kind: StoredTaxonomyNode['kind']; subtreeEntryCount: number }[];
  /** The papers filed directly under the node, each with its digest's summary when it has one. */
  entries: (TaxonomyPlacement & { arxivIds: string[]; summaryZh: string | null })[];
}

/** The answer to each request type. */
export interface ResponseMap {
  lookupPage: PageLookup;
  search: { hits: SearchResultHit[] };
  getPaper: LookupResult & { digest: CorpusPaper };
  taxonomyNode: TaxonomyNodeView;
  /** Which of the ids have a digest, and which are saved: for markers on listing pages. */
  paperStatus: { digests: string[]; saved: string[] };
  /** Whether the side panel could be opened on the node; when not, it opens there next time. */
  openTaxonomyNode: { opened: boolean };
  'settings.get': Settings;
  'settings.update': Settings;
  'readingList.list': { entries: ReadingListEntry[] };
  'readingList.save': { entry: ReadingListEntry; created: boolean };
  'readingList.update': { entry: ReadingListEntry };
  'readingList.remove': { removed: true };
  /** The whole list as a file: its suggested name, its MIME type and its text. */
  'readingList.export': { filename: string; mimeType: string; text: string };
  /** How an import merged: entries added, entries that existed and gained data, entries already the same. */
  'readingList.import': { added: number; updated: number; unchanged: number };
  /** The top-level taxonomy areas, for the tree browser. */
  taxonomyRoots: { roots: TaxonomyNodeView['children'] };
  /** Every import of digest files, newest first, with its per-file report. */
  'imports.list': { batches: ImportBatchSummary[] };
  /** How many imported digests went with the import. */
  'imports.remove': { papers: number };
  'imports.changed': { ok: true };
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

