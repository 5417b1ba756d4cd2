import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';
import { packedFieldLengths, TermPostings, type MiniSearchInternals } from './packed-index';

/**
 * MiniSearch's own search, ranked the same, without making an object per matching document.
 *
 * `MiniSearch.search` scores every document a query's words are in, makes a result object for
 * each (with its stored fields), and sorts them all; at 100,000 papers `diffusion` alone is 36,000
 * of them, and a packed index decodes each term's postings into Maps it keeps. Here the same scores
 * are summed in typed arrays, the postings are read from their packed bytes and not kept, and only
 * the results listed are made, best first, out of a heap.
 *
 * The ranking is MiniSearch's to the last bit: each score is the same BM25+ sum of the same
 * products in the same order (`termResults` and the OR/AND combinators of MiniSearch 7.2), and
 * equal scores keep the order MiniSearch's result Map would give them (its sort is stable):
 * - one query word: the order documents are first met in, derived term by derived term (the word,
 *   its prefixes in tree order, its typos), field by field, document by document;
 * - OR: the first word a document is met in, then that order;
 * - AND: the last word's order.
 * test/lib/search/ranked-search.test.ts holds it to `MiniSearch.search` on the real corpus and a
 * synthetic one, with filters and boosts. What it cannot rank the same it declines (`null`).
 */

/** What a ranked search is given: MiniSearch's options, as far as the store's search uses them. */
export interface RankedSearchOptions {
  fields?: string[];
  combineWith?: 'AND' | 'OR';
  prefix?: SearchOptions['prefix'];
  fuzzy?: SearchOptions['fuzzy'];
  maxFuzzy?: number;
  /** Splits the query into words, instead of the index's own search tokenizer. */
  tokenize?: (text: string) => string[];
  /** Documents (by id) whose every score is multiplied by their boost, as `boostDocument` would. */
  boosted?: ReadonlyMap<unknown, number>;
  /** As MiniSearch's `filter`, on the same result object; null when every result is kept. */
  filter?: ((result: SearchResult) => boolean) | null;
}

/** The results of a search in rank order, made as they are asked for. */
export interface RankedResults {
  /**
   * The first `count` results, best first, among those that matched a number of the query's
   * words `words` accepts (all of them when it is not given); each passed the filter.
   */
  first(count: number, words?: (matched: number) => boolean): SearchResult[];
  /** The most query words a result that passes the filter matched; 0 when there is none. */
  mostWords(): number;
}

/** MiniSearch's defaults (`defaultSearchOptions`), which the store's options keep. */
const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const DEFAULT_MAX_FUZZY = 6;

// Query words are told apart by a bit each.
const MAX_WORDS = 31;

/** Typed arrays over every document number, kept per index and reused from search to search. */
class Scratch {
  readonly total: Float64Array;
  readonly termScore: Float64Array;
  readonly termSeen: Uint32Array;
  readonly querySeen: Uint32Array;
  readonly order: Int32Array;
  readonly termOrder: Int32Array;
  readonly words: Uint32Array;
  readonly present: Uint16Array;
  readonly fieldMask: Uint32Array;
  readonly touched: Int32Array;
  readonly termTouched: Int32Array;
  termEpoch = 0;
  queryEpoch = 0;

  constructor(readonly size: number) {
    this.total = new Float64Array(size);
    this.termScore = new Float64Array(size);
    this.termSeen = new Uint32Array(size);
    this.querySeen = new Uint32Array(size);
    this.order = new Int32Array(size);
    this.termOrder = new Int32Array(size);
    this.words = new Uint32Array(size);
    this.present = new Uint16Array(size);
    this.fieldMask = new Uint32Array(size);
    this.touched = new Int32Array(size);
    this.termTouched = new Int32Array(size);
  }
}

const scratches = new WeakMap<object, Scratch>();

function scratchFor(index: object, size: number): Scratch {
  let scratch = scratches.get(index);
  if (!scratch || scratch.size < size) scratches.set(index, (scratch = new Scratch(Math.max(size, Math.ceil((scratch?.size ?? 0) * 1.25)))));
  // Epochs mark what was seen in this search; past 2^32 the marks would repeat.
  if (scratch.queryEpoch >= 0xfffffff0 || scratch.termEpoch >= 0xfffffff0) {
    scratch.termSeen.fill(0);
    scratch.querySeen.fill(0);
    scratch.termEpoch = 0;
    scratch.queryEpoch = 0;
  }
  return scratch;
}

type DerivedTerm = { term: string; weight: number; data: unknown };

/**
 * Searches `index` as `index.search(query, options)` would, ranking the same (see above).
 * @returns null when it cannot promise MiniSearch's ranking: documents were discarded and not
 *   yet vacuumed (MiniSearch then prunes postings as it scores), or the query has more than
 *   {@link MAX_WORDS} distinct words.
 */
