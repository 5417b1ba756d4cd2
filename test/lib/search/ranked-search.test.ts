import { describe, expect, it } from 'vitest';
import type { SearchOptions, SearchResult } from 'minisearch';
import {
  createSearchIndex,
  isHanTerm,
  loadPackedSearchIndex,
  packIndex,
  paperSearchDocuments,
  rankWithMiniSearch,
  searchDocumentsFromCorpus,
  searchHits,
  type SearchHit,
  type SearchIndex,
} from '../../../lib/search';
import { rankedSearch, type RankedSearchOptions } from '../../../lib/search/ranked-search';
import { syntheticCorpus, syntheticQueries } from '../../bench/synthetic-corpus';
import { projectCorpus } from '../../support/project-corpus';

const { corpus } = projectCorpus();
const realDocuments = searchDocumentsFromCorpus(corpus);
const syntheticDocuments = searchDocumentsFromCorpus(syntheticCorpus(6_000));
const packed = (index: SearchIndex) => loadPackedSearchIndex(structuredClone(packIndex(index)));

const real = createSearchIndex(realDocuments);
const realLean = createSearchIndex(realDocuments, undefined, 'lean');
const synthetic = createSearchIndex(syntheticDocuments, undefined, 'lean');
// Imported papers added to a loaded index (new ids, nothing discarded): their postings are Maps, their field lengths arrays.
const withImports = packed(realLean);
withImports.addAll(
  paperSearchDocuments(
    corpus.papers.slice(0, 40).map((paper, i) => ({ ...paper, arxivId: `2999.${String(i).padStart(5, '0')}`, title: `${paper.title} diffusion revisited` })),
    corpus.taxonomy,
  ),
);
const INDEXES: [string, SearchIndex][] = [
  ['the real corpus', real],
  ['the real corpus, packed', packed(realLean)],
  ['the real corpus, packed, with papers added', withImports],
  ['6,000 synthetic papers, packed', packed(synthetic)],
];

const queries = syntheticQueries();
const QUERIES = [
  '身份保持', '扩散模型 加速', 'diffusion', 'video diffusion', 'dreambooth', 'controlnet', 'stable cascade', 'Sanja Fidler',
  'dif', 'pers', 'quant', 'dreembooth', 'difusion', 'stabel diffusion', 'diffusion diffusion', 'zzzz nothing',
  ...queries.exact.slice(0, 8), ...queries.prefix.slice(0, 6), ...queries.fuzzy.slice(0, 6),
];

// The search options of the tiers searchHits runs, on every field and on the name fields alone.
const prefix = (term: string) => isHanTerm(term) || term.length >= 3;
const fuzzy = (term: string) => (!isHanTerm(term) && term.length >= 4 ? 0.2 : false);
const NAMES = ['title', 'titleZh', 'authors', 'methods', 'keywords'];
const OPTIONS: [string, RankedSearchOptions][] = [
  ['exact', { combineWith: 'AND', prefix: false }],
  ['prefix', { combineWith: 'AND', prefix }],
  ['typos', { combineWith: 'OR', prefix, fuzzy, maxFuzzy: 2 }],
  ['exact, names', { combineWith: 'AND', prefix: false, fields: NAMES }],
  ['typos, names', { combineWith: 'OR', prefix, fuzzy, maxFuzzy: 2, fields: NAMES }],
];

/** The first results MiniSearch gives for the same search, with what a ranked result says of them. */
function miniSearchFirst(index: SearchIndex, query: string, options: RankedSearchOptions, count: number) {
  const { boosted, filter, ...rest } = options;
  const search: SearchOptions = { ...rest, ...(boosted && { boostDocument: (id) => boosted.get(id) ?? 1 }), ...(filter && { filter }) };
  return index.search(query, search).slice(0, count).map(summary);
}

function summary(result: SearchResult) {
  const fields = result.matchedFields as string[] | undefined;
  return {
    id: result.id as string,
    score: result.score,
    words: result.queryTerms.length,
    fields: fields ? [...fields].sort() : [...new Set(Object.values(result.match).flat())].sort(),
    kind: result.kind as string,
  };
}

