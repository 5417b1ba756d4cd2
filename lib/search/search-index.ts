import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { parseArxivLink } from '../arxiv';
import { readingListKey } from '../reading-list/entry-key';
import { LEAN_STORED_FIELDS, SEARCH_FIELDS, STORED_FIELDS, type SearchDocument, type SearchDocumentKind } from './search-documents';
import { packSearchIndex, packSearchIndexInSlices, unpackSearchIndex, type PackedSearchIndex } from './packed-index';
import { rankedSearch, type RankedResults, type RankedSearchOptions } from './ranked-search';
import { isHanTerm, nameKey, tokenize, tokenizeField } from './tokenize';

/**
 * The version of what a cached index holds: its documents, fields, stored fields, tokenizer and
 * packed form. A cache is keyed by it (with the corpus hash), so an update that changes any of them
 * rebuilds the index even when the bundled corpus is the same. Raise it with every such change.
 * 2: the papers' authors are a stored field (the popup says which author a query named).
 * 3: the store's index keeps only {@link LEAN_STORED_FIELDS}.
 */
export const SEARCH_INDEX_VERSION = 3;

/** Which fields an index stores: all that a result shows, or only what filters and ranking read (the store's). */
export type StoredFieldSet = 'all' | 'lean';

/** A search index over {@link SearchDocument}s. */
export type SearchIndex = MiniSearch<SearchDocument>;

type SearchField = (typeof SEARCH_FIELDS)[number];

// The fields a document is named by; the others are long text. See nameFieldsOf.
const NAME_FIELDS: ReadonlySet<SearchField> = new Set(['title', 'titleZh', 'authors', 'methods', 'keywords']);

// Below this many documents one search over every field is faster than two passes: scoring the
// few documents a common word is in costs less than a second walk of the term tree, which a typo
// or prefix tier pays in full (measured on the 1,005-document project corpus: p95 2.0 ms in one
// pass, 3.1 ms in two; on 10,000 synthetic papers two passes cut exact and typo p95 3–4×).
const TWO_PASS_MIN_DOCUMENTS = 5_000;

// The fields each index was built or loaded with; an index made elsewhere is taken to hold them all.
const indexedFields = new WeakMap<SearchIndex, readonly SearchField[]>();

// Titles and method names are what people type; long prose fields only break ties.
const BOOST: Partial<Record<SearchField, number>> = { title: 4, methods: 4, titleZh: 3, authors: 2, keywords: 1.5, summaryZh: 1, path: 1, abstract: 0.5 };

/**
 * The options an index is built with. `MiniSearch.loadJSON` must get the very same object, or a
 * loaded index tokenizes queries differently from the documents it holds: keep this the only place
 * they are written.
 * @param fields The text fields to index; a lean index (titles, methods, authors) suits very large corpora.
 */
export function searchIndexOptions(fields: readonly SearchField[] = SEARCH_FIELDS, stored: StoredFieldSet = 'all'): Options<SearchDocument> {
  return {
    fields: [...fields],
    storeFields: stored === 'all' ? [...STORED_FIELDS] : [...LEAN_STORED_FIELDS],
    ...(stored === 'lean' && { extractField: leanField }),
    tokenize: tokenizeField,
    // The tokenizer already folds case, diacritics and Greek letters.
    processTerm: (term) => term,
    searchOptions: { boost: BOOST, tokenize },
  };
}

/** The fields of a lean index (see `LEAN_STORED_FIELDS`) as MiniSearch's `extractField`; the others as they are. */
function leanField(document: SearchDocument, field: string): unknown {
  if (field === 'entryArxivId') return document.kind === 'entry' ? (document.arxivId ?? undefined) : undefined;
  if (field === 'savedTitle') return document.kind === 'entry' && !document.arxivId ? firstLine(document.title) : undefined;
  return document[field as keyof SearchDocument];
}

/**
 * Builds an index over documents.
 * @param fields See {@link searchIndexOptions}; pass the same to {@link loadSearchIndex}.
 * @param stored `lean` for the store's index, whose hits the store completes from the database.
 */
export function createSearchIndex(documents: readonly SearchDocument[], fields?: readonly SearchField[], stored?: StoredFieldSet): SearchIndex {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions(fields, stored));
  index.addAll(documents);
  indexedFields.set(index, fields ?? SEARCH_FIELDS);
  return index;
}

/**
 * Restores an index from `JSON.stringify(index)`.
 * @param fields The fields it was built with.
 */
