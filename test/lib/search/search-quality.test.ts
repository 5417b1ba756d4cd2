import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readingListKey } from '../../../lib/reading-list/entry-key';
import {
  createSearchIndex,
  loadSearchIndex,
  searchDocumentsFromCorpus,
  searchHits,
  type SearchDocument,
  type SearchHit,
} from '../../../lib/search';
import { projectCorpus } from '../../support/project-corpus';

// Built once for the file: the corpus takes seconds, the index well under one.
const { corpus } = projectCorpus();
const documents = searchDocumentsFromCorpus(corpus);
const documentById = new Map<string, SearchDocument>(documents.map((doc) => [doc.id, doc]));
const index = createSearchIndex(documents);

const DREAMBOOTH = 'entry:text-to-image/personalization/subject/dreambooth#1';

/**
 * What a user types, and the result they are looking for. The expected answers were picked from
 * the titles, Chinese titles and summaries, not from what the engine returned.
 */
const QUERIES: [query: string, expected: string][] = [
  // Chinese: the words appear in the paper's Chinese title, summary or takeaways.
  ['身份保持', 'paper:2404.15449'], // ID-Aligner: 身份保持人像, 身份保持图像生成
  ['个性化', 'paper:2404.05674'], // MoMA：用于快速个性化图像生成的…适配器; keyword 个性化
  ['扩散模型', 'paper:2404.14507'], // Align Your Steps: 优化扩散模型中的采样计划; keyword 扩散模型
  ['虚拟试穿', 'paper:2404.14162'], // FLDM-VTON：用于虚拟试穿的忠实潜在扩散模型
  ['激光雷达点云', 'paper:2404.05505'], // Realistic Lidar Point Cloud Generation
  ['初始噪声优化', 'paper:2404.04650'], // InitNO: 基于初始噪声优化的…
  ['姿态估计', 'paper:2404.05626'], // 无需姿态标注的类别级物体姿态估计
  ['统一反馈学习', 'paper:2404.05595'], // UniFL：通过统一反馈学习改进 Stable Diffusion
  ['概念抑制', 'paper:2404.13706'], // 绕过概念抑制的算术概念
  ['多概念', 'paper:2404.14239'], // MultiBooth: 多概念图像生成
  ['水印', 'paper:2404.04956'], // Gaussian Shading: 图像水印
  ['自动驾驶', 'paper:2404.04804'], // Light the Night: LightDiff 融入自动驾驶感知系统
  ['个性化 UV', 'paper:2404.14568'], // UVMap-ID：可控且个性化的 UV 贴图生成模型
  // Method names and titles, with Greek letters written either way.
  ['pixart sigma', 'paper:2403.04692'],
  ['PixArt-Σ', 'paper:2403.04692'],
  ['pixart alpha', 'entry:text-to-image/awesome/pixart-α#1'],
  ['Δ-DiT', 'entry:effectiveness-and-efficiency-enhancement/enhancement-of-sampling/caching/δ-dit#1'],
  ['ID-Aligner', 'paper:2404.15449'],
  ['dreambooth', DREAMBOOTH],
  ['align your steps', 'paper:2404.14507'],
  ['sd3', 'paper:2403.03206'], // the taxonomy entry linked to "Scaling Rectified Flow Transformers…"
  ['lidar point cloud', 'paper:2404.05505'],
  ['gaussian shading', 'paper:2404.04956'],
  ['lightdiff', 'paper:2404.04804'], // named only in the Chinese summary
  ['latent consistency models', 'entry:effectiveness-and-efficiency-enhancement/enhancement-of-sampling/distillation-based/lcm#1'],
  ['sdxl lightning', 'entry:effectiveness-and-efficiency-enhancement/enhancement-of-sampling/distillation-based/sdxl-lightning#1'],
  ['unclip', 'entry:text-to-image/awesome/dalle-2-unclip#1'],
  ['DALL·E 3', 'entry:text-to-image/awesome/dall-e-3#1'],
  ['tweedie', 'entry:theory/tweedie-s-formula#1'],
  ['controlnet', 'entry:text-to-image/x-to-image/general/controlnet#1'], // ControlNet itself, not ControlNet++ or Uni-ControlNet
  ['instruct pix2pix', 'entry:image-editing-through-text/mask-free/ip2p#1'], // "InstructPix2Pix: Learning to Follow…"
  ['prompt-to-prompt', 'entry:image-editing-through-text/mask-free/p2p#1'], // "Prompt-to-Prompt Image Editing…"
  ['textual inversion', 'entry:text-to-image/personalization/subject/ti#1'], // "An Image is Worth One Word… Textual Inversion"
  // Prefixes of three letters and more.
  ['dreamboo', DREAMBOOTH],
  ['multibo', 'paper:2404.14239'],
  ['geodiff', 'paper:2404.14403'],
  ['beyondsc', 'paper:2404.04544'],
  ['uvm', 'paper:2404.14568'],
  // Typos.
  ['dreembooth', DREAMBOOTH],
  ['multibooht', 'paper:2404.14239'],
  ['geodifuser', 'paper:2404.14403'],
  ['gausian shadng', 'paper:2404.04956'],
  // arXiv ids, with and without version, and paper URLs.
  ['2404.15449', 'paper:2404.15449'],
  ['2404.15449v1', 'paper:2404.15449'],
  ['2403.04692v2', 'paper:2403.04692'],
  ['arXiv:2404.05674', 'paper:2404.05674'],
  ['https://arxiv.org/abs/2404.14239', 'paper:2404.14239'],
  ['https://arxiv.org/abs/2404.15449v1', 'paper:2404.15449'],
  ['https://arxiv.org/pdf/2403.03206v1', 'paper:2403.03206'],
  ['arxiv.org/abs/2404.14507v2', 'paper:2404.14507'], // pasted without its scheme
  // Authors, in either order, and a surname alone.
  ['Weifeng Chen', 'paper:2404.15449'],
  ['chen weifeng', 'paper:2404.15449'],
  ['Kate Saenko', 'paper:2404.13706'],
  ['saenko', 'paper:2404.13706'],
  ['Sanja Fidler', 'paper:2404.14507'],
  ['Kunpeng Song', 'paper:2404.05674'],
  ['Chenyang Zhu', 'paper:2404.14239'],
];

