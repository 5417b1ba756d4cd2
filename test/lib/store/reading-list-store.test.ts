import { beforeEach, describe, expect, it } from 'vitest';
import { ReadingListStore } from '../../../lib/store/reading-list-store';
import type { CompanionDatabase } from '../../../lib/store/database';
import { StoreError } from '../../../lib/store/store-error';
import { fakeDatabase } from '../../support/fake-database';

const idAligner = { arxivId: '2404.15449', version: 1, title: 'ID-Aligner:  Enhancing\nIdentity-Preserving', authors: ['Weifeng Chen'], url: 'https://arxiv.org/abs/2404.15449v1', source: 'card' as const };

describe('ReadingListStore', () => {
  let db: CompanionDatabase;
  let list: ReadingListStore;
  beforeEach(() => {
    db = fakeDatabase();
    list = new ReadingListStore(db);
  });

  it('saves a paper with a status, an empty note and no tags', async () => {
    const { entry, created } = await list.save(idAligner);
    expect(created).toBe(true);
    expect(entry).toMatchObject({ key: 'arxiv:2404.15449', title: 'ID-Aligner: Enhancing Identity-Preserving', status: 'to-read', note: '', tags: [] });
    expect(await list.list()).toEqual([entry]);
  });

  it.each([
    ['the pdf of another version', { url: 'https://arxiv.org/pdf/2404.15449v2', version: 2 }],
    ['the Hugging Face page', { url: 'https://huggingface.co/papers/2404.15449', version: null }],
    ['the alphaXiv page', { url: 'https://www.alphaxiv.org/abs/2404.15449', version: null }],
  ])('keeps one entry when the same paper is saved again from %s', async (_, page) => {
    await list.save(idAligner);
    await list.update('arxiv:2404.15449', { status: 'reading', note: 'n', tags: ['id'] });
    const { entry, created } = await list.save({ ...idAligner, ...page, source: 'popup' });
    expect(created).toBe(false);
    expect(entry).toMatchObject({ status: 'reading', note: 'n', tags: ['id'], source: 'card', url: idAligner.url });
    expect(entry.version).toBe(Math.max(1, page.version ?? 0));
    expect(await db.readingList.count()).toBe(1);
  });

  it('keys a paper without an arXiv id by its title', async () => {
    const { entry } = await list.save({ arxivId: null, title: 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models', source: 'side-panel' });
    expect(entry.key).toBe('title:dreambooth fine tuning text to image diffusion models');
  });

  it('lands both of two saves made at the same moment from two tabs', async () => {
    const other = { ...idAligner, arxivId: '2403.04692', title: 'PixArt-Σ', url: null };
    const results = await Promise.all([list.save(idAligner), list.save(other), list.save(idAligner)]);
    expect(results.filter((r) => r.created)).toHaveLength(2);
    expect((await list.list()).map((e) => e.key).sort()).toEqual(['arxiv:2403.04692', 'arxiv:2404.15449']);
  });

  it('updates status, note and tags, and de-duplicates tags', async () => {
    await list.save(idAligner);
    const entry = await list.update('arxiv:2404.15449', { status: 'done', note: '很好', tags: ['a', 'b', 'a'] });
    expect(entry).toMatchObject({ status: 'done', note: '很好', tags: ['a', 'b'] });
    expect(await db.readingList.where('tags').equals('b').count()).toBe(1);
  });

  it.each([
    ['no title', { ...idAligner, title: '  ' }],
    ['a bad id', { ...idAligner, arxivId: '2404.15449v1' }],
    ['a bad source', { ...idAligner, source: 'evil' }],
    ['a javascript: url', { ...idAligner, url: 'not a url' }],
  ])('refuses a paper with %s and stores nothing', async (_, paper) => {
    await expect(list.save(paper as never)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.readingList.count()).toBe(0);
  });

  it('refuses an unknown status', async () => {
    await list.save(idAligner);
    await expect(list.update('arxiv:2404.15449', { status: 'skimmed' as never })).rejects.toBeInstanceOf(StoreError);
  });

  it('says not-found when updating an entry that is gone', async () => {
    await expect(list.update('arxiv:2401.00001', { note: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('removes an entry', async () => {
    await list.save(idAligner);
    await list.remove('arxiv:2404.15449');
    await list.remove('arxiv:2404.15449');
    expect(await list.list()).toEqual([]);
  });

  it('reports a full disk and keeps every entry it had', async () => {
    await list.save(idAligner);
    const before = await db.readingList.toArray();
    db.readingList.add = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.readingList.add;
    const error = await list.save({ ...idAligner, arxivId: '2403.04692' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'quota-exceeded' });
    expect((error as Error).message).toMatch(/disk is full.*Nothing you saved before was changed/);
    expect(await db.readingList.toArray()).toEqual(before);
  });
});
