import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runImport, type ImportDependencies, type ImportProgress } from '../../../lib/import/run-import';
import { trainRepairModel } from '../../../lib/mojibake';
import { IMPORT_TABLES, USER_TABLES, type CompanionDatabase } from '../../../lib/store/database';
import { ImportCancelledError, ImportStore } from '../../../lib/store/import-store';
import { ReadingListStore } from '../../../lib/store/reading-list-store';
import { seedCorpus } from '../../../lib/store/seed-corpus';
import { PROJECT_ROOT, readSources } from '../../../data/tools/corpus-sources';
import { cleanTrainingTexts } from '../../../data/tools/repair-model';
import { fakeDatabase, nextRelease } from '../../support/fake-database';
import { projectCorpus } from '../../support/project-corpus';
import { readingListEntry } from '../../support/reading-list-entry';
import { DAILY, fixtureFile, fixtureText, generatedWeekly, MOJIBAKE, PAG_ENTRY, PAG_TITLE, sourceFile, WEEKLY, weeklyText } from './helpers';

// Every mojibake check the importer makes, counted: it reads a whole file, so it runs once per file.
const mojibakeChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../lib/mojibake', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/mojibake')>();
  return { ...actual, looksLikeMojibake: (text: string) => (mojibakeChecks.count++, actual.looksLikeMojibake(text)) };
});

const { corpus } = projectCorpus();
const DAILY_IDS = ['2405.12001', '2405.12002', '2405.12003'];
const noRepairModel = () => Promise.reject(new Error('no file of this import is damaged'));

// Seeding the bundled corpus takes seconds: one seeded database serves the file, and every test
// starts from it with the import and user tables emptied.
let db: CompanionDatabase;
let store: ImportStore;
beforeAll(async () => {
  db = fakeDatabase('run-import');
  await seedCorpus(db, corpus);
  store = new ImportStore(db);
});
afterEach(async () => {
  await Promise.all([...IMPORT_TABLES, ...USER_TABLES].map((table) => db.table(table).clear()));
});

/** Dependencies with a fixed batch id and clock; the repair model must not be needed. */
function deps(fields: Partial<ImportDependencies> = {}): ImportDependencies {
  let batches = 0;
  let clock = Date.UTC(2024, 5, 1);
  return { store, loadRepairModel: vi.fn(noRepairModel), newBatchId: () => `batch-${++batches}`, now: () => clock++, ...fields };
}

const counts = async () => ({ rows: await db.importedPapers.count(), batches: await db.importBatches.count() });