/**
 * Hits with each score checked to 12 significant digits and then left out, so that results can be
 * compared whole: a loaded index may sum a fuzzy score's terms in another order, a last-bit change.
 */
function withScoresChecked(actual: readonly SearchHit[], expected: readonly SearchHit[]): [Omit<SearchHit, 'score'>[], Omit<SearchHit, 'score'>[]] {
  actual.forEach((hit, i) => {
    const want = expected[i]?.score;
    if (want === undefined || hit.score === want) return;
    expect(Math.abs(hit.score - want) / Math.abs(want), `${hit.id}: ${hit.score} vs ${want}`).toBeLessThan(1e-12);
  });
  const strip = (hits: readonly SearchHit[]) => hits.map(({ score: _score, ...rest }) => rest);
  return [strip(actual), strip(expected)];
}

/** The first hits, short enough for a failure message. */
function describeHits(hits: readonly SearchHit[], count = 3): string {
  return hits
    .slice(0, count)
    .map((hit) => `${hit.id} [${hit.match}] ${hit.title.split('\n')[0]!.slice(0, 60)}`)
    .join(' | ');
}

describe('search quality over the project corpus', () => {
  it('has at least 30 queries', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
    for (const [, expected] of QUERIES) expect(documentById.has(expected), expected).toBe(true);
  });

  it.each(QUERIES)('%s → %s', (query, expected) => {
    const hits = searchHits(index, query);
    expect(hits[0]?.id, `top hits: ${describeHits(hits) || '(none)'}`).toBe(expected);
  });

  it.each(QUERIES)('lists each result once for %s', (query) => {
    const hits = searchHits(index, query);
    const ids = hits.map((hit) => hit.id);
    expect(new Set(ids).size).toBe(ids.length);
    const arxivIds = hits.map((hit) => hit.arxivId).filter((id) => id !== null);
    expect(new Set(arxivIds).size).toBe(arxivIds.length);
  });

  it('finds papers about diffusion models for 扩散模型, all of them saying so in Chinese', () => {
    const hits = searchHits(index, '扩散模型', {}, 5);
    expect(hits).toHaveLength(5);
    for (const hit of hits) {
      const doc = documentById.get(hit.id)!;
      expect(`${doc.titleZh}\n${doc.keywords}\n${doc.summaryZh}`, hit.id).toContain('扩散模型');
    }
  });

  it('finds Wuerstchen however it is written: StableCascade, stable cascade, Würstchen', () => {
    for (const query of ['StableCascade', 'stable cascade', 'Würstchen', 'wuerstchen']) {
      const hits = searchHits(index, query, {}, 2);
      expect(hits.length, query).toBe(2);
      for (const hit of hits) expect(hit.title, query).toMatch(/^`?Wuerstchen:/);
    }
  });

  it('ranks exact words before prefixes and prefixes before typos', () => {
    expect(searchHits(index, 'dreambooth')[0]).toMatchObject({ id: DREAMBOOTH, match: 'exact' });
    expect(searchHits(index, 'dreamboo')[0]).toMatchObject({ id: DREAMBOOTH, match: 'prefix' });
    expect(searchHits(index, 'dreembooth')[0]).toMatchObject({ id: DREAMBOOTH, match: 'fuzzy' });
  });

  it('says which fields matched, and carries a paper\'s authors to show the one a query named', () => {
    const [byAuthor] = searchHits(index, 'Kate Saenko', {}, 5);
    expect(byAuthor!.matchedFields).toEqual(['authors']);
    expect(byAuthor!.authors).toContain('Kate Saenko');
    const [byTitle] = searchHits(index, 'dreambooth', {}, 5);
    expect(byTitle!.matchedFields).toContain('title');
  });

  it('shows a taxonomy entry by what its notes say, without their list numbers', () => {
    const entries = searchHits(index, 'multinomial diffusion', { kind: 'entry' }, 10);
    expect(entries.length).toBeGreaterThan(0);
    for (const hit of entries) expect(hit.summary ?? '').not.toMatch(/^\d+\.\s/);
  });

  it('respects the limit', () => {
    expect(searchHits(index, 'diffusion', {}, 7)).toHaveLength(7);
    expect(searchHits(index, 'diffusion', {}, 1)).toHaveLength(1);
    expect(searchHits(index, 'diffusion').length).toBeLessThanOrEqual(20);
  });
});

describe('arXiv id queries', () => {
  const paperIds = corpus.papers.map((paper) => paper.arxivId);

  it.each(paperIds)('puts %s first, matched by id, bare and with a version', (arxivId) => {
    for (const query of [arxivId, `${arxivId}v1`, `${arxivId}v3`, ` ${arxivId} `, `arXiv:${arxivId}`, `https://arxiv.org/abs/${arxivId}`]) {
      const [first] = searchHits(index, query);
      expect(first, query).toMatchObject({ id: `paper:${arxivId}`, kind: 'paper', arxivId, match: 'id' });
    }
  });

  it('matches nothing by id for an id that is not in the corpus', () => {
    expect(searchHits(index, '2501.00001').filter((hit) => hit.match === 'id')).toEqual([]);
    expect(searchHits(index, '2404.1544').filter((hit) => hit.match === 'id')).toEqual([]);
  });
});