const expectSame = (index: SearchIndex, query: string, options: RankedSearchOptions, count = 60) => {
  const ranked = rankedSearch(index, query, options)!;
  expect(ranked, 'declined').not.toBeNull();
  expect(ranked.first(count).map(summary)).toEqual(miniSearchFirst(index, query, options, count));
};

describe.each(INDEXES)('the ranked search over %s', (_name, index) => {
  describe.each(OPTIONS)('%s', (_tier, options) => {
    it.each(QUERIES)('ranks %s as MiniSearch does: same results, scores to the bit, order of ties', (query) => {
      expectSame(index, query, options);
    });
  });

  it.each(['diffusion', 'dif', 'difusion', '扩散模型'])('ranks %s as MiniSearch does with a filter and boosted documents', (query) => {
    const some = index.search(query, { prefix: true }).slice(5, 40);
    const boosted = new Map<unknown, number>(some.filter((_, i) => i % 3 === 0).map((result) => [result.id, 3]));
    const filter = (result: SearchResult) => result.kind === 'paper' && String(result.id).charCodeAt(String(result.id).length - 1) % 2 === 0;
    for (const [, options] of OPTIONS) {
      expectSame(index, query, { ...options, boosted });
      expectSame(index, query, { ...options, filter });
      expectSame(index, query, { ...options, boosted, filter }, 10);
    }
  });

  it('lists only the results whose number of words is accepted, and knows the most any matched', () => {
    const options = { combineWith: 'OR' as const, prefix, fuzzy, maxFuzzy: 2 };
    const all = index.search('video difusion watermark', options);
    const ranked = rankedSearch(index, 'video difusion watermark', options)!;
    const most = Math.max(...all.map((result) => result.queryTerms.length));
    expect(ranked.mostWords()).toBe(most);
    expect(ranked.first(30, (words) => words === most).map(summary)).toEqual(all.filter((result) => result.queryTerms.length === most).slice(0, 30).map(summary));
    expect(ranked.first(30, (words) => words < most).map(summary)).toEqual(all.filter((result) => result.queryTerms.length < most).slice(0, 30).map(summary));
  });
});

/** Identical hits, in the same order, with the same scores. */
const expectSameHits = (actual: readonly SearchHit[], expected: readonly SearchHit[], label: string) => expect(actual, label).toEqual(expected);

describe('searchHits with the ranked search', () => {
  const FILTERS = [{}, { kind: 'paper' as const }, { kind: 'entry' as const }, { subtree: 'text-to-image' }, { savedKeys: new Set(['arxiv:2404.15449', 'arxiv:2404.14507']) }];
  const reference = rankWithMiniSearch(createSearchIndex(realDocuments));
  const syntheticReference = rankWithMiniSearch(createSearchIndex(syntheticDocuments, undefined, 'lean'));
  const syntheticPacked = packed(synthetic);

  it.each(FILTERS)('answers as MiniSearch ranked it, over the real corpus, with filters %o', (filters) => {
    for (const query of QUERIES) for (const limit of [20, 50]) expectSameHits(searchHits(real, query, filters, limit), searchHits(reference, query, filters, limit), query);
  });

  it.each(FILTERS.slice(0, 3))('answers as MiniSearch ranked it, over 6,000 packed synthetic papers, with filters %o', (filters) => {
    for (const query of QUERIES) expectSameHits(searchHits(syntheticPacked, query, filters, 20), searchHits(syntheticReference, query, filters, 20), query);
  });

  it('lets MiniSearch rank an index with discarded documents not yet vacuumed, and answers the same', () => {
    const index = packed(realLean);
    const direct = rankWithMiniSearch(createSearchIndex(realDocuments, undefined, 'lean'));
    const replaced = corpus.papers.slice(0, 3).map((paper) => ({ ...paper, title: `${paper.title} revisited`, abstract: 'A quokka diffusion model.' }));
    for (const target of [index, direct]) {
      for (const paper of replaced) target.discard(`paper:${paper.arxivId}`);
      target.addAll(paperSearchDocuments(replaced, corpus.taxonomy));
    }
    expect(rankedSearch(index, 'diffusion')).toBeNull();
    for (const query of ['quokka', 'revisited', 'diffusion', 'dif']) expectSameHits(searchHits(index, query), searchHits(direct, query), query);
  });
});
