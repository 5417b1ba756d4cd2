import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { companionApi } from '../../../lib/background/companion-api';
import { CompanionStore } from '../../../lib/store/companion-store';
import { saveToZotero } from '../../../lib/zotero/connector-client';
import type { ZoteroSender } from '../../../lib/zotero/save-papers';
import { fakeDatabase, memorySource } from '../../support/fake-database';
import { projectCorpus } from '../../support/project-corpus';
import { startFakeZotero, type FakeZotero } from '../../support/zotero-connector-server';

const { corpus } = projectCorpus();
let store: CompanionStore;
let zotero: FakeZotero | undefined;

beforeAll(async () => {
  store = new CompanionStore(fakeDatabase(), memorySource(corpus));
  await store.ensureCorpus();
  const { entry } = await store.readingList.save({ arxivId: '2404.15449', title: 'ID-Aligner', authors: ['Weifeng Chen'], source: 'card' });
  await store.readingList.update(entry.key, { tags: ['identity', 'to cite'] });
});
afterEach(async () => {
  await zotero?.close();
  zotero = undefined;
});

/** The background's sender, pointed at a loopback Zotero (or at a port where none listens). */
function sender(baseUrl: string): ZoteroSender {
  let n = 0;
  return (items) => saveToZotero(items, { fetch, baseUrl, uri: 'https://arxiv.org/', newSessionId: () => `s${++n}`, timeoutMs: 2000 });
}

describe('zotero.save', () => {
  it('saves a reading-list entry with its tags and its digest as a child note', async () => {
    zotero = await startFakeZotero();
    const api = companionApi(store, { sendToZotero: sender(zotero.url) });
    expect(await api['zotero.save']({ type: 'zotero.save', keys: ['arxiv:2404.15449'] }, {})).toEqual({ status: 'saved', items: 1 });
    const [item] = zotero.saves[0]!.items;
    expect(item).toMatchObject({ itemType: 'preprint', archiveID: 'arXiv:2404.15449', tags: [{ tag: 'identity' }, { tag: 'to cite' }] });
    const paper = corpus.papers.find((p) => p.arxivId === '2404.15449')!;
    expect((item!.notes as { note: string }[])[0]!.note).toContain(paper.summaryZh!);
  });

  it('saves papers that are not in the reading list from their digests, several at once', async () => {
    zotero = await startFakeZotero();
    const api = companionApi(store, { sendToZotero: sender(zotero.url) });
    const ids = corpus.papers.slice(0, 3).map((p) => p.arxivId);
    expect(await api['zotero.save']({ type: 'zotero.save', keys: ids.map((id) => `arxiv:${id}`) }, {})).toEqual({ status: 'saved', items: 3 });
    expect(zotero.saves[0]!.items.map((item) => item.archiveID)).toEqual(ids.map((id) => `arXiv:${id}`));
  });

  it('says Zotero is not running and hands over the paper’s BibTeX and RIS', async () => {
    zotero = await startFakeZotero();
    const url = zotero.url;
    await zotero.close();
    zotero = undefined;
    const answer = await companionApi(store, { sendToZotero: sender(url) })['zoteroPaper.save']({ type: 'zoteroPaper.save', arxivId: '2404.15449' }, {});
    expect(answer).toMatchObject({ status: 'not-running', fallback: { ris: { filename: '2404.15449.ris', mimeType: 'application/x-research-info-systems' } } });
    if (answer.status === 'saved') throw new Error('unreachable');
    expect(answer.fallback.bibtex).toMatch(/^@misc\{chen2024idaligner,/);
    expect(answer.fallback.bibtex).toContain('keywords = {identity, to cite}');
    expect(answer.fallback.ris).toMatchObject({ text: expect.stringContaining('AN  - arXiv:2404.15449\r\n') });
  });

  it('sends nothing without the permission, and says so with the citations', async () => {
    const answer = await companionApi(store, { sendToZotero: async () => ({ status: 'permission-needed' }) })['zotero.save']({ type: 'zotero.save', keys: ['arxiv:2404.15449'] }, {});
    expect(answer).toMatchObject({ status: 'permission-needed', fallback: { bibtex: expect.stringContaining('eprint = {2404.15449}') } });
  });

  it('refuses keys that name no known paper', async () => {
    await expect(companionApi(store)['zotero.save']({ type: 'zotero.save', keys: ['arxiv:9999.99999', 'title:nothing'] }, {})).rejects.toMatchObject({ code: 'not-found' });
  });
});