export function loadSearchIndex(json: string, fields?: readonly SearchField[], stored?: StoredFieldSet): SearchIndex {
  const index = MiniSearch.loadJSON<SearchDocument>(json, searchIndexOptions(fields, stored));
  indexedFields.set(index, fields ?? SEARCH_FIELDS);
  return index;
}

/**
 * Packs an index for the database: a fifth of its JSON, and loaded in milliseconds by
 * {@link loadPackedSearchIndex} (see `PackedSearchIndex`).
 */
export function packIndex(index: SearchIndex): PackedSearchIndex {
  return packSearchIndex(index);
}

/** {@link packIndex}, awaiting `pause` whenever a slice has run `sliceMs`; the index must not change meanwhile. */
export function packIndexInSlices(index: SearchIndex, pause: () => Promise<void>, sliceMs: number): Promise<PackedSearchIndex> {
  return packSearchIndexInSlices(index, pause, sliceMs);
}

/**
 * Restores a packed index. Nothing is decoded up front: a search decodes the postings of the
 * terms it meets, and the stored fields of the documents it finds. The field list is read from
 * the packed index itself.
 */
export function loadPackedSearchIndex(packed: PackedSearchIndex): SearchIndex {
  const fields = packed.fields as SearchField[];
  const stored: StoredFieldSet = packed.storeFields.join() === LEAN_STORED_FIELDS.join() ? 'lean' : 'all';
  const index = unpackSearchIndex(packed, searchIndexOptions(fields, stored));
  indexedFields.set(index, fields);
  return index;
}

/** What a search may be narrowed to. */
export interface SearchFilters {
  /** Only papers with a digest, or only taxonomy entries; both by default. */
  kind?: SearchDocumentKind | 'all';
  /** Only documents whose reading-list key is in this set (see {@link readingListKey}). */
  savedKeys?: ReadonlySet<string>;
  /** Only documents placed under this taxonomy node or below it. */
  subtree?: string;
}

/** One result, ready to list. */
export interface SearchHit {
  id: string;
  kind: SearchDocumentKind;
  arxivId: string | null;
  entryId: string | null;
  /** The title a user knows it by (an entry block giving several: its first). */
  title: string;
  summary: string | null;
  placement: string[];
  /** `id` when the query was this paper's arXiv id; otherwise how the words matched. */
  match: 'id' | 'exact' | 'prefix' | 'fuzzy' | 'partial';
  /** The fields the query's words were found in, so that a result can say why it matched (an author). */
  matchedFields: SearchField[];
  /** A paper's authors, `; `-separated; null for a taxonomy entry or an index cached before they were kept. */
  authors: string | null;
  score: number;
}

type Tier = { match: SearchHit['match']; options: RankedSearchOptions };

// Prefix search from three letters (`dif` → diffusion); a Han term is a word already.
const prefix = (term: string) => isHanTerm(term) || term.length >= 3;
// Typos are believable in words of four letters and more; Han bigrams have no typos.
const fuzzy = (term: string) => (!isHanTerm(term) && term.length >= 4 ? 0.2 : false);

// Each tier runs only when the stricter one before it found nothing, so exact words always outrank
// near ones and a typo costs nothing until it is needed. The last tier searches once for any
// word, allowing typos, and ranks the results that matched every word first.
const TIERS: readonly Tier[] = [
  { match: 'exact', options: { combineWith: 'AND', prefix: false } },
  { match: 'prefix', options: { combineWith: 'AND', prefix } },
  { match: 'fuzzy', options: { combineWith: 'OR', prefix, fuzzy, maxFuzzy: 2 } },
];

/**
 * Searches the index: an arXiv id (bare, with a version, or as a paper URL) puts that paper
 * first; then all words exactly, all words as prefixes, all words allowing typos, and at last any
 * word, stopping at the first of these that finds something. On a large index each of these
 * looks in the name fields first and in the long text only for what is still missing (see
 * {@link nameFieldsOf}).
 *
 * @param query What the user typed, in any language.
 * @param filters Narrow by kind, saved state or taxonomy subtree.
 * @param limit At most this many hits.
 */