export function rankedSearch<T>(index: MiniSearch<T>, query: string, options: RankedSearchOptions = {}): RankedResults | null {
  const state = index as unknown as MiniSearchInternals & {
    _options: { tokenize: (text: string) => string[]; processTerm: (term: string) => string | string[] | null | undefined | false; searchOptions?: SearchOptions };
    _index: { get(term: string): unknown; atPrefix(prefix: string): Iterable<[string, unknown]>; fuzzyGet(term: string, distance: number): Map<string, [unknown, number]> };
  };
  if (state._dirtCount > 0) return null;
  const global = state._options.searchOptions ?? {};
  const tokenize = options.tokenize ?? global.tokenize ?? state._options.tokenize;
  const processTerm = global.processTerm ?? state._options.processTerm;
  const terms = tokenize(query)
    .flatMap((term) => processTerm(term))
    .filter((term): term is string => !!term);
  const distinct = [...new Set(terms)];
  if (distinct.length > MAX_WORDS) return null;
  if (terms.length === 0) return { first: () => [], mostWords: () => 0 };

  const fields = options.fields ?? state._options.fields;
  const boost = global.boost ?? {};
  const fieldIds = fields.map((field) => state._fieldIds[field]!);
  const wanted = new Set(fieldIds);
  const fieldBoosts = fields.map((field) => (Object.hasOwn(boost, field) ? boost[field]! : 0) || 1);
  const { k, b, d } = { ...DEFAULT_BM25, ...global.bm25 };
  const weights = { ...DEFAULT_WEIGHTS, ...global.weights };
  const maxFuzzy = options.maxFuzzy ?? global.maxFuzzy ?? DEFAULT_MAX_FUZZY;
  const and = (options.combineWith ?? global.combineWith ?? 'OR').toUpperCase() === 'AND';
  const boosted = options.boosted && options.boosted.size > 0 ? options.boosted : null;

  const documentCount = state._documentCount;
  const averages = state._avgFieldLength;
  const fieldCount = state._options.fields.length;
  const { lengths: packedLengths, count: packedCount } = packedFieldLengths(index) ?? { lengths: new Uint16Array(0), count: 0 };
  const scratch = scratchFor(index, state._nextId);
  const { total, termScore, termSeen, querySeen, order, termOrder, words, present, fieldMask, touched, termTouched } = scratch;
  const queryEpoch = ++scratch.queryEpoch;
  const postings = new TermPostings(state._options.fields.length);
  let touchedCount = 0;
  let nextOrder = 0;

  terms.forEach((term, position) => {
    const termEpoch = ++scratch.termEpoch;
    const bit = 1 << distinct.indexOf(term);
    let termCount = 0;
    const score = ({ weight, data }: DerivedTerm) => {
      if (data == null) return;
      postings.read(data, wanted);
      for (let f = 0; f < fieldIds.length; f++) {
        const fieldId = fieldIds[f]!;
        const matching = postings.count[fieldId]!;
        if (matching < 0) continue;
        const scale = weight * 1 * fieldBoosts[f]!;
        const invDocFreq = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
        const average = averages[fieldId]!;
        const start = postings.start[fieldId]!;
        const fieldBit = 2 ** fieldId;
        const { docs, freqs } = postings;
        for (let i = start; i < start + matching; i++) {
          const doc = docs[i]!;
          const termFreq = freqs[i]!;
          const docBoost = boosted ? (boosted.get(state._documentIds.get(doc)) ?? 1) : 1;
          const length = doc < packedCount ? packedLengths[doc * fieldCount + fieldId]! : state._fieldLength.get(doc)![fieldId]!;
          const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * length) / average)));
          const weighted = scale * docBoost * rawScore;
          if (querySeen[doc] !== queryEpoch) {
            querySeen[doc] = queryEpoch;
            touched[touchedCount++] = doc;
            total[doc] = 0;
            words[doc] = 0;
            present[doc] = 0;
            fieldMask[doc] = 0;
          }
          if (termSeen[doc] !== termEpoch) {
            termSeen[doc] = termEpoch;
            termScore[doc] = weighted;
            termOrder[doc] = termCount;
            termTouched[termCount++] = doc;
          } else termScore[doc] = termScore[doc]! + weighted;
          fieldMask[doc] = (fieldMask[doc]! | fieldBit) >>> 0;
        }
      }
    };
    for (const derived of derivedTerms(state._index, term, position, terms, options, weights, maxFuzzy)) score(derived);
    // MiniSearch's combinators: the sum so far plus this word's score, in this word's order.
    for (let i = 0; i < termCount; i++) {
      const doc = termTouched[i]!;
      if (and) {
        if (present[doc] !== position) continue;
        order[doc] = termOrder[doc]!;
      } else if (present[doc] === 0) order[doc] = nextOrder++;
      total[doc] = total[doc]! + termScore[doc]!;
      words[doc] = (words[doc]! | bit) >>> 0;
      present[doc] = present[doc]! + 1;
    }
  });

  // The documents that matched, every word (AND) or any (OR), copied out of the scratch arrays
  // (the next search reuses them): MiniSearch's final score is the sum times the words matched.
  let n = 0;
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!;
    if (and ? present[doc] === terms.length : present[doc]! > 0) touched[n++] = doc;
  }
  const docs = touched.slice(0, n);
  const scores = new Float64Array(n);
  const orders = new Int32Array(n);
  const wordCounts = new Uint8Array(n);
  const wordBits = new Uint32Array(n);
  const fieldBits = new Uint32Array(n);
  docs.forEach((doc, j) => {
    wordCounts[j] = popCount(words[doc]!);
    scores[j] = total[doc]! * (wordCounts[j] || 1);
    orders[j] = order[doc]!;
    wordBits[j] = words[doc]!;
    fieldBits[j] = fieldMask[doc]!;
  });

  const filter = options.filter ?? null;
  const made = new Map<number, SearchResult | null>();
  // The result MiniSearch would make for match `j`, or null when the filter drops it.
  const resultOf = (j: number): SearchResult | null => {
    let result = made.get(j);
    if (result !== undefined) return result;
    result = {
      id: state._documentIds.get(docs[j]!),
      score: scores[j]!,
      terms: [],
      queryTerms: distinct.filter((_, i) => (wordBits[j]! & (1 << i)) !== 0),
      match: {},
      matchedFields: state._options.fields.filter((_, fieldId) => (fieldBits[j]! & (2 ** fieldId)) !== 0),
      ...state._storedFields.get(docs[j]!),
    } as SearchResult;
    if (filter && !filter(result)) result = null;
    made.set(j, result);
    return result;
  };
  // Best first: the higher score, then MiniSearch's order among equal scores.
  const before = (a: number, z: number) => (scores[a] !== scores[z] ? scores[a]! > scores[z]! : orders[a]! < orders[z]!);

  const first = (count: number, accept?: (matched: number) => boolean): SearchResult[] => {
    const listed: SearchResult[] = [];
    if (count <= 0) return listed;
    const heap = new MatchHeap(before);
    for (let j = 0; j < n; j++) if (!accept || accept(wordCounts[j]!)) heap.push(j);
    heap.heapify();
    while (listed.length < count && heap.size > 0) {
      const result = resultOf(heap.pop());
      if (result) listed.push(result);
    }
    return listed;
  };
  const mostWords = (): number => {
    const levels = [...new Set(wordCounts)].sort((x, y) => y - x);
    if (!filter) return levels[0] ?? 0;
    return levels.find((level) => wordCounts.some((count, j) => count === level && resultOf(j) !== null)) ?? 0;
  };
  return { first, mostWords };
}