describe('queries with nothing to search for', () => {
  it.each([[''], [' '], ['   '], ['\t\n'], ['!!!'], ['—'], ['...'], ['?!*()'], ['「」。、'], ['the of and']])('%j returns []', (query) => {
    expect(searchHits(index, query)).toEqual([]);
  });

  it('never throws on arbitrary input, and lists at most limit results, each once', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 12 })), fc.integer({ min: 1, max: 25 }), (query, limit) => {
        const hits = searchHits(index, query, {}, limit);
        expect(hits.length).toBeLessThanOrEqual(limit);
        expect(new Set(hits.map((hit) => hit.id)).size).toBe(hits.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('filters', () => {
  it('kind paper: only papers with a digest', () => {
    for (const query of ['dreambooth', 'personalization', 'diffusion', '扩散模型']) {
      const hits = searchHits(index, query, { kind: 'paper' }, 50);
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.kind, `${query}: ${hit.id}`).toBe('paper');
    }
    expect(searchHits(index, 'dreambooth', { kind: 'paper' }).map((hit) => hit.id)).not.toContain(DREAMBOOTH);
  });

  it('kind entry: only taxonomy entries, so a digest paper is never listed', () => {
    for (const query of ['pixart sigma', 'dreambooth', 'diffusion', '2404.15449']) {
      const hits = searchHits(index, query, { kind: 'entry' }, 50);
      for (const hit of hits) expect(hit.kind, `${query}: ${hit.id}`).toBe('entry');
    }
    expect(searchHits(index, 'dreambooth', { kind: 'entry' })[0]?.id).toBe(DREAMBOOTH);
    expect(searchHits(index, 'pixart sigma', { kind: 'entry' }).map((hit) => hit.id)).not.toContain('paper:2403.04692');
  });

  it("kind all is the default", () => {
    expect(searchHits(index, 'pixart', { kind: 'all' }, 50)).toEqual(searchHits(index, 'pixart', {}, 50));
  });

  it('savedKeys: only papers in the reading list', () => {
    const saved = new Set(['arxiv:2404.15449']);
    expect(searchHits(index, '身份保持', { savedKeys: saved }).map((hit) => hit.id)).toEqual(['paper:2404.15449']);
    expect(searchHits(index, 'diffusion', { savedKeys: saved }).map((hit) => hit.id)).toEqual(['paper:2404.15449']);
    expect(searchHits(index, '2404.15449v1', { savedKeys: saved })[0]).toMatchObject({ id: 'paper:2404.15449', match: 'id' });
    expect(searchHits(index, 'pixart sigma', { savedKeys: saved })).toEqual([]);
    expect(searchHits(index, '2403.04692', { savedKeys: saved })).toEqual([]);
    expect(searchHits(index, 'diffusion', { savedKeys: new Set() })).toEqual([]);
  });

  it('savedKeys: a taxonomy entry without an arXiv id is saved by its title', () => {
    const dreambooth = documentById.get(DREAMBOOTH)!;
    const key = readingListKey({ arxivId: dreambooth.arxivId, title: dreambooth.title.split('\n')[0]! })!;
    expect(key).toMatch(/^title:dreambooth /);
    const saved = new Set(['arxiv:2404.15449', key]);
    expect(searchHits(index, 'diffusion', { savedKeys: saved }).map((hit) => hit.id).sort()).toEqual([DREAMBOOTH, 'paper:2404.15449']);
    expect(searchHits(index, 'dreambooth', { savedKeys: saved }).map((hit) => hit.id)).toEqual([DREAMBOOTH]);
  });

  it.each([
    ['personalization', 'text-to-image/personalization'],
    ['dreambooth', 'image-editing-through-text'],
    ['扩散模型', 'text-to-image'],
    ['diffusion', 'effectiveness-and-efficiency-enhancement/enhancement-of-sampling'],
  ])('subtree: %s under %s lists only documents placed below that node', (query, subtree) => {
    expect(corpus.taxonomy.nodes.some((node) => node.id === subtree)).toBe(true);
    const hits = searchHits(index, query, { subtree }, 100);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(documentById.get(hit.id)!.nodeIds, hit.id).toContain(subtree);
      expect(hit.placement.length, hit.id).toBeGreaterThan(0);
    }
    // Something outside the subtree matched the query and was left out.
    expect(searchHits(index, query, {}, 100).some((hit) => !documentById.get(hit.id)!.nodeIds.includes(subtree))).toBe(true);
  });

  it('subtree: a paper is found under the node it is placed in, and left out elsewhere', () => {
    expect(searchHits(index, 'pixart sigma', { subtree: 'text-to-image' })[0]?.id).toBe('paper:2403.04692');
    expect(searchHits(index, 'pixart sigma', { subtree: 'text-to-image/awesome' })[0]?.id).toBe('paper:2403.04692');
    expect(searchHits(index, 'pixart sigma', { subtree: 'inpainting' }).map((hit) => hit.id)).not.toContain('paper:2403.04692');
    expect(searchHits(index, 'dreambooth', { subtree: 'image-editing-through-text' }).map((hit) => hit.id)).not.toContain(DREAMBOOTH);
    // An id query obeys the filter too.
    expect(searchHits(index, '2404.14507', { subtree: 'text-to-image' }).map((hit) => hit.id)).not.toContain('paper:2404.14507');
  });

  it('combines filters', () => {
    const hits = searchHits(index, 'diffusion', { kind: 'paper', subtree: 'text-to-image' }, 100);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.kind).toBe('paper');
      expect(documentById.get(hit.id)!.nodeIds).toContain('text-to-image');
    }
  });
});