describe('runImport', () => {
  it('imports the clean daily as 3 rows of one batch, linked to the bundled taxonomy', async () => {
    const progress: ImportProgress[] = [];
    const dependencies = deps({ onProgress: (p) => progress.push(p) });
    const outcome = await runImport([fixtureFile(DAILY)], dependencies);
    expect(outcome.batch).toEqual({ id: 'batch-1', importedAt: Date.UTC(2024, 5, 1), papers: 3, files: outcome.files });
    expect(outcome.files).toEqual([expect.objectContaining({ file: DAILY, status: 'imported', kind: 'daily', added: DAILY_IDS, updated: [], skipped: [] })]);
    expect(await counts()).toEqual({ rows: 3, batches: 1 });
    expect((await store.visiblePaper('2405.12001'))?.taxonomyEntryIds).toEqual([PAG_ENTRY]);
    expect((await store.importsLinkedTo([PAG_ENTRY])).map((row) => row.arxivId)).toEqual(['2405.12001']);
    expect((await db.importBatches.get('batch-1'))?.titles.map((t) => t.arxivId)).toEqual(DAILY_IDS);
    expect(dependencies.loadRepairModel).not.toHaveBeenCalled();
    expect(progress.map((p) => p.phase)).toEqual(['reading', 'reading', 'parsing', 'parsing', 'writing']);
    expect(progress.at(-1)).toEqual({ phase: 'writing', done: 3, total: 3 });
  });

  it('adds nothing when the same file is imported again: no batch, every paper skipped', async () => {
    await runImport([fixtureFile(DAILY)], deps());
    const again = await runImport([fixtureFile(DAILY)], deps({ newBatchId: () => 'batch-again' }));
    expect(again.batch).toBeNull();
    expect(again.files[0]).toMatchObject({ status: 'imported', added: [], updated: [] });
    expect(again.files[0]!.skipped.map((s) => s.arxivId)).toEqual(DAILY_IDS);
    expect(await counts()).toEqual({ rows: 3, batches: 1 });
  });

  it('skips every paper of a seed the extension already bundles', async () => {
    const seed = readSources().find((source) => source.file.startsWith('001_'))!;
    const outcome = await runImport([sourceFile(seed.file, seed.text)], deps());
    expect(outcome.batch).toBeNull();
    expect(outcome.files[0]).toMatchObject({ status: 'imported', kind: 'daily', added: [], updated: [] });
    expect(outcome.files[0]!.skipped.filter((s) => s.arxivId !== null)).toHaveLength(corpus.papers.filter((p) => p.provenance.some((r) => r.sourceFile === seed.file)).length);
  });

  it('updates a paper of the bundled corpus from a newer weekly entry, and shows the import', async () => {
    const bundled = corpus.papers.find((paper) => paper.arxivId === '2404.15449')!;
    const text = weeklyText([{ arxivId: '2404.15449', version: 2, title: bundled.title, abstract: 'A revised abstract of ID-Aligner.' }]);
    const outcome = await runImport([sourceFile('weekly-update.txt', text)], deps());
    expect(outcome.files[0]).toMatchObject({ added: [], updated: ['2404.15449'] });
    const shown = await store.visiblePaper('2404.15449');
    expect(shown).toMatchObject({ abstract: 'A revised abstract of ID-Aligner.', versions: [1, 2], summaryZh: bundled.summaryZh, imported: { file: 'weekly-update.txt' } });
    expect(await db.papers.get('2404.15449')).toEqual(bundled);
  });

  it('imports the good file and reports every bad one with its reason', async () => {
    const huge = sourceFile('huge.txt', new Uint8Array(1), 50 * 1024 * 1024);
    const files = [
      fixtureFile('binary.bin'),
      fixtureFile(DAILY),
      fixtureFile('script.html'),
      fixtureFile('macro-bomb.txt'),
      sourceFile('empty.txt', ''),
      huge,
      sourceFile('notes.txt', 'shopping list: milk, eggs\n'),
      sourceFile('taxonomy.txt', readSources().find((source) => source.file.startsWith('004_'))!.text),
    ];
    const outcome = await runImport(files, deps());
    expect(outcome.files.map((file) => [file.file, file.status])).toEqual([
      ['binary.bin', 'rejected'],
      [DAILY, 'imported'],
      ['script.html', 'rejected'],
      ['macro-bomb.txt', 'rejected'],
      ['empty.txt', 'rejected'],
      ['huge.txt', 'rejected'],
      ['notes.txt', 'rejected'],
      ['taxonomy.txt', 'rejected'],
    ]);
    const errors = Object.fromEntries(outcome.files.map((file) => [file.file, file.error]));
    expect(errors).toMatchObject({
      'binary.bin': expect.stringMatching(/not UTF-8 text/),
      [DAILY]: null,
      'script.html': expect.stringMatching(/<script> element/),
      'macro-bomb.txt': expect.stringMatching(/KaTeX's limits/),
      'empty.txt': 'the file is empty',
      'huge.txt': expect.stringMatching(/the file is 50\.0 MB/),
      'notes.txt': expect.stringMatching(/expected a weekly overview, a daily digest/),
      'taxonomy.txt': expect.stringMatching(/taxonomy export/),
    });
    expect(huge.reads).toBe(0);
    expect(outcome.batch?.papers).toBe(3);
    expect((await db.importedPapers.toArray()).map((row) => row.arxivId).sort()).toEqual(DAILY_IDS);
    expect(await store.visiblePaper('2405.12006')).toBeUndefined();
    expect(await store.visiblePaper('2405.12009')).toBeUndefined();
  });

  it('writes no batch when every file is rejected', async () => {
    const outcome = await runImport([fixtureFile('binary.bin'), fixtureFile('script.html')], deps());
    expect(outcome.batch).toBeNull();
    expect(outcome.files.map((file) => file.status)).toEqual(['rejected', 'rejected']);
    expect(await counts()).toEqual({ rows: 0, batches: 0 });
  });

  it('checks each file for mojibake once, since the check reads the whole text', async () => {
    mojibakeChecks.count = 0;
    await runImport([fixtureFile(WEEKLY), fixtureFile(DAILY)], deps());
    expect(mojibakeChecks.count).toBe(2);
  });

  it('loads the repair model only for a damaged file, once, and imports the repaired papers', async () => {
    const small = trainRepairModel({ corpus: cleanTrainingTexts(readSources(PROJECT_ROOT)) });
    const loadRepairModel = vi.fn(async () => small);
    mojibakeChecks.count = 0;
    const outcome = await runImport([fixtureFile(WEEKLY), fixtureFile(MOJIBAKE)], deps({ loadRepairModel }));
    expect(loadRepairModel).toHaveBeenCalledTimes(1);
    expect(mojibakeChecks.count).toBe(2);
    expect(outcome.files[1]).toMatchObject({ status: 'imported', added: DAILY_IDS, notes: [expect.stringMatching(/^repaired as mojibake/)] });
    expect((await store.visiblePaper('2405.12001'))?.title).toBe(PAG_TITLE);
  });

  describe('of 2,500 papers, written in 3 chunks', () => {
    const big = () => sourceFile('weekly-2500.txt', generatedWeekly(2500));

    it('cancelled while writing: rejects with ImportCancelledError and writes nothing', async () => {
      const controller = new AbortController();
      const writing: ImportProgress[] = [];
      const run = runImport([big()], deps({
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.phase !== 'writing') return;
          writing.push(progress);
          controller.abort();
        },
      }));
      await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
      expect(writing).toEqual([{ phase: 'writing', done: 1000, total: 2500 }]);
      expect(await counts()).toEqual({ rows: 0, batches: 0 });
    });

    it.each(['reading', 'parsing'] as const)('cancelled while %s: rejects with ImportCancelledError and writes nothing', async (phase) => {
      const controller = new AbortController();
      const run = runImport([fixtureFile(WEEKLY), fixtureFile(DAILY)], deps({
        signal: controller.signal,
        onProgress: (progress) => progress.phase === phase && controller.abort(),
      }));
      await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
      expect(await counts()).toEqual({ rows: 0, batches: 0 });
    });

    it('stopped by a full disk on the second chunk: rejects with a quota StoreError and rolls the first chunk back', async () => {
      const original = db.importedPapers.bulkAdd.bind(db.importedPapers);
      let chunks = 0;
      db.importedPapers.bulkAdd = ((...args: Parameters<typeof original>) => {
        if (++chunks === 2) return Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
        return original(...args);
      }) as typeof original;
      try {
        await expect(runImport([big()], deps())).rejects.toMatchObject({ name: 'StoreError', code: 'quota-exceeded' });
      } finally {
        db.importedPapers.bulkAdd = original;
      }
      expect(chunks).toBe(2);
      expect(await counts()).toEqual({ rows: 0, batches: 0 });
    });

    it('goes in whole when nothing stops it, in chunks of at most 1,000', async () => {
      const writing: number[] = [];
      const outcome = await runImport([big()], deps({ onProgress: (p) => p.phase === 'writing' && writing.push(p.done) }));
      expect(writing).toEqual([1000, 2000, 2500]);
      expect(outcome.batch?.papers).toBe(2500);
      expect(await counts()).toEqual({ rows: 2500, batches: 1 });
    });
  });
});