export function searchHits(index: SearchIndex, query: string, filters: SearchFilters = {}, limit = 20): SearchHit[] {
  const filter = filterFor(filters);
  const hits: SearchHit[] = [];
  const idHit = findById(index, query);
  if (idHit && (!filter || filter(idHit))) hits.push(toHit(idHit, 'id'));
  const terms = tokenize(query);
  // An id or a paper URL names one paper: its words (`arxiv`, `abs`, digits) would only add noise.
  if (idHit || parseArxivLink(query) || terms.length === 0) return hits;
  const boosted = nameBoost(index, query);
  const names = nameFieldsOf(index);
  const wordCount = new Set(terms).size;
  for (const tier of TIERS) {
    const options: TierOptions = { ...tier.options, boosted, filter };
    const ranked = names ? rankTier(tierResults(index, query, { ...options, fields: names }), tier.match, limit, wordCount) : [];
    // Too few documents name the words: the rest come from every field, after those that do.
    if (ranked.length < limit) {
      const seen = new Set(ranked.map(([result]) => result.id));
      for (const entry of rankTier(tierResults(index, query, options), tier.match, limit + seen.size)) {
        if (ranked.length >= limit) break;
        if (!seen.has(entry[0].id)) ranked.push(entry);
      }
    }
    if (ranked.length === 0) continue;
    for (const [result, match] of ranked) hits.push(toHit(result, match));
    break;
  }
  return hits.slice(0, limit);
}

// Indexes whose searches MiniSearch ranks itself: the reference the ranked search is held to.
const rankedByMiniSearch = new WeakSet<SearchIndex>();

/**
 * Makes {@link searchHits} rank this index's results with `MiniSearch.search` itself, as it did
 * before the ranked search: the reference that tests and the bench hold it to.
 */
export function rankWithMiniSearch(index: SearchIndex): SearchIndex {
  rankedByMiniSearch.add(index);
  return index;
}

type TierOptions = RankedSearchOptions & { filter: ResultFilter | null };

/**
 * A tier's results in MiniSearch's ranking: scored in typed arrays and listed only as far as asked
 * (see `rankedSearch`), or by MiniSearch itself where that declines (an index with discarded
 * documents not yet vacuumed, in the worker that is adding imports).
 */
function tierResults(index: SearchIndex, query: string, options: TierOptions): RankedResults {
  const ranked = rankedByMiniSearch.has(index) ? null : rankedSearch(index, query, options);
  if (ranked) return ranked;
  const { boosted, filter, ...rest } = options;
  const results = index.search(query, {
    ...rest,
    ...(boosted && { boostDocument: (id: unknown) => boosted.get(id) ?? 1 }),
    ...(filter && { filter }),
  });
  return {
    first: (count, words) => {
      const listed: SearchResult[] = [];
      for (const result of results) {
        if (listed.length >= count) break;
        if (!words || words(result.queryTerms.length)) listed.push(result);
      }
      return listed;
    },
    mostWords: () => results.reduce((most, result) => Math.max(most, result.queryTerms.length), 0),
  };
}

/**
 * The fields of the first pass: those a short text names a document by. A word like `diffusion`
 * or 扩散 is in most abstracts and summaries, and MiniSearch scores every document a word is in,
 * in every field it is in; searching titles, names and keywords first, and the long text only when
 * they give too few results, made common words 3–5× cheaper on 10,000 papers. A document that
 * names the words ranks before one that only mentions them. Null when the index holds no other
 * fields (a lean index), where one pass does it all, and for a small index (see
 * {@link TWO_PASS_MIN_DOCUMENTS}).
 */
function nameFieldsOf(index: SearchIndex): SearchField[] | null {
  if (index.documentCount < TWO_PASS_MIN_DOCUMENTS) return null;
  const fields = indexedFields.get(index) ?? SEARCH_FIELDS;
  const names = fields.filter((field) => NAME_FIELDS.has(field));
  return names.length === fields.length ? null : names;
}

/**
 * The first `count` results of a tier, with how each matched. In the typo tier, results with every
 * query word come first; when `wordCount` is given, only those are listed (a first pass whose
 * fields miss a word must not decide which results count as complete).
 */
function rankTier(results: RankedResults, match: Tier['match'], count: number, wordCount?: number): [SearchResult, SearchHit['match']][] {
  if (match !== 'fuzzy') return results.first(count).map((result) => [result, match]);
  if (wordCount !== undefined) return results.first(count, (words) => words === wordCount).map((result) => [result, 'fuzzy']);
  // Those that matched every query word (allowing typos) first, each group by score.
  const words = results.mostWords();
  const complete = results.first(count, (matched) => matched === words);
  const partial = complete.length < count ? results.first(count - complete.length, (matched) => matched !== words) : [];
  return [...complete.map((result): [SearchResult, SearchHit['match']] => [result, 'fuzzy']), ...partial.map((result): [SearchResult, SearchHit['match']] => [result, 'partial'])];
}

