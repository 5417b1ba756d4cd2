import { beforeAll, describe, expect, it } from 'vitest';
import { CompanionStore } from '../../../lib/store/companion-store';
import { CompanionDatabase } from '../../../lib/store/database';
import { projectCorpus } from '../../support/project-corpus';
import { fakeDatabase, memorySource } from '../../support/fake-database';

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
    const lookup = await store.lookupPage({ url });
    expect(lookup).toMatchObject({ arxivId: '2404.15449', matchedBy, pageVersion, savedKey: 'arxiv:2404.15449' });
    expect(lookup.digest?.summaryZh).toContain('身份保持');
    expect(lookup.placements.map((p) => p.path.at(-1))).toContain('ID-Aligner (image + text)');
    expect(lookup.placements[0]!.siblings.length).toBeGreaterThan(0);
  });

  it('reads the citation_arxiv_id and citation_pdf_url meta tags of other sites', async () => {
    expect(await store.lookupPage({ url: 'https://example.org/p/1', meta: { citationArxivId: '2403.04692' } })).toMatchObject({ arxivId: '2403.04692', matchedBy: 'meta' });
    expect(await store.lookupPage({ url: 'https://example.org/p/2', meta: { citationPdfUrl: 'https://arxiv.org/pdf/2403.04692v2' } })).toMatchObject({
      arxivId: '2403.04692',
      matchedBy: 'meta',
      pageVersion: 2,
    });
  });

  it('follows links only when they all name one paper', async () => {
    const one = await store.lookupPage({ url: 'https://blog.example/post', meta: { arxivLinks: ['https://arxiv.org/abs/2404.15449', 'https://arxiv.org/pdf/2404.15449v1'] } });
    expect(one).toMatchObject({ arxivId: '2404.15449', matchedBy: 'link' });
    const many = await store.lookupPage({ url: 'https://blog.example/list', meta: { arxivLinks: ['https://arxiv.org/abs/2404.15449', 'https://arxiv.org/abs/2403.04692'] } });
    expect(many).toMatchObject({ arxivId: null, matchedBy: null, digest: null, placements: [] });
  });

  it('finds a taxonomy-only paper by its title, high-confidence matches only', async () => {
    const title = 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation';
    const lookup = await store.lookupPage({ url: 'https://openreview.net/forum?id=abc', title });
    expect(lookup).toMatchObject({ matchedBy: 'title', digest: null });
    expect(lookup.placements.map((p) => p.method)).toContain('DreamBooth');
    expect(lookup.savedKey).toMatch(/^title:dreambooth fine tuning/);
    const contained = await store.lookupPage({ url: 'https://openreview.net/forum?id=x', title: 'Improved Classifier-Free Diffusion Guidance' });
    expect(contained.matchedBy).toBeNull();
  });

  it('adds taxonomy placements found by title to a paper the URL names but the digests lack', async () => {
    const lookup = await store.lookupPage({ url: 'https://arxiv.org/abs/2208.12242', meta: { citationTitle: 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation' } });
    expect(lookup).toMatchObject({ arxivId: '2208.12242', matchedBy: 'url', digest: null, savedKey: 'arxiv:2208.12242' });
    expect(lookup.placements.length).toBeGreaterThan(0);
  });

  it('recognises a digest paper by title on a page with no id', async () => {
    const lookup = await store.lookupPage({ url: 'https://openreview.net/forum?id=pix', title: 'PixArt-Sigma: Weak-to-Strong Training of Diffusion Transformer for 4K Text-to-Image Generation' });
    expect(lookup).toMatchObject({ arxivId: '2403.04692', matchedBy: 'title' });
  });

  it('says when the page shows a newer version than the digest', async () => {
    const lookup = await store.lookupPage({ url: 'https://arxiv.org/abs/2404.15449v3' });
    expect(lookup.newerVersion).toEqual({ page: 3, digest: 1 });
    expect((await store.lookupPage({ url: 'https://arxiv.org/abs/2404.15449v1' })).newerVersion).toBeNull();
  });

  it('answers a paper outside the corpus with nothing, not an error', async () => {
    const lookup = await store.lookupPage({ url: 'https://arxiv.org/abs/2501.00001', title: 'A Paper Nobody Digested' });
    expect(lookup).toMatchObject({ arxivId: '2501.00001', digest: null, placements: [], matchedBy: null, saved: false });
  });

  it('marks a saved page as saved, whichever version or site it is', async () => {
    await store.readingList.save({ arxivId: '2404.14239', title: 'MultiBooth', source: 'card' });
    expect((await store.lookupPage({ url: 'https://huggingface.co/papers/2404.14239' })).saved).toBe(true);
    expect((await store.lookupPage({ url: 'https://arxiv.org/pdf/2404.14239v2' })).saved).toBe(true);
  });

  it('gets a paper, and says not-found for one without a digest', async () => {
    expect((await store.getPaper({ arxivId: '2403.04692v1' })).digest.title).toMatch(/^PixArt-Σ/);
    await expect(store.getPaper({ arxivId: '2501.00001' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('shows a taxonomy node with ancestors, children with counts, and its papers', async () => {
    const placement = (await store.lookupPage({ url: 'https://arxiv.org/abs/2404.15449' })).placements[0]!;
    const view = await store.taxonomyNode({ id: placement.nodeId });
    expect(view.ancestors.map((a) => a.label)).toEqual(placement.path.slice(0, -1).map((name) => expect.stringContaining(name.split(' (')[0]!)));
    expect(view.entries.some((entry) => entry.arxivIds.includes('2404.15449') && entry.summaryZh?.includes('身份保持'))).toBe(true);
    const root = await store.taxonomyNode({ id: view.ancestors[0]!.id });
    expect(root.children.length).toBeGreaterThan(0);
    expect(root.node.subtreeEntryCount).toBe(root.node.entryIds.length + root.children.reduce((n, c) => n + c.subtreeEntryCount, 0));
    await expect(store.taxonomyNode({ id: 'no/such/node' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('searches with saved markers and the saved-only filter', async () => {
    const { hits } = await store.search({ query: 'multibooth', filters: { kind: 'all', savedOnly: false }, limit: 5 });
    expect(hits[0]).toMatchObject({ arxivId: '2404.14239', saved: true });
    const saved = await store.search({ query: 'image', filters: { kind: 'all', savedOnly: true }, limit: 20 });
    expect(saved.hits.map((h) => h.arxivId)).toEqual(['2404.14239']);
  });

  it('reopens a database the browser closed under an idle worker', async () => {
    db.close({ disableAutoOpen: false });
    const lookup = await store.lookupPage({ url: 'https://arxiv.org/abs/2403.04692' });
    expect(lookup.digest?.arxivId).toBe('2403.04692');
    db.close();
    await expect(store['readingList.list']()).resolves.toMatchObject({ entries: expect.any(Array) });
  });
});

describe('CompanionStore from a cold start', () => {
  it('serves the first search from the cached index, without loading the corpus again', async () => {
    const db = fakeDatabase('cold');
    const source = memorySource(corpus);
    await new CompanionStore(db, source).ensureCorpus();
    const cold = new CompanionStore(db, source);
    const { hits } = await cold.search({ query: 'pixart sigma', filters: { kind: 'all', savedOnly: false }, limit: 3 });
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
    expect(await store['settings.get']()).toEqual({ cardCollapsed: false, pendingTaxonomyNode: null });
    expect(await store['settings.update']({ patch: { cardCollapsed: true } })).toMatchObject({ cardCollapsed: true });
    await db.settings.put({ key: 'cardCollapsed', value: 'garbage' });
    expect((await store['settings.get']()).cardCollapsed).toBe(false);
  });

  it('remembers the node a card asked for, and says whether the panel opened', async () => {
    const opened: (number | undefined)[] = [];
    const store = new CompanionStore(fakeDatabase('open-node'), memorySource(corpus), {
      openSidePanel: async (tabId) => {
        opened.push(tabId);
        return true;
      },
    });
    expect(await store.openTaxonomyNode({ nodeId: 'text-to-image' }, { tabId: 3 })).toEqual({ opened: true });
    expect(opened).toEqual([3]);
    expect((await store['settings.get']()).pendingTaxonomyNode).toBe('text-to-image');
  });

  it('tells a listing page which of its papers have a digest and which are saved', async () => {
    const store = new CompanionStore(fakeDatabase('status'), memorySource(corpus));
    await store.readingList.save({ arxivId: '2501.00002', title: 'Outside', source: 'card' });
    const status = await store.paperStatus({ arxivIds: ['2404.15449v2', '2501.00002', 'not-an-id', '2404.15449'] });
    expect(status).toEqual({ digests: ['2404.15449'], saved: ['2501.00002'] });
  });
});