describe('imports and the bundled corpus', () => {
  it('keeps imported rows, batches and the reading list byte for byte when a new corpus is seeded', async () => {
    const own = fakeDatabase('reseed');
    await seedCorpus(own, corpus);
    const imports = new ImportStore(own);
    await runImport([fixtureFile(DAILY)], deps({ store: imports }));
    await runImport([fixtureFile(WEEKLY)], deps({ store: imports, newBatchId: () => 'batch-weekly', now: () => Date.UTC(2024, 5, 2) }));
    const { key: _key, savedAt: _savedAt, updatedAt: _updatedAt, status: _status, note: _note, tags: _tags, ...paper } = readingListEntry();
    await new ReadingListStore(own).save(paper);
    await new ReadingListStore(own).save({ arxivId: '2405.12001', title: PAG_TITLE, source: 'popup' });
    const snapshot = async () => JSON.stringify([await own.importedPapers.toArray(), await own.importBatches.toArray(), await own.readingList.toArray()]);
    const before = await snapshot();

    const next = nextRelease(corpus, (c) => c.papers.pop());
    expect((await seedCorpus(own, next)).seeded).toBe(true);
    expect(await own.papers.count()).toBe(corpus.papers.length - 1);
    expect(await snapshot()).toBe(before);
    expect(JSON.parse(before)[2]).toHaveLength(2);
    expect((await imports.batches()).map((batch) => batch.id)).toEqual(['batch-weekly', 'batch-1']);
  });
});