describe('an index saved as JSON and loaded again', () => {
  const loaded = loadSearchIndex(JSON.stringify(index));

  it('holds every document', () => {
    expect(loaded.documentCount).toBe(documents.length);
  });

  it.each(QUERIES)('gives identical results for %s', (query) => {
    const [actual, expected] = withScoresChecked(searchHits(loaded, query, {}, 50), searchHits(index, query, {}, 50));
    expect(actual).toEqual(expected);
  });

  it('gives identical results with filters', () => {
    const filters = [{ kind: 'paper' as const }, { kind: 'entry' as const }, { subtree: 'text-to-image' }, { savedKeys: new Set(['arxiv:2404.15449']) }];
    for (const filter of filters) {
      for (const query of ['diffusion', '身份保持', 'dreembooth', '2404.15449']) {
        const [actual, expected] = withScoresChecked(searchHits(loaded, query, filter, 50), searchHits(index, query, filter, 50));
        expect(actual, `${query} ${JSON.stringify(filter)}`).toEqual(expected);
      }
    }
  });
});

describe('a paper linked to a taxonomy entry', () => {
  const paperIds = new Set(corpus.papers.map((paper) => paper.arxivId));
  const linked = corpus.taxonomy.entries.filter((entry) => entry.arxivIds.some((id) => paperIds.has(id)));

  it('has one document: the paper, not the entry as well', () => {
    expect(linked.length).toBeGreaterThanOrEqual(12);
    for (const entry of linked) {
      expect(documentById.has(`entry:${entry.id}`), entry.id).toBe(false);
      const papers = documents.filter((doc) => doc.kind === 'paper' && entry.arxivIds.includes(doc.arxivId!));
      expect(papers, entry.id).toHaveLength(1);
      expect(papers[0]!.nodeIds, entry.id).toContain(entry.nodeId);
    }
    expect(new Set(documents.map((doc) => doc.id)).size).toBe(documents.length);
  });

  it.each([
    ['pixart sigma', 'paper:2403.04692', 'text-to-image/awesome/pixart-σ#1'],
    ['ID-Aligner', 'paper:2404.15449', 'text-to-image/x-to-image/image/id-aligner#1'],
    ['sd3', 'paper:2403.03206', 'text-to-image/awesome/sd3#1'],
    ['multibooth', 'paper:2404.14239', 'text-to-image/personalization/multi-subject-composition/multibooth#1'],
  ])('appears once for %s: %s, opening entry %s', (query, paperId, entryId) => {
    const hits = searchHits(index, query, {}, 100);
    expect(hits.filter((hit) => hit.id === paperId)).toHaveLength(1);
    expect(hits.filter((hit) => hit.entryId === entryId).map((hit) => hit.id)).toEqual([paperId]);
    expect(hits.map((hit) => hit.id)).not.toContain(`entry:${entryId}`);
  });
});
