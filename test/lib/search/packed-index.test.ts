import { describe, expect, it } from 'vitest';
import {
  createSearchIndex,
  loadPackedSearchIndex,
  loadSearchIndex,
  packedSize,
  packIndex,
  paperSearchDocuments,
  searchDocumentsFromCorpus,
  searchHits,
  STORED_FIELDS,
  type SearchHit,
  type SearchIndex,
} from '../../../lib/search';
import { packSearchIndex, packSearchIndexInSlices, unpackSearchIndex } from '../../../lib/search/packed-index';
import { syntheticCorpus, syntheticQueries } from '../../bench/synthetic-corpus';
import { projectCorpus } from '../../support/project-corpus';
import MiniSearch from 'minisearch';

const { corpus } = projectCorpus();
const documents = searchDocumentsFromCorpus(corpus);
const built = createSearchIndex(documents);
const json = JSON.stringify(built);

// The way the extension reads it: out of IndexedDB, a structured clone.
const packedOf = (index: SearchIndex) => structuredClone(packIndex(index));
const hitsOf = (index: SearchIndex, query: string, filters = {}) => searchHits(index, query, filters, 50);

const REAL_QUERIES = [
  '身份保持', '个性化', '扩散模型', '视频生成', '扩散模型 加速', 'diffusion', 'dreambooth', 'controlnet', 'video diffusion',
  'dif', 'pers', 'quant', 'dreembooth', 'difusion', 'stabel diffusion', '2404.15449', 'https://arxiv.org/abs/2404.14507',
  'Sanja Fidler', 'pixart sigma', 'ID-Aligner', 'stable cascade', 'textual inversion', 'zzzz nothing',
];

/** Identical hits, scores equal to the last bits a sum in another order could change. */
function expectSameHits(actual: readonly SearchHit[], expected: readonly SearchHit[], label: string): void {
  const strip = (hits: readonly SearchHit[]) => hits.map(({ score: _score, ...rest }) => rest);
  expect(strip(actual), label).toEqual(strip(expected));
  actual.forEach((hit, i) => {
    const want = expected[i]!.score;
    if (hit.score !== want) expect(Math.abs(hit.score - want) / Math.abs(want), label).toBeLessThan(1e-12);
  });
}

// The packed index holds MiniSearch's term tree as it is, so it answers exactly as the index it was
// packed from (ties in score keep their order); the quality test holds that index to the JSON-loaded one.
describe('a packed index', () => {
  const packed = packedOf(built);
  const loaded = loadPackedSearchIndex(packed);
  const fromJson = loadSearchIndex(json);
  const same = (a: unknown, b: unknown) => {
    const plain = (_key: string, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as Uint8Array) : value);
    return JSON.stringify(a, plain) === JSON.stringify(b, plain);
  };

  it('is a fraction of the JSON', () => {
    expect(packedSize(packed)).toBeLessThan(json.length);
  });

  it('holds every document and term', () => {
    expect(loaded.documentCount).toBe(documents.length);
    expect(loaded.termCount).toBe(built.termCount);
  });

  it.each(REAL_QUERIES)('answers %s exactly as the index it was packed from', (query) => {
    expectSameHits(hitsOf(loaded, query), hitsOf(built, query), query);
  });

  it('answers with filters exactly as the index it was packed from', () => {
    const filters = [{ kind: 'paper' as const }, { kind: 'entry' as const }, { subtree: 'text-to-image' }, { savedKeys: new Set(['arxiv:2404.15449']) }];
    for (const filter of filters) {
      for (const query of ['diffusion', '身份保持', 'dreembooth', '2404.15449']) {
        expectSameHits(hitsOf(loaded, query, filter), hitsOf(built, query, filter), `${query} ${JSON.stringify(filter)}`);
      }
    }
  });

  it('gives back the stored fields and knows its ids', () => {
    const doc = documents.find((d) => d.kind === 'paper')!;
    expect(loaded.has(doc.id)).toBe(true);
    expect(loaded.getStoredFields(doc.id)).toEqual(fromJson.getStoredFields(doc.id));
    expect(loaded.has('paper:0000.00000')).toBe(false);
  });

  it.each([0, 1, 500, documents.length - 1])('finds document %i by its id, and no id that only contains it or is contained in it', (at) => {
    const fresh = loadPackedSearchIndex(packedOf(built));
    const { id } = documents[at]!;
    expect(fresh.getStoredFields(id)).toEqual(fromJson.getStoredFields(id));
    for (const near of [id.slice(0, -1), id.slice(1), `${id}0`, `x${id}`, '', `${id}\n`]) expect(fresh.has(near), JSON.stringify(near)).toBe(false);
  });

  it('packs again into the same thing, and serialises to JSON as the index it was packed from', () => {
    expect(same(packIndex(loaded), packed)).toBe(true);
    expect(JSON.stringify(loadPackedSearchIndex(packedOf(built)))).toBe(json);
  });

  it('packs in slices into the same thing, pausing between them', async () => {
    let pauses = 0;
    const sliced = await packSearchIndexInSlices(built, async () => void pauses++, 0);
    expect(same(sliced, packed)).toBe(true);
    expect(pauses).toBeGreaterThan(STORED_FIELDS.length);
  });

  it('takes imported papers as the index it was packed from: discard, add, then pack', () => {
    const update = (index: SearchIndex) => {
      const replaced = corpus.papers.slice(0, 3).map((paper) => ({ ...paper, title: `${paper.title} revisited`, abstract: 'A quokka diffusion model.' }));
      for (const paper of replaced) index.discard(`paper:${paper.arxivId}`);
      index.addAll(paperSearchDocuments([...replaced, { ...replaced[0]!, arxivId: '2999.00001' }], corpus.taxonomy));
      return index;
    };
    const viaPacked = update(loadPackedSearchIndex(packedOf(built)));
    const direct = update(createSearchIndex(documents));
    for (const query of ['quokka', 'revisited', 'diffusion', 'dif', '2999.00001', corpus.papers[0]!.title]) {
      expectSameHits(hitsOf(viaPacked, query), hitsOf(direct, query), query);
      expectSameHits(hitsOf(loadPackedSearchIndex(packedOf(viaPacked)), query), hitsOf(direct, query), `${query}, packed again`);
    }
  });

  it('refuses other options than it was built with', () => {
    expect(() => unpackSearchIndex(packSearchIndex(built), { fields: ['title'] })).toThrow(/options/);
  });

  it('packs an empty index', () => {
    const empty = new MiniSearch({ fields: ['title'], storeFields: ['title'] });
    const again = unpackSearchIndex(structuredClone(packSearchIndex(empty)), { fields: ['title'], storeFields: ['title'] });
    expect(again.documentCount).toBe(0);
    expect(again.search('anything')).toEqual([]);
  });
});

describe('a packed index over 6,000 synthetic papers (the two-pass search)', () => {
  const synthetic = createSearchIndex(searchDocumentsFromCorpus(syntheticCorpus(6_000)));
  const loaded = loadPackedSearchIndex(packedOf(synthetic));
  const queries = syntheticQueries();

  it.each([...queries.exact.slice(0, 6), ...queries.prefix.slice(0, 6), ...queries.fuzzy.slice(0, 6)])('answers %s exactly as the index it was packed from', (query) => {
    expectSameHits(hitsOf(loaded, query), hitsOf(synthetic, query), query);
  });
});