describe('ImportStore.remove after runImport', () => {
  const revisedDaily = () => {
    const text = fixtureText(DAILY).replace('扰动注意力引导（PAG）把自注意力图', '扰动注意力引导（PAG，修订版）把自注意力图');
    // Same name, same lines: only the paper whose summary changed says something new.
    return sourceFile(DAILY, text);
  };

  it('removes exactly the rows of that batch, and the earlier import of a paper shows again', async () => {
    const first = await runImport([fixtureFile(DAILY)], deps({ newBatchId: () => 'first' }));
    const second = await runImport([revisedDaily(), fixtureFile(WEEKLY)], deps({ newBatchId: () => 'second', now: () => Date.UTC(2024, 5, 2) }));
    expect(second.files[0]).toMatchObject({ updated: ['2405.12001'], added: [] });
    expect(await store.visiblePaper('2405.12001')).toMatchObject({ imported: { batchId: 'second' }, summaryZh: expect.stringContaining('修订版') });
    const firstRow = (await db.importedPapers.get(['2405.12001', 'first']))!;

    expect(await store.remove('second')).toEqual({ papers: 3 });
    expect(await store.visiblePaper('2405.12001')).toEqual(firstRow);
    expect(await store.visiblePaper('2405.12004')).toBeUndefined();
    expect((await db.importedPapers.toArray()).map((row) => [row.arxivId, row.imported.batchId])).toEqual(DAILY_IDS.map((id) => [id, 'first']));
    expect((await store.batches()).map((batch) => batch.id)).toEqual([first.batch!.id]);
  });

  it('leaves other batches alone, and says when there is no such batch', async () => {
    await runImport([fixtureFile(DAILY)], deps({ newBatchId: () => 'daily' }));
    await runImport([fixtureFile(WEEKLY)], deps({ newBatchId: () => 'weekly' }));
    expect(await store.remove('daily')).toEqual({ papers: 3 });
    expect(await store.visiblePaper('2405.12001')).toBeUndefined();
    expect((await db.importedPapers.toArray()).map((row) => row.imported.batchId)).toEqual(['weekly', 'weekly']);
    await expect(store.remove('daily')).rejects.toMatchObject({ code: 'not-found' });
  });
});

// Issue 13, finding 7d: an import started while the background still seeds the corpus.
describe('runImport while the bundled corpus is being seeded', () => {
  const seeding = async (name: string) => {
    const fresh = fakeDatabase(name);
    await fresh.meta.put({ key: 'corpus', hash: corpus.hash, complete: false, startedAt: 0, seededAt: null, counts: { papers: 0, taxonomyNodes: 0, taxonomyEntries: 0, titles: 0 } });
    // Half a taxonomy, as a seed cut off midway leaves it: the entry the daily's papers link to is not there yet.
    await fresh.taxonomyEntries.bulkPut(corpus.taxonomy.entries.filter((entry) => entry.id !== PAG_ENTRY).slice(0, 100));
    return fresh;
  };

  it('waits for the seed to finish, then links the papers to the whole taxonomy', async () => {
    const fresh = await seeding('seeding-then-import');
    const importing = runImport([fixtureFile(DAILY)], deps({ store: new ImportStore(fresh) }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await fresh.importBatches.count()).toBe(0);
    await seedCorpus(fresh, corpus);
    const outcome = await importing;
    expect(outcome.files[0]).toMatchObject({ status: 'imported', added: DAILY_IDS });
    expect((await new ImportStore(fresh).visiblePaper('2405.12001'))?.taxonomyEntryIds).toEqual([PAG_ENTRY]);
  });

  it('gives up with a clear error after waiting, and writes nothing', async () => {
    const fresh = await seeding('seeding-timeout');
    const error = await new ImportStore(fresh).taxonomyEntries({ waitMs: 60, pollMs: 10 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'corpus-not-ready', message: expect.stringMatching(/still being set up/) });
    expect(await fresh.importBatches.count()).toBe(0);
  });

  it('stops waiting when the import is cancelled', async () => {
    const fresh = await seeding('seeding-cancel');
    const controller = new AbortController();
    const importing = runImport([fixtureFile(DAILY)], deps({ store: new ImportStore(fresh), signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    await expect(importing).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await fresh.importedPapers.count()).toBe(0);
  });
});