/**
 * A query word's terms as `executeQuerySpec` scores them, in its order: the word itself, then
 * its prefixes (tree order), then its typos (those that are not also prefixes).
 */
function derivedTerms(
  tree: { get(term: string): unknown; atPrefix(prefix: string): Iterable<[string, unknown]>; fuzzyGet(term: string, distance: number): Map<string, [unknown, number]> },
  term: string,
  position: number,
  terms: string[],
  options: RankedSearchOptions,
  weights: { fuzzy: number; prefix: number },
  maxFuzzy: number,
): DerivedTerm[] {
  const derived: DerivedTerm[] = [{ term, weight: 1, data: tree.get(term) }];
  const prefix = typeof options.prefix === 'function' ? options.prefix(term, position, terms) : options.prefix === true;
  const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, position, terms) : (options.fuzzy ?? false);
  let fuzzyMatches: Map<string, [unknown, number]> | undefined;
  if (fuzzy) {
    const share = fuzzy === true ? 0.2 : fuzzy;
    const maxDistance = share < 1 ? Math.min(maxFuzzy, Math.round(term.length * share)) : share;
    if (maxDistance) fuzzyMatches = tree.fuzzyGet(term, maxDistance);
  }
  if (prefix) {
    for (const [other, data] of tree.atPrefix(term)) {
      const distance = other.length - term.length;
      if (!distance) continue;
      fuzzyMatches?.delete(other);
      derived.push({ term: other, weight: (weights.prefix * other.length) / (other.length + 0.3 * distance), data });
    }
  }
  if (fuzzyMatches) {
    for (const [other, [data, distance]] of fuzzyMatches) {
      if (!distance) continue;
      derived.push({ term: other, weight: (weights.fuzzy * other.length) / (other.length + distance), data });
    }
  }
  return derived;
}

function popCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** A binary heap of matches (their numbers), the best (by `before`) on top; filled, then heapified once. */
class MatchHeap {
  private readonly docs: number[] = [];


  constructor(private readonly before: (a: number, z: number) => boolean) {}

  get size(): number {
    return this.docs.length;
  }

  push(doc: number): void {
    this.docs.push(doc);
  }

  heapify(): void {
    for (let i = (this.docs.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  pop(): number {
    const top = this.docs[0]!;
    const last = this.docs.pop()!;
    if (this.docs.length > 0) {
      this.docs[0] = last;
      this.down(0);
    }
    return top;
  }

  private down(start: number): void {
    const { docs, before } = this;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= docs.length) return;
      const right = left + 1;
      const best = right < docs.length && before(docs[right]!, docs[left]!) ? right : left;
      if (!before(docs[best]!, docs[i]!)) return;
      [docs[i], docs[best]] = [docs[best]!, docs[i]!];
      i = best;
    }
  }
}
