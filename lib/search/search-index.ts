import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { parseArxivLink } from '../arxiv';
import { readingListKey } from '../reading-list/entry-key';
import { SEARCH_FIELDS, STORED_FIELDS, type SearchDocument, type SearchDocumentKind } from './search-documents';
import { isHanTerm, nameKey, tokenize, tokenizeField } from './tokenize';

/** A search index over {@link SearchDocument}s. */
export type SearchIndex = MiniSearch<SearchDocument>;

type SearchField = (typeof SEARCH_FIELDS)[number];

// Titles and method names are what people type; long prose fields only break ties.
const BOOST: Partial<Record<SearchField, number>> = { title: 4, methods: 4, titleZh: 3, authors: 2, keywords: 1.5, summaryZh: 1, path: 1, abstract: 0.5 };

/**
 * The options an index is built with. `MiniSearch.loadJSON` must get the very same object, or a
 * loaded index tokenizes queries differently from the documents it holds: keep this the only place
 * they are written.
 * @param fields The text fields to index; a lean index (titles, methods, authors) suits very large corpora.
 */
export function searchIndexOptions(fields: readonly SearchField[] = SEARCH_FIELDS): Options<SearchDocument> {
  return {
    fields: [...fields],
    storeFields: [...STORED_FIELDS],
    tokenize: tokenizeField,
    // The tokenizer already folds case, diacritics and Greek letters.
    processTerm: (term) => term,
    searchOptions: { boost: BOOST, tokenize },
  };
}

/**
 * Builds an index over documents.
 * @param fields See {@link searchIndexOptions}; pass the same to {@link loadSearchIndex}.
 */
export function createSearchIndex(documents: readonly SearchDocument[], fields?: readonly SearchField[]): SearchIndex {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions(fields));
  index.addAll(documents);
  return index;
}

/**
 * Restores an index from `JSON.stringify(index)`.
 * @param fields The fields it was built with.
 */
export function loadSearchIndex(json: string, fields?: readonly SearchField[]): SearchIndex {
  return MiniSearch.loadJSON<SearchDocument>(json, searchIndexOptions(fields));
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
  title: string;
  summary: string | null;
  placement: string[];
  /** `id` when the query was this paper's arXiv id; otherwise how the words matched. */
  match: 'id' | 'exact' | 'prefix' | 'fuzzy' | 'partial';
  score: number;
}

type Tier = { match: SearchHit['match']; options: SearchOptions };

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
 * word, stopping at the first of these that finds something.
 *
 * @param query What the user typed, in any language.
 * @param filters Narrow by kind, saved state or taxonomy subtree.
 * @param limit At most this many hits.
 */
export function searchIndex(index: SearchIndex, query: string, filters: SearchFilters = {}, limit = 20): SearchHit[] {
  const filter = filterFor(filters);
  const hits: SearchHit[] = [];
  const idHit = findById(index, query);
  if (idHit && filter(idHit)) hits.push(toHit(idHit, 'id'));
  const terms = tokenize(query);
  // An id or a paper URL names one paper: its words (`arxiv`, `abs`, digits) would only add noise.
  if (idHit || parseArxivLink(query) || terms.length === 0) return hits;
  const boostDocument = nameBoost(query);
  for (const tier of TIERS) {
    const results = index.search(query, { ...tier.options, boostDocument, filter: (result) => filter(result) });
    if (results.length === 0) continue;
    const ranked = tier.match === 'fuzzy' ? rankCompleteFirst(results) : results;
    for (const result of ranked) {
      if (hits.length >= limit) break;
      hits.push(toHit(result, tier.match === 'fuzzy' && !result.complete ? 'partial' : tier.match));
    }
    break;
  }
  return hits.slice(0, limit);
}

/** Results that matched every query word (allowing typos) first, each group by score. */
function rankCompleteFirst(results: SearchResult[]): (SearchResult & { complete: boolean })[] {
  const words = Math.max(...results.map((result) => result.queryTerms.length));
  const marked = results.map((result) => ({ ...result, complete: result.queryTerms.length === words }));
  return [...marked.filter((r) => r.complete), ...marked.filter((r) => !r.complete)];
}

// A query that is a method's whole name (`controlnet`), or its initials (`textual inversion` → TI),
// is looking for that method, not for the papers that mention it.
const NAME_BOOST = 3;

function nameBoost(query: string): (id: unknown, term: string, stored?: Record<string, unknown>) => number {
  const whole = nameKey(query);
  const words = whole.split(' ');
  const initials = words.length >= 2 ? words.map((word) => word[0]).join('') : null;
  return (_id, _term, stored) => {
    const keys = stored?.methodKeys as string[] | undefined;
    return keys && (keys.includes(whole) || (initials !== null && keys.includes(initials))) ? NAME_BOOST : 1;
  };
}

function findById(index: SearchIndex, query: string): SearchResult | null {
  const ref = parseArxivLink(query);
  if (!ref) return null;
  const id = `paper:${ref.id}`;
  const stored = index.getStoredFields(id);
  return stored ? { ...stored, id, score: Number.POSITIVE_INFINITY, terms: [], queryTerms: [], match: {} } : null;
}

function toHit(result: SearchResult, match: SearchHit['match']): SearchHit {
  return {
    id: result.id as string,
    kind: result.kind as SearchDocumentKind,
    arxivId: (result.arxivId as string | null) ?? null,
    entryId: (result.entryId as string | null) ?? null,
    title: result.title as string,
    summary: (result.summary as string | null) ?? null,
    placement: (result.placement as string[]) ?? [],
    match,
    score: result.score,
  };
}

function filterFor({ kind = 'all', savedKeys, subtree }: SearchFilters): (result: Record<string, unknown>) => boolean {
  return (result) => {
    if (kind !== 'all' && result.kind !== kind) return false;
    if (subtree && !(result.nodeIds as string[] | undefined)?.includes(subtree)) return false;
    if (savedKeys) {
      const key = readingListKey({ arxivId: (result.arxivId as string | null) ?? null, title: firstLine(result.title as string) });
      if (!key || !savedKeys.has(key)) return false;
    }
    return true;
  };
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}
