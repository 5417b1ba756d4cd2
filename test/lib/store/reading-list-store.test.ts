import { beforeEach, describe, expect, it } from 'vitest';
import { readingListKey } from '../../../lib/reading-list/entry-key';
import { toReadingListJson } from '../../../lib/reading-list/export-json';
import { noteConflictLine } from '../../../lib/reading-list/merge-notes';
import type { ReadingListEditBase, ReadingListEntry, ReadingListPatch } from '../../../lib/reading-list/reading-list-entry';
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

  it('lists only the latest saves when given a limit', async () => {
    const now = Date.now();
    await db.readingList.bulkAdd(
      ['2401.00001', '2401.00002', '2401.00003'].map((arxivId, i) => ({ ...idAligner, arxivId, key: `arxiv:${arxivId}`, savedAt: now + i, updatedAt: now + i, status: 'to-read' as const, note: '', tags: [] })),
    );
    expect((await list.list(2)).map((e) => e.arxivId)).toEqual(['2401.00003', '2401.00002']);
    expect(await list.list()).toHaveLength(3);
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
    ['a url that is not one', { ...idAligner, url: 'not a url' }],
    ['a javascript: url', { ...idAligner, url: 'javascript:alert(1)' }],
    ['a data: url', { ...idAligner, url: 'data:text/html,<script>alert(1)</script>' }],
    ['a file: url', { ...idAligner, url: 'file:///etc/passwd' }],
  ])('refuses a paper with %s and stores nothing', async (_, paper) => {
    await expect(list.save(paper as never)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.readingList.count()).toBe(0);
  });

  // Issue 13, finding 7c: two side panels open on one list, each editing from what it showed.
  it.each([
    ['extends a note the other window left alone', { note: 'x' }, { note: 'x, mine' }, { note: 'x' }, { note: 'x, mine' }],
    ['keeps both notes when the other window changed it meanwhile', { note: 'x, theirs' }, { note: 'x, mine' }, { note: 'x' }, { note: `x, theirs\n\n${noteConflictLine('from another window')}\nx, mine` }],
    ['keeps the other window’s note when this edit only had less of it', { note: 'x, theirs' }, { note: 'x' }, { note: '' }, { note: 'x, theirs' }],
    ['adds and removes its own tags, keeping the other window’s', { tags: ['a', 'b', 'theirs'] }, { tags: ['a', 'mine'] }, { tags: ['a', 'b'] }, { tags: ['a', 'theirs', 'mine'] }],
    ['sets the tags it saw unchanged', { tags: ['a'] }, { tags: ['b'] }, { tags: ['a'] }, { tags: ['b'] }],
    ['overwrites, as before, when no base is sent', { note: 'x, theirs' }, { note: 'x, mine' }, undefined, { note: 'x, mine' }],
  ] as [string, ReadingListPatch, ReadingListPatch, ReadingListEditBase | undefined, Partial<ReadingListEntry>][])('an edit on a stale copy %s', async (_, saved, patch, base, expected) => {
    await list.save(idAligner);
    await list.update('arxiv:2404.15449', saved);
    const entry = await list.update('arxiv:2404.15449', patch, base);
    expect(entry).toMatchObject(expected);
  });

  it('loses no edit of two panels that both began from the same copy', async () => {
    await list.save(idAligner);
    const shown = (await list.get('arxiv:2404.15449'))!;
    await list.update(shown.key, { note: 'first panel', tags: ['one'] }, { note: shown.note, tags: shown.tags });
    const second = await list.update(shown.key, { note: 'second panel', tags: ['two'] }, { note: shown.note, tags: shown.tags });
    expect(second.note).toMatch(/^first panel\n\n.*\nsecond panel$/);
    expect(second.tags).toEqual(['one', 'two']);
  });

  it('tells its listeners which entries each committed write changed, and nothing of a failed one', async () => {
    const heard: string[][] = [];
    list.onChange((keys) => heard.push(keys));
    await list.save(idAligner);
    await list.update('arxiv:2404.15449', { status: 'done' });
    await list.update('arxiv:0000.00000', { status: 'done' }).catch(() => undefined);
    await list.importJson(fileOf(stored({ arxivId: '2403.04692', title: 'PixArt-Σ' }), { ...(await list.get('arxiv:2404.15449'))! }));
    await list.remove('arxiv:2404.15449');
    expect(heard).toEqual([['arxiv:2404.15449'], ['arxiv:2404.15449'], ['arxiv:2403.04692'], ['arxiv:2404.15449']]);
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

function stored(fields: Partial<ReadingListEntry> = {}): ReadingListEntry {
  const paper = {
    arxivId: '2404.15449',
    version: 1,
    title: 'ID-Aligner: Enhancing Identity-Preserving',
    authors: ['Weifeng Chen'],
    url: 'https://arxiv.org/abs/2404.15449v1',
    source: 'card' as const,
    savedAt: 1000,
    updatedAt: 2000,
    status: 'to-read' as const,
    note: '',
    tags: [],
    ...fields,
  };
  return { key: readingListKey(paper)!, ...paper };
}

const fileOf = (...entries: ReadingListEntry[]) => toReadingListJson(entries, new Date(0));

describe('ReadingListStore export and import', () => {
  let db: CompanionDatabase;
  let list: ReadingListStore;
  const saved = [
    stored({ status: 'reading', note: '看第三节', tags: ['identity', 'reward'] }),
    stored({ arxivId: 'hep-th/9901001', title: 'The Large N Limit of Superconformal Field Theories', authors: ['Juan Maldacena'], url: null, version: null, savedAt: 3000, updatedAt: 3000 }),
    stored({ arxivId: null, title: 'DreamBooth', authors: [], url: 'https://openreview.net/forum?id=x', version: null, source: 'side-panel', savedAt: 2000, status: 'done' }),
  ];
  beforeEach(async () => {
    db = fakeDatabase();
    list = new ReadingListStore(db);
    await db.readingList.bulkPut(saved);
  });

  it.each([
    ['bibtex', 'reading-list-2026-12-01.bib', 'application/x-bibtex', /^@misc\{maldacena1999large,\n/],
    ['ris', 'reading-list-2026-12-01.ris', 'application/x-research-info-systems', /^TY {2}- UNPB\r\nTI {2}- The Large N/],
    ['csl-json', 'reading-list-2026-12-01.csl.json', 'application/vnd.citationstyles.csl+json', /^\[\n {2}\{\n {4}"id": "maldacena1999large",/],
    ['markdown', 'reading-list-2026-12-01.md', 'text/markdown', /^# Reading list\n\n## To read \(1\)\n\n- \[The Large N/],
    ['json', 'reading-list-2026-12-01.json', 'application/json', /^\{\n {2}"format": "arxiv-digest-companion\/reading-list",\n {2}"version": 1,\n {2}"exportedAt": "2026-12-01T/],
  ] as const)('exports as %s, most recently saved first, named by the day', async (format, filename, mimeType, start) => {
    // Late in the evening: the file is named by the reader's day, not by UTC's.
    const file = await list.exportAs(format, new Date(2026, 11, 1, 23, 59));
    expect(file).toMatchObject({ filename, mimeType });
    expect(file.text).toMatch(start);
  });

  it('imports its own export into an empty list as it was', async () => {
    const { text } = await list.exportAs('json');
    const fresh = new ReadingListStore(fakeDatabase('other-db'));
    expect(await fresh.importJson(text)).toEqual({ added: 3, updated: 0, unchanged: 0, conflicts: [] });
    expect(await fresh.list()).toEqual(await list.list());
  });

  it('changes nothing when a file is imported again', async () => {
    const before = await db.readingList.toArray();
    const { text } = await list.exportAs('json');
    expect(await list.importJson(text)).toEqual({ added: 0, updated: 0, unchanged: 3, conflicts: [] });
    expect(await list.importJson(text)).toEqual({ added: 0, updated: 0, unchanged: 3, conflicts: [] });
    expect(await db.readingList.toArray()).toEqual(before);
  });

  it('adds new papers, merges known ones and counts each', async () => {
    const file = fileOf(saved[0]!, { ...saved[1]!, tags: ['holography'] }, stored({ arxivId: '2403.04692', title: 'PixArt-Σ' }));
    expect(await list.importJson(file)).toEqual({ added: 1, updated: 1, unchanged: 1, conflicts: [] });
    expect(await db.readingList.count()).toBe(4);
  });

  it.each([
    ['takes the status of the side changed last', { status: 'reading' }, { status: 'done', updatedAt: 5000 }, { status: 'done', updatedAt: 5000 }],
    ['keeps its own status when the file’s is older', { status: 'reading' }, { status: 'done', updatedAt: 1500 }, null],
    ['keeps the earlier save time', { savedAt: 1000 }, { savedAt: 500 }, { savedAt: 500, updatedAt: 2000 }],
    ['keeps its save time when the file’s is later', { savedAt: 1000 }, { savedAt: 1500 }, null],
    ['keeps its note when the later side’s is empty', { note: 'mine' }, { note: '', updatedAt: 5000, status: 'done' }, { note: 'mine', status: 'done', updatedAt: 5000 }],
    ['fills its empty note from an older file', { note: '' }, { note: 'theirs', updatedAt: 1500 }, { note: 'theirs', updatedAt: 2000 }],
    ['takes the file’s note when it extends its own', { note: 'mine' }, { note: 'mine, and more', updatedAt: 1500 }, { note: 'mine, and more', updatedAt: 2000 }],
    ['keeps its note when it extends the file’s', { note: 'mine, and more' }, { note: 'mine', updatedAt: 5000 }, null],
    ['unites the tags', { tags: ['a', 'b'] }, { tags: ['b', 'c'], updatedAt: 1500 }, { tags: ['a', 'b', 'c'], updatedAt: 2000 }],
    ['fills in authors, URL and version it lacked', { authors: [], url: null, version: null }, { authors: ['W. Chen'], url: 'https://arxiv.org/abs/2404.15449v2', version: 2 }, { authors: ['W. Chen'], url: 'https://arxiv.org/abs/2404.15449v2', version: 2 }],
    ['keeps its own authors, URL, version, title and source', {}, { authors: ['Someone Else'], url: 'https://example.org/', version: 3, title: 'ID-Aligner (v3)', source: 'popup' }, null],
  ] as const)('merges a known paper: %s', async (_, mine, theirs, expected) => {
    const current = stored(mine as Partial<ReadingListEntry>);
    await db.readingList.clear();
    await db.readingList.put(current);
    const result = await list.importJson(fileOf(stored({ ...mine, ...theirs } as Partial<ReadingListEntry>)));
    expect(result).toEqual(expected ? { added: 0, updated: 1, unchanged: 0, conflicts: [] } : { added: 0, updated: 0, unchanged: 1, conflicts: [] });
    expect(await db.readingList.get(current.key)).toEqual({ ...current, ...expected });
  });

  // Issue 13, finding 5: whichever side's time is later, neither note is dropped.
  const line = (day: string) => `\n\n${noteConflictLine(`from the imported file (edited ${day})`)}\n`;
  it.each([
    ['a later file', { note: 'a thirty-character note of mine' }, { note: 'theirs', updatedAt: 5000 }, `a thirty-character note of mine${line('1970-01-01')}theirs`],
    ['an older file', { note: 'mine' }, { note: 'theirs', updatedAt: 1500 }, `mine${line('1970-01-01')}theirs`],
    ['a file changed at the same time', { note: 'short' }, { note: 'a longer note' }, `short${line('1970-01-01')}a longer note`],
  ] as const)('keeps both notes, the file’s under a marked line, from %s, and lists the conflict', async (_, mine, theirs, note) => {
    const current = stored(mine);
    await db.readingList.clear();
    await db.readingList.put(current);
    const result = await list.importJson(fileOf(stored({ ...mine, ...theirs })));
    expect(result).toEqual({ added: 0, updated: 1, unchanged: 0, conflicts: [{ key: current.key, title: current.title }] });
    expect((await db.readingList.get(current.key))!.note).toBe(note);
    // The same file again adds nothing: its note is already there.
    expect(await list.importJson(fileOf(stored({ ...mine, ...theirs })))).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: [] });
  });

  it('refuses a file dated in the future whole, and replaces no note', async () => {
    const before = await db.readingList.toArray();
    const file = fileOf({ ...saved[0]!, note: 'ok', updatedAt: 9007199254740991 });
    await expect(list.importJson(file, Date.UTC(2026, 11, 6))).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('entries[0].updatedAt: 9007199254740991 (9007199254740991) is in the future') });
    expect(await db.readingList.toArray()).toEqual(before);
  });

  it('refuses a bad file whole, saying why, and leaves the list as it was', async () => {
    const before = await db.readingList.toArray();
    const file = JSON.parse(fileOf(stored({ arxivId: '2403.04692', title: 'PixArt-Σ' }), saved[0]!, saved[0]!));
    file.entries[0].status = 'skimmed';
    const error = await list.importJson(JSON.stringify(file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'invalid' });
    expect((error as Error).message).toContain(
      '(entries[0].status: expected one of to-read|reading|done, got "skimmed"; entries[2].key: "arxiv:2404.15449" is also the key of entries[1]; a paper may be listed once)',
    );
    expect(await db.readingList.toArray()).toEqual(before);
  });

  it('reports a full disk during an import and keeps the list as it was', async () => {
    const before = await db.readingList.toArray();
    const bulkPut = db.readingList.bulkPut.bind(db.readingList);
    // Some rows land before the disk fills, as they would in a real browser; the transaction takes them back.
    db.readingList.bulkPut = (async (items: readonly ReadingListEntry[]) => {
      await bulkPut(items.slice(0, 1));
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as unknown as typeof db.readingList.bulkPut;
    const file = fileOf(stored({ arxivId: '2403.04692', title: 'PixArt-Σ' }), stored({ arxivId: '2401.00001', title: 'Another' }), { ...saved[0]!, tags: ['new'], updatedAt: 9000 });
    await expect(list.importJson(file)).rejects.toMatchObject({ code: 'quota-exceeded' });
    expect(await db.readingList.toArray()).toEqual(before);
  });
});