// A query that is a method's whole name (`controlnet`), or its initials (`textual inversion` → TI),
// is looking for that method, not for the papers that mention it.
const NAME_BOOST = 3;

/**
 * The documents whose method the query names, with their boost, or undefined when no document's
 * method is named by it. Only these few are boosted: they are found first, by an exact search of
 * the methods field alone (a name's words are terms of that field).
 */
function nameBoost(index: SearchIndex, query: string): ReadonlyMap<unknown, number> | undefined {
  const whole = nameKey(query);
  const words = whole.split(' ');
  const initials = words.length >= 2 ? words.map((word) => word[0]).join('') : null;
  const named = new Map<unknown, number>();
  const collect = (results: readonly SearchResult[]) => {
    for (const result of results) {
      const keys = result.methodKeys as string[] | undefined;
      if (keys && (keys.includes(whole) || (initials !== null && keys.includes(initials)))) named.set(result.id, NAME_BOOST);
    }
  };
  // Through the ranked search, like the tiers: MiniSearch's own would decode and keep the postings
  // of every field of a common word (`diffusion`) to look in one.
  const exact: TierOptions = { fields: ['methods'], combineWith: 'AND', prefix: false, fuzzy: false, filter: null };
  collect(tierResults(index, query, exact).first(Number.POSITIVE_INFINITY));
  // Initials are searched as they are: `it` or `an` would be dropped by the tokenizer as stop words.
  if (initials !== null) collect(tierResults(index, initials, { ...exact, tokenize: (text) => [text] }).first(Number.POSITIVE_INFINITY));
  return named.size === 0 ? undefined : named;
}

function findById(index: SearchIndex, query: string): SearchResult | null {
  const ref = parseArxivLink(query);
  if (!ref) return null;
  const id = `paper:${ref.id}`;
  const stored = index.getStoredFields(id);
  return stored ? { ...stored, id, score: Number.POSITIVE_INFINITY, terms: [], queryTerms: [], match: {} } : null;
}

/**
 * A hit as the index has it. From a lean index (`LEAN_STORED_FIELDS`) the title is empty, the
 * summary, placement and authors null or empty, and a paper's `entryId` null: the store reads them.
 */
function toHit(result: SearchResult, match: SearchHit['match']): SearchHit {
  const kind = result.kind as SearchDocumentKind;
  return {
    id: result.id as string,
    kind,
    arxivId: arxivIdOf(result),
    entryId: (result.entryId as string | null | undefined) ?? (kind === 'entry' ? (result.id as string).slice(ENTRY_PREFIX.length) : null),
    // A taxonomy entry indexes every title its block gives, one per line; the first names it.
    title: firstLine((result.title as string | undefined) ?? ''),
    summary: (result.summary as string | null) ?? null,
    placement: (result.placement as string[]) ?? [],
    match,
    matchedFields: (result.matchedFields as SearchField[] | undefined) ?? fieldsOf(result.match),
    authors: (result.authors as string | undefined) || null,
    score: result.score,
  };
}

type ResultFilter = (result: Record<string, unknown>) => boolean;

/** The filter for `filters`, or null when they keep every result. */
/** The fields a MiniSearch result's terms were found in, in the index's order of fields. */
function fieldsOf(match: SearchResult['match'] | undefined): SearchField[] {
  const found = new Set(Object.values(match ?? {}).flat());
  return SEARCH_FIELDS.filter((field) => found.has(field));
}

function filterFor({ kind = 'all', savedKeys, subtree }: SearchFilters): ResultFilter | null {
  if (kind === 'all' && !savedKeys && !subtree) return null;
  return (result) => {
    if (kind !== 'all' && result.kind !== kind) return false;
    if (subtree && !(result.nodeIds as string[] | undefined)?.includes(subtree)) return false;
    if (savedKeys) {
      const key = readingListKey({ arxivId: arxivIdOf(result), title: firstLine((result.title ?? result.savedTitle ?? '') as string) });
      if (!key || !savedKeys.has(key)) return false;
    }
    return true;
  };
}

const PAPER_PREFIX = 'paper:';
const ENTRY_PREFIX = 'entry:';

/** A result's arXiv id: stored in a full index; in a lean one a paper's is its id, an entry's `entryArxivId`. */
function arxivIdOf(result: Record<string, unknown>): string | null {
  if (result.arxivId !== undefined) return result.arxivId as string | null;
  if (result.kind === 'paper') return (result.id as string).slice(PAPER_PREFIX.length);
  return (result.entryArxivId as string | undefined) ?? null;
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}
