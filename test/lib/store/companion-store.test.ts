import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { companionApi } from '../../../lib/background/companion-api';
import { runImport } from '../../../lib/import/run-import';
import { createSearchIndex, searchDocumentsFromCorpus, searchHits } from '../../../lib/search';
import { CompanionStore } from '../../../lib/store/companion-store';
import { CompanionDatabase, type ImportedPaperRow } from '../../../lib/store/database';
import { projectCorpus } from '../../support/project-corpus';
import { fakeDatabase, memorySource, nextRelease } from '../../support/fake-database';

const { corpus } = projectCorpus();

describe('CompanionStore over the project corpus', () => {
  let store: CompanionStore;
  let db: CompanionDatabase;
  beforeAll(async () => {
    db = fakeDatabase('companion');
    store = new CompanionStore(db, memorySource(corpus));
    await store.ensureCorpus();
  });

  it.each([
    ['an abs page', 'https://arxiv.org/abs/2404.15449', 'url', null],
    ['a versioned pdf', 'https://arxiv.org/pdf/2404.15449v1.pdf', 'url', 1],
    ['an html page with a section', 'https://arxiv.org/html/2404.15449v1/#S3', 'url', 1],
    ['Hugging Face', 'https://huggingface.co/papers/2404.15449', 'url', null],
    ['alphaXiv', 'https://www.alphaxiv.org/overview/2404.15449?tab=chat', 'url', null],
  ])('recognises %s', async (_, url, matchedBy, pageVersion) => {
    const lookup = await store.papers.page({ url });
    expect(lookup).toMatchObject({ arxivId: '2404.15449', matchedBy, pageVersion, savedKey: 'arxiv:2404.15449' });
    expect(lookup.digest?.summaryZh).toContain('身份保持');
    expect(lookup.placements.map((p) => p.path.at(-1))).toContain('ID-Aligner (image + text)');
    expect(lookup.placements[0]!.siblings.length).toBeGreaterThan(0);
    expect(lookup.placements[0]!.siblingIds).toHaveLength(lookup.placements[0]!.siblings.length);
  });

  it('reads the citation_arxiv_id and citation_pdf_url meta tags of other sites', async () => {
    expect(await store.papers.page({ url: 'https://example.org/p/1', meta: { citationArxivId: '2403.04692' } })).toMatchObject({ arxivId: '2403.04692', matchedBy: 'meta' });
    expect(await store.papers.page({ url: 'https://example.org/p/2', meta: { citationPdfUrl: 'https://arxiv.org/pdf/2403.04692v2' } })).toMatchObject({
      arxivId: '2403.04692',
      matchedBy: 'meta',
      pageVersion: 2,
    });
  });

  it('follows links only when they all name one paper', async () => {
    const one = await store.papers.page({ url: 'https://blog.example/post', meta: { arxivLinks: ['https://arxiv.org/abs/2404.15449', 'https://arxiv.org/pdf/2404.15449v1'] } });
    expect(one).toMatchObject({ arxivId: '2404.15449', matchedBy: 'link' });
    const many = await store.papers.page({ url: 'https://blog.example/list', meta: { arxivLinks: ['https://arxiv.org/abs/2404.15449', 'https://arxiv.org/abs/2403.04692'] } });
    expect(many).toMatchObject({ arxivId: null, matchedBy: null, digest: null, placements: [] });
  });

  it('finds a taxonomy-only paper by its title, high-confidence matches only', async () => {
    const title = 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation';
    const lookup = await store.papers.page({ url: 'https://openreview.net/forum?id=abc', title });
    expect(lookup).toMatchObject({ matchedBy: 'title', digest: null });
    expect(lookup.placements.map((p) => p.method)).toContain('DreamBooth');
    expect(lookup.savedKey).toMatch(/^title:dreambooth fine tuning/);
    const contained = await store.papers.page({ url: 'https://openreview.net/forum?id=x', title: 'Improved Classifier-Free Diffusion Guidance' });
    expect(contained.matchedBy).toBeNull();
  });

  it('adds taxonomy placements found by title to a paper the URL names but the digests lack', async () => {
    const lookup = await store.papers.page({ url: 'https://arxiv.org/abs/2208.12242', meta: { citationTitle: 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation' } });
    expect(lookup).toMatchObject({ arxivId: '2208.12242', matchedBy: 'url', digest: null, savedKey: 'arxiv:2208.12242' });
    expect(lookup.placements.length).toBeGreaterThan(0);
  });

  it('recognises a digest paper by title on a page with no id', async () => {
    const lookup = await store.papers.page({ url: 'https://openreview.net/forum?id=pix', title: 'PixArt-Sigma: Weak-to-Strong Training of Diffusion Transformer for 4K Text-to-Image Generation' });
    expect(lookup).toMatchObject({ arxivId: '2403.04692', matchedBy: 'title' });
  });

  it('says when the page shows a newer version than the digest', async () => {
    const lookup = await store.papers.page({ url: 'https://arxiv.org/abs/2404.15449v3' });
    expect(lookup.newerVersion).toEqual({ page: 3, digest: 1 });
    expect((await store.papers.page({ url: 'https://arxiv.org/abs/2404.15449v1' })).newerVersion).toBeNull();
  });

  it('answers a paper outside the corpus with nothing, not an error', async () => {
    const lookup = await store.papers.page({ url: 'https://arxiv.org/abs/2501.00001', title: 'A Paper Nobody Digested' });
    expect(lookup).toMatchObject({ arxivId: '2501.00001', digest: null, placements: [], matchedBy: null, saved: false });
  });

  it('marks a saved page as saved, whichever version or site it is', async () => {
    await store.readingList.save({ arxivId: '2404.14239', title: 'MultiBooth', source: 'card' });
    expect((await store.papers.page({ url: 'https://huggingface.co/papers/2404.14239' })).saved).toBe(true);
    expect((await store.papers.page({ url: 'https://arxiv.org/pdf/2404.14239v2' })).saved).toBe(true);
  });

  it.each([
    ['by URL alone, asked twice at once: one answer for both', { url: 'https://arxiv.org/abs/2403.04692' }, { url: 'https://arxiv.org/abs/2403.04692' }, true],
    ['the same URL, once with the page\'s title: each its own', { url: 'https://arxiv.org/abs/2403.04692' }, { url: 'https://arxiv.org/abs/2403.04692', title: 'PixArt' }, false],
    ['two URLs: each its own', { url: 'https://arxiv.org/abs/2403.04692' }, { url: 'https://arxiv.org/pdf/2403.04692' }, false],
  ])('looks a page up %s', async (_, first, second, shared) => {
    const [a, b] = [store.papers.page(first), store.papers.page(second)];
    expect(a === b).toBe(shared);
    expect((await a).arxivId).toBe((await b).arxivId);
  });

  it('answers a lookup asked after a save with the save, even while one asked before is still reading', async () => {
    const url = 'https://arxiv.org/abs/2403.04692';
    const before = store.papers.page({ url });
    await store.readingList.save({ arxivId: '2403.04692', title: 'PixArt-Σ', source: 'card' });
    const after = store.papers.page({ url });
    expect(after).not.toBe(before);
    expect((await after).saved).toBe(true);
    // And the next one, asked once those have answered, reads again.
    await Promise.all([before, after]);
    expect(store.papers.page({ url })).not.toBe(after);
    await store.readingList.remove('arxiv:2403.04692');
  });

  it('gets a paper, and says not-found for one without a digest', async () => {
    expect((await store.papers.paper('2403.04692v1')).digest.title).toMatch(/^PixArt-Σ/);
    await expect(store.papers.paper('2501.00001')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('shows a taxonomy node with ancestors, children with counts, and its papers', async () => {
    const placement = (await store.papers.page({ url: 'https://arxiv.org/abs/2404.15449' })).placements[0]!;
    const view = await store.taxonomy.node(placement.nodeId);
    expect(view.ancestors.map((a) => a.label)).toEqual(placement.path.slice(0, -1).map((name) => expect.stringContaining(name.split(' (')[0]!)));
    expect(view.entries.some((entry) => entry.arxivIds.includes('2404.15449') && entry.summaryZh?.includes('身份保持'))).toBe(true);
    const root = await store.taxonomy.node(view.ancestors[0]!.id);
    expect(root.children.length).toBeGreaterThan(0);
    expect(root.node.subtreeEntryCount).toBe(root.node.entryIds.length + root.children.reduce((n, c) => n + c.subtreeEntryCount, 0));
    await expect(store.taxonomy.node('no/such/node')).rejects.toMatchObject({ code: 'not-found' });
    const { nodes } = await store.taxonomy.tree();
    const byId = new Map(nodes.map((node) => [node.id, node]));
    expect(byId.get(placement.nodeId)).toMatchObject({ label: view.node.label, parentId: view.node.parentId, childIds: view.node.childIds, entryCount: view.node.entryIds.length });
    expect(nodes.filter((node) => node.parentId === null).map((node) => node.id)).toContain(view.ancestors[0]!.id);
  });

  it('searches with saved markers and the saved-only filter', async () => {
    const { hits } = await store.search.search('multibooth', { kind: 'all', savedOnly: false }, 5);
    expect(hits[0]).toMatchObject({ arxivId: '2404.14239', saved: true });
    const saved = await store.search.search('image', { kind: 'all', savedOnly: true }, 20);
    expect(saved.hits.map((h) => h.arxivId)).toEqual(['2404.14239']);
  });

  it.each(['dreambooth', '身份保持', 'pixart sigma', 'controlnet', '2404.15449', 'imagen'])('lists %s as an index that stores every shown field does, from an index that stores none', async (query) => {
    const { hits } = await store.search.search(query, { kind: 'all', savedOnly: false }, 20);
    const full = searchHits(createSearchIndex(searchDocumentsFromCorpus(corpus)), query, {}, 20);
    expect(hits.map(({ saved: _saved, ...hit }) => hit)).toEqual(full);
  });

  it('reopens a database the browser closed under an idle worker', async () => {
    db.close({ disableAutoOpen: false });
    const lookup = await store.papers.page({ url: 'https://arxiv.org/abs/2403.04692' });
    expect(lookup.digest?.arxivId).toBe('2403.04692');
    db.close();
    await expect(companionApi(store)['readingList.list']({ type: 'readingList.list' }, {})).resolves.toMatchObject({ entries: expect.any(Array) });
  });
});

describe('CompanionStore from a cold start', () => {
  it('serves the first search from the cached index, without loading the corpus again', async () => {
    const db = fakeDatabase('cold');
    const source = memorySource(corpus);
    await new CompanionStore(db, source).ensureCorpus();
    const cold = new CompanionStore(db, source);
    const { hits } = await cold.search.search('pixart sigma', { kind: 'all', savedOnly: false }, 3);
    expect(hits[0]?.arxivId).toBe('2403.04692');
    expect(source.loads).toBe(1);
  });

  it('says storage is unavailable when IndexedDB is missing, as in a Firefox private window', async () => {
    const db = new CompanionDatabase('none', { indexedDB: undefined as never, IDBKeyRange: undefined as never });
    const store = new CompanionStore(db, memorySource(corpus));
    const error = await store.ensureCorpus().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage-unavailable' });
    expect((error as Error).message).toMatch(/private windows/);
  });

  it('refuses a damaged bundled corpus with a clear error', async () => {
    const source = memorySource(corpus);
    source.load = async () => ({ ...corpus, papers: [{ arxivId: 'nonsense' }] });
    const store = new CompanionStore(fakeDatabase('damaged'), source);
    await expect(store.ensureCorpus()).rejects.toMatchObject({ code: 'corpus-invalid' });
  });
});

describe('CompanionStore settings and listing status', () => {
  it('keeps settings with their defaults, and falls back when a stored value is off-schema', async () => {
    const db = fakeDatabase('settings');
    const store = new CompanionStore(db, memorySource(corpus));
    expect(await store.settings.get()).toEqual({ cardCollapsed: false, theme: 'auto', pendingTaxonomyNode: null });
    expect(await store.settings.update({ cardCollapsed: true })).toMatchObject({ cardCollapsed: true });
    await db.settings.put({ key: 'cardCollapsed', value: 'garbage' });
    expect((await store.settings.get()).cardCollapsed).toBe(false);
  });

  it('remembers the node a card asked for, and says whether the panel opened', async () => {
    const opened: (number | undefined)[] = [];
    const store = new CompanionStore(fakeDatabase('open-node'), memorySource(corpus));
    const api = companionApi(store, {
      openSidePanel: async (tabId) => {
        opened.push(tabId);
        return true;
      },
    });
    expect(await api['taxonomy.open']({ type: 'taxonomy.open', nodeId: 'text-to-image' }, { tabId: 3 })).toEqual({ opened: true });
    expect(opened).toEqual([3]);
    expect((await store.settings.get()).pendingTaxonomyNode).toBe('text-to-image');
  });

  it('tells a listing page which of its papers have a digest and which are saved', async () => {
    const store = new CompanionStore(fakeDatabase('status'), memorySource(corpus));
    await store.readingList.save({ arxivId: '2501.00002', title: 'Outside', source: 'card' });
    const status = await store.papers.status(['2404.15449v2', '2501.00002', 'not-an-id', '2404.15449']);
    expect(status).toEqual({ digests: [{ arxivId: '2404.15449', title: expect.stringMatching(/^ID-Aligner/), authors: expect.arrayContaining([expect.any(String)]), summary: expect.stringContaining('身份保持') }], saved: ['2501.00002'] });
  });
});

describe('CompanionStore with imported digests', () => {
  const DAILY = 'daily-2024-05-20.txt';
  const dailyFile = () => {
    const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/import', DAILY));
    return { name: DAILY, size: bytes.byteLength, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
  };
  let db: CompanionDatabase;
  let source: ReturnType<typeof memorySource>;
  let store: CompanionStore;
  let batchId: string;
  beforeAll(async () => {
    db = fakeDatabase('companion-imports');
    source = memorySource(corpus);
    store = new CompanionStore(db, source);
    await store.ensureCorpus();
    await store.readingList.save({ arxivId: '2404.15449', title: 'ID-Aligner', authors: [], version: null, source: 'popup' });
    const outcome = await runImport([dailyFile()], { store: store.imports, loadRepairModel: () => Promise.reject(new Error('no damaged file here')) });
    batchId = outcome.batch!.id;
    await store.importsChanged();
  });

  it('shows an imported paper on its arXiv page, placed in the taxonomy it was linked to by title', async () => {
    const lookup = await store.papers.page({ url: 'https://arxiv.org/abs/2405.12001v1' });
    expect(lookup).toMatchObject({ arxivId: '2405.12001', matchedBy: 'url' });
    expect(lookup.digest?.summaryZh).toContain('扰动注意力引导');
    expect(lookup.digest).toMatchObject({ imported: { batchId, file: DAILY } });
    expect(lookup.placements.map((placement) => placement.path.at(-1))).toContain('PAG');
  });

  it('finds imported papers by search, by title, and on listing pages', async () => {
    const { hits } = await store.search.search('perturbed attention guidance', { kind: 'all', savedOnly: false }, 5);
    expect(hits[0]).toMatchObject({ arxivId: '2405.12001', kind: 'paper' });
    // The PAG entry is now this paper's document, not a second result of its own.
    expect(hits.filter((hit) => hit.entryId === 'text-to-image/enhancement/pag#1')).toHaveLength(1);
    expect((await store.papers.page({ url: 'https://openreview.net/forum?id=x', title: 'Self-Rectifying Diffusion Sampling with Perturbed-Attention Guidance' })).arxivId).toBe('2405.12001');
    expect((await store.papers.status(['2405.12002', '2404.15449', '2501.00001'])).digests.map((digest) => digest.arxivId).sort()).toEqual(['2404.15449', '2405.12002']);
  });

  it('lists the imported paper under its taxonomy node with its summary', async () => {
    const view = await store.taxonomy.node('text-to-image/enhancement/pag');
    const entry = view.entries.find((e) => e.entryId === 'text-to-image/enhancement/pag#1');
    expect(entry).toMatchObject({ arxivIds: ['2405.12001'] });
    expect(entry?.summaryZh).toContain('扰动注意力引导');
  });

  it('keeps imports and the reading list when the bundled corpus is updated', async () => {
    source.corpus = nextRelease(corpus);
    const fresh = new CompanionStore(db, source);
    await fresh.ensureCorpus();
    expect((await db.meta.get('corpus'))?.hash).toBe(source.corpus.hash);
    expect(((await fresh.papers.paper('2405.12003')).digest as ImportedPaperRow).imported.batchId).toBe(batchId);
    expect((await fresh.readingList.list()).map((entry) => entry.key)).toEqual(['arxiv:2404.15449']);
    const { hits } = await fresh.search.search('2405.12002', { kind: 'all', savedOnly: false }, 5);
    expect(hits.map((hit) => hit.arxivId)).toEqual(['2405.12002']);
    store = fresh;
  });

  it('removes an import as one batch, and forgets it in search and lookups', async () => {
    expect((await store.imports.batches()).map((batch) => batch.id)).toEqual([batchId]);
    expect(await store.removeImport(batchId)).toEqual({ papers: 3 });
    expect((await store.papers.page({ url: 'https://arxiv.org/abs/2405.12001' })).digest).toBeNull();
    const { hits } = await store.search.search('2405.12002', { kind: 'all', savedOnly: false }, 5);
    expect(hits).toEqual([]);
    expect((await store.imports.batches())).toEqual([]);
    await expect(store.removeImport(batchId)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('indexes only the papers of imports added in the background, into the index that answers', async () => {
    const before = await store.search.index();
    await runImport([dailyFile()], { store: store.imports, loadRepairModel: () => Promise.reject(new Error('no damaged file here')) });
    store.importsAdded();
    // Searches answer from the index as it is while the new papers go in.
    await store.search.search('diffusion', { kind: 'all', savedOnly: false }, 5);
    expect(await store.search.index()).toBe(before);
    const { hits } = await store.search.search('2405.12002', { kind: 'all', savedOnly: false }, 5);
    expect(hits.map((hit) => hit.arxivId)).toEqual(['2405.12002']);
  });

  it('drops a hit whose paper the tables no longer hold (an import removed while the index is rebuilt), rather than show a row with no title', async () => {
    await db.importedPapers.filter((row) => row.arxivId === '2405.12002').delete();
    const { hits } = await store.search.search('2405.12002', { kind: 'all', savedOnly: false }, 5);
    expect(hits).toEqual([]);
  });
});
