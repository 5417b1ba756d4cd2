/**
 * Runs in a plain Chromium page (bundled by browser-bench.ts): imports synthetic daily digests into
 * real IndexedDB with the extension's own importer, each run into a fresh `CompanionDatabase` that
 * holds the bundled corpus's papers and taxonomy (so that title linking has the real taxonomy to
 * match against).
 *
 * - `setupImportBench` fetches the corpus and makes the digest files (`File`s, as a file picker gives).
 * - `runImportBench` measures, each on a fresh database: (b) the whole `runImport` on the files, with
 *   helper workers as the extension's import worker starts them (one per core beyond the first), and
 *   (b1) on this thread alone, the baseline; (a) `ImportStore.commit` alone of the rows that import planned; and (c) a plain put of the same
 *   rows into a bare IndexedDB object store without indexes (no Dexie), the baseline. The order
 *   rotates from run to run.
 * - `profileImport` splits the pipeline's work into its steps, on the same files, once.
 */
import type { Corpus } from '../../../lib/corpus';
import { mergeDigestEntries, parseDigestDocument } from '../../../lib/digest';
import { runImport, type ImportProgress } from '../../../lib/import/run-import';
import { prepareImportFile } from '../../../lib/import/prepare-import-file';
import type { PrepareHelper } from '../../../lib/import/prepare-files';
import { readImportFile } from '../../../lib/import/read-import-file';
import { renderLatexText, sanitizeRenderedHtml } from '../../../lib/latex';
import { looksLikeMojibake } from '../../../lib/mojibake';
import { CompanionDatabase, type ImportBatchRow, type ImportedPaperRow } from '../../../lib/store/database';
import { IMPORT_CHUNK_ROWS, ImportStore } from '../../../lib/store/import-store';
import { TitleIndex } from '../../../lib/titles';
import { syntheticDigestFiles } from '../synthetic-digests';
import Dexie from 'dexie';

export interface ImportBenchSetup {
  digests: number;
  files: number;
  bytes: number;
  linkedTitles: number;
  mathAbstracts: number;
  mathSpans: number;
  corpusPapers: number;
  taxonomyEntries: number;
  setupMs: number;
}

export interface ImportRun {
  run: number;
  rows: number;
  /** The whole `runImport`, and its parts as the progress callbacks and the store calls divide it (absent when not measured in this run). */
  endToEndMs?: number;
  /** (b1) The whole `runImport` on this thread alone. */
  oneThreadMs?: number;
  /** Helper workers the import started. */
  helpers?: number;
  phases?: { readingMs: number; parsingMs: number; writingMs: number };
  /** Finer: parsing = detect (mojibake check of every file, taxonomy read) + prepare; writing = plan (visiblePapers, planImport) + commit. */
  detail?: { detectMs: number; prepareMs: number; visiblePapersMs: number; planMs: number; commitMs: number };
  /** `ImportStore.commit` alone, on a fresh database, and each chunk's time. */
  writeMs: number;
  writeChunksMs: number[];
  /** The same rows put into a bare object store (no indexes, no Dexie), in chunks, one transaction. */
  rawIdbMs: number;
  /** JS heap of the page around the whole import (after a gc; the peak is sampled at each progress callback). */
  heap: { beforeMB: number; peakMB: number; afterMB: number } | null;
  /** The order the three were measured in. */
  order: string;
  /** The whole run, fresh databases (seeded with the corpus) and their deletion included: what the benchmark costs. */
  wallMs: number;
}

let corpus: Corpus | undefined;
let prepareWorkerUrl: string | undefined;
let files: File[] = [];

const now = () => performance.now();
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const heapMB = (): number | null => {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round((memory.usedJSHeapSize / 2 ** 20) * 10) / 10 : null;
};

async function setupImportBench(corpusUrl: string, workerUrl: string, digests: number, fileCount: number): Promise<ImportBenchSetup> {
  const start = now();
  // A worker's script by blob: URL, as the page's own routes serve it.
  prepareWorkerUrl = URL.createObjectURL(new Blob([await (await fetch(workerUrl)).text()], { type: 'text/javascript' }));
  corpus = (await (await fetch(corpusUrl)).json()) as Corpus;
  const titles = corpus.taxonomy.entries.flatMap((entry) => entry.titles);
  const made = syntheticDigestFiles(digests, fileCount, titles);
  const encoder = new TextEncoder();
  files = made.files.map(({ name, text }) => new File([encoder.encode(text)], name, { type: 'text/plain' }));
  return {
    digests: made.digests,
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    linkedTitles: made.linkedTitles,
    mathAbstracts: made.mathAbstracts,
    mathSpans: made.mathSpans,
    corpusPapers: corpus.papers.length,
    taxonomyEntries: corpus.taxonomy.entries.length,
    setupMs: Math.round(now() - start),
  };
}

/**
 * A fresh database holding what an import reads of the bundled corpus: its papers (the digests an
 * import is compared with) and its taxonomy entries (what new digests are linked to). Written
 * directly rather than by `seedCorpus`, which would also build the search index, for seconds a run.
 */
async function freshSeededDatabase(name: string): Promise<CompanionDatabase> {
  const db = new CompanionDatabase(name);
  await db.transaction('rw', db.papers, db.taxonomyEntries, db.meta, async () => {
    await db.papers.bulkPut(corpus!.papers);
    await db.taxonomyEntries.bulkPut(corpus!.taxonomy.entries);
    // Marked whole as a seed's last transaction does: an import waits for that before linking titles.
    const counts = { papers: corpus!.papers.length, taxonomyNodes: 0, taxonomyEntries: corpus!.taxonomy.entries.length, titles: 0 };
    await db.meta.put({ key: 'corpus', hash: corpus!.hash, complete: true, startedAt: Date.now(), seededAt: Date.now(), counts });
  });
  return db;
}

async function dropDatabase(db: CompanionDatabase): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

/** The import store, with the time of each call the importer makes. */
class TimedImportStore extends ImportStore {
  times = { taxonomyEntriesMs: 0, visiblePapersMs: 0, commitStart: 0, commitEnd: 0 };
  committed: { batch: ImportBatchRow; rows: readonly ImportedPaperRow[] } | null = null;
  override async taxonomyEntries() {
    const start = now();
    const entries = await super.taxonomyEntries();
    this.times.taxonomyEntriesMs += now() - start;
    return entries;
  }
  override async visiblePapers(ids: readonly string[]) {
    const start = now();
    const visible = await super.visiblePapers(ids);
    this.times.visiblePapersMs += now() - start;
    return visible;
  }
  override async commit(batch: ImportBatchRow, rows: readonly ImportedPaperRow[], options: Parameters<ImportStore['commit']>[2]) {
    this.committed = { batch, rows };
    this.times.commitStart = now();
    await super.commit(batch, rows, options);
    this.times.commitEnd = now();
  }
}

// Each kind of measurement takes each place in the order once in three runs, so that none always
// follows the deletion of a large database (whose compaction may still be running).
const ORDERS = [
  ['endToEnd', 'oneThread', 'write', 'raw'],
  ['oneThread', 'write', 'raw', 'endToEnd'],
  ['write', 'raw', 'endToEnd', 'oneThread'],
] as const;
let planned: { batch: ImportBatchRow; rows: readonly ImportedPaperRow[] } | null = null;

/**
 * One run: the three measurements, or only (a) and (c) when `endToEnd` is false (the whole import
 * costs three times as much as the two writes together). The first run always measures all three.
 */
async function runImportBench(run: number, { endToEnd: withEndToEnd = true } = {}): Promise<ImportRun> {
  const wallStart = now();
  const freshDatabase = freshSeededDatabase;
  const stamp = `${run}-${Date.now()}`;
  let heap: ImportRun['heap'] = null;
  const order = (planned ? ORDERS[(run - 1) % ORDERS.length]! : ORDERS[0]).filter((step) => (step !== 'endToEnd' && step !== 'oneThread') || withEndToEnd || (step === 'endToEnd' && !planned));
  const result: Partial<ImportRun> = { run, rows: planned?.rows.length ?? 0 };

  // (b) The whole import, on File objects.
  const endToEnd = async () => {
    // The rows of the run before are not this import's: let them go, for the heap figures.
    planned = null;
    const db = await freshDatabase(`import-bench-e2e-${stamp}`);
    const store = new TimedImportStore(db);
    const marks: Partial<Record<'readingDone' | 'parsingStart' | 'parsingDone', number>> = {};
    collectGarbage();
    const heapBefore = heapMB();
    let heapPeak = heapBefore ?? 0;
    const onProgress = ({ phase, done, total }: ImportProgress) => {
      const at = now();
      heapPeak = Math.max(heapPeak, heapMB() ?? 0);
      if (phase === 'reading' && done === total) marks.readingDone = at;
      if (phase === 'parsing' && done === 0) marks.parsingStart ??= at;
      if (phase === 'parsing' && done === total) marks.parsingDone = at;
    };
    let helpers = 0;
    // As entrypoints/options/import-worker.ts gives them.
    const prepareHelpers = {
      cores: navigator.hardwareConcurrency,
      start: () => {
        helpers++;
        return new Worker(prepareWorkerUrl!) as unknown as PrepareHelper;
      },
    };
    const start = now();
    const outcome = await runImport(files, { store, loadRepairModel: () => Promise.reject(new Error('no file of this benchmark needs repair')), onProgress, prepareHelpers });
    const end = now();
    const heapAfter = heapMB();
    if (heapBefore !== null) heap = { beforeMB: heapBefore, peakMB: Math.max(heapPeak, heapAfter ?? 0), afterMB: heapAfter ?? 0 };
    if (!outcome.batch || !store.committed) throw new Error(`nothing imported: ${JSON.stringify(outcome.files.map((file) => file.error))}`);
    planned = store.committed;
    await dropDatabase(db);
    Object.assign(result, {
      rows: planned.rows.length,
      endToEndMs: end - start,
      helpers,
      phases: { readingMs: marks.readingDone! - start, parsingMs: marks.parsingDone! - marks.readingDone!, writingMs: end - marks.parsingDone! },
      detail: {
        detectMs: marks.parsingStart! - marks.readingDone!,
        prepareMs: marks.parsingDone! - marks.parsingStart!,
        visiblePapersMs: store.times.visiblePapersMs,
        planMs: store.times.commitStart - marks.parsingDone!,
        commitMs: store.times.commitEnd - store.times.commitStart,
      },
    });
  };

  // (b1) The whole import on this thread alone, the baseline of (b).
  const oneThread = async () => {
    const db = await freshDatabase(`import-bench-one-${stamp}`);
    collectGarbage();
    const start = now();
    await runImport(files, { store: new ImportStore(db), loadRepairModel: () => Promise.reject(new Error('no file of this benchmark needs repair')) });
    result.oneThreadMs = now() - start;
    await dropDatabase(db);
  };

  // (a) ImportStore.commit alone, of the rows an import planned (this run's, or the one before).
  const write = async () => {
    const db = await freshDatabase(`import-bench-write-${stamp}`);
    const chunkEnds: number[] = [];
    collectGarbage();
    const start = now();
    await new ImportStore(db).commit(planned!.batch, planned!.rows, { onProgress: () => chunkEnds.push(now()) });
    result.writeMs = now() - start;
    result.writeChunksMs = chunkEnds.map((at, i) => round(at - (chunkEnds[i - 1] ?? start)));
    await dropDatabase(db);
  };

  // (c) Baseline: the same rows into a bare object store, no indexes, no Dexie.
  const raw = async () => {
    collectGarbage();
    result.rawIdbMs = await rawPut(`import-bench-raw-${stamp}`, planned!.rows, []);
  };

  for (const step of order) await { endToEnd, oneThread, write, raw }[step]();
  return {
    ...(result as ImportRun),
    order: order.join(' → '),
    heap,
    wallMs: now() - wallStart,
  };
}

type RawIndex = { name: string; keyPath: string | string[]; unique?: boolean; multiEntry?: boolean };
/** The rows of the importedPapers table, as Dexie declares its indexes. */
const IMPORTED_PAPERS_INDEXES: RawIndex[] = [
  { name: 'arxivId', keyPath: 'arxivId' },
  { name: 'imported.batchId', keyPath: 'imported.batchId' },
  { name: 'taxonomyEntryIds', keyPath: 'taxonomyEntryIds', multiEntry: true },
];

/**
 * Puts rows into a bare IndexedDB object store keyed like `importedPapers` (`[arxivId+imported.batchId]`),
 * with the given indexes, in chunks of {@link IMPORT_CHUNK_ROWS} in one transaction (each chunk waits for
 * its last request, as Dexie's bulkAdd does), and returns the milliseconds until the transaction completed.
 */
async function rawPut(name: string, rows: readonly ImportedPaperRow[], indexes: readonly RawIndex[]): Promise<number> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const objectStore = request.result.createObjectStore('rows', { keyPath: ['arxivId', 'imported.batchId'] });
      for (const index of indexes) objectStore.createIndex(index.name, index.keyPath, { unique: index.unique ?? false, multiEntry: index.multiEntry ?? false });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = now();
  const tx = idb.transaction('rows', 'readwrite');
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  const objectStore = tx.objectStore('rows');
  for (let from = 0; from < rows.length; from += IMPORT_CHUNK_ROWS) {
    let last: IDBRequest | undefined;
    for (const row of rows.slice(from, from + IMPORT_CHUNK_ROWS)) last = objectStore.put(row);
    await new Promise((resolve, reject) => {
      last!.onsuccess = resolve;
      last!.onerror = reject;
    });
  }
  await done;
  const ms = now() - start;
  idb.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = resolve;
  });
  return ms;
}

/**
 * Where the import's time goes, step by step, on the same files (once, not timed with the runs):
 * each step of `runImport` and `buildCorpus` called on its own, summed over the files, then the
 * writes split into Dexie and index maintenance.
 */
async function profileImport(): Promise<Record<string, number | boolean | string>> {
  const sum = <T>(times: number[], run: () => T): T => {
    const start = now();
    const value = run();
    times.push(now() - start);
    return value;
  };
  const total = (times: number[]) => round(times.reduce((a, b) => a + b, 0));
  const t = {
    readFile: [] as number[],
    mojibakeCheck: [] as number[],
    prepareImportFile: [] as number[],
    parseDigestDocument: [] as number[],
    merge: [] as number[],
    titleIndexBuild: [] as number[],
    titleMatch: [] as number[],
    renderLatexText: [] as number[],
    sanitize: [] as number[],
  };
  const entries = corpus!.taxonomy.entries;
  let abstractsWithMarkup = 0;
  let rows: ImportedPaperRow[] = [];
  for (const file of files) {
    collectGarbage();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const text = sum(t.readFile, () => readImportFile(file.name, bytes));
    sum(t.mojibakeCheck, () => looksLikeMojibake(text));
    const prepared = sum(t.prepareImportFile, () => prepareImportFile(file.name, text, { taxonomyEntries: entries, repairModel: null }));
    rows = rows.concat(prepared.papers.map((paper) => ({ ...paper, imported: { batchId: 'profile', file: file.name, importedAt: 0 } })));
    // The steps of buildCorpus, one by one (it runs looksLikeMojibake once more itself).
    const parsed = sum(t.parseDigestDocument, () => parseDigestDocument(text, file.name));
    const merged = sum(t.merge, () => mergeDigestEntries(parsed.entries));
    const byTitle = sum(t.titleIndexBuild, () => new TitleIndex(entries.flatMap((entry) => entry.titles.map((title) => [title, entry] as const))));
    for (const entry of merged) {
      sum(t.titleMatch, () => byTitle.match(entry.title));
      const html = sum(t.renderLatexText, () => renderLatexText(entry.abstract)).html;
      sum(t.sanitize, () => sanitizeRenderedHtml(html));
      if (html.includes('<')) abstractsWithMarkup++;
    }
  }

  // What the import reads before it writes: the current digest of every paper the files give.
  const db = await freshSeededDatabase(`import-bench-profile-${Date.now()}`);
  const ids = [...new Set(rows.map((row) => row.arxivId))];
  const timed = async (run: () => Promise<unknown>) => {
    const begin = now();
    await run();
    return round(now() - begin);
  };
  const reads = {
    visiblePapersMs: await timed(() => new ImportStore(db).visiblePapers(ids)),
    papersBulkGetMs: await timed(() => db.papers.bulkGet(ids)),
    papersWhereAnyOfMs: await timed(() => db.papers.where('arxivId').anyOf(ids).toArray()),
    importedWhereAnyOfMs: await timed(() => db.importedPapers.where('arxivId').anyOf(ids).toArray()),
  };

  // The writes: Dexie's commit into the real schema, raw IDB with the same indexes, raw IDB without.
  collectGarbage();
  const batch: ImportBatchRow = { id: 'profile', importedAt: 0, files: [], papers: rows.length, titles: rows.map((row) => ({ title: row.title, arxivId: row.arxivId })) };
  let start = now();
  await new ImportStore(db).commit(batch, rows);
  const dexieCommitMs = now() - start;
  await dropDatabase(db);
  collectGarbage();
  const rawWithIndexesMs = await rawPut(`import-bench-profile-raw-ix-${Date.now()}`, rows, IMPORTED_PAPERS_INDEXES);
  collectGarbage();
  const rawNoIndexesMs = await rawPut(`import-bench-profile-raw-${Date.now()}`, rows, []);
  collectGarbage();
  // The same number of rows, ~0.2 kB each: is the store bound by rows or by bytes?
  const small = rows.map((row) => ({ arxivId: row.arxivId, title: row.title, taxonomyEntryIds: row.taxonomyEntryIds, imported: row.imported }) as ImportedPaperRow);
  const rawSmallRowsMs = await rawPut(`import-bench-profile-raw-small-${Date.now()}`, small, []);
  collectGarbage();
  start = now();
  for (const row of rows) structuredClone(row);
  const structuredCloneMs = now() - start;

  return {
    files: files.length,
    rows: rows.length,
    readImportFileMs: total(t.readFile),
    looksLikeMojibakeMs: total(t.mojibakeCheck),
    looksLikeMojibakeRunsPerFile: 2,
    prepareImportFileMs: total(t.prepareImportFile),
    parseDigestDocumentMs: total(t.parseDigestDocument),
    mergeDigestEntriesMs: total(t.merge),
    titleIndexBuildMs: total(t.titleIndexBuild),
    titleMatchMs: total(t.titleMatch),
    renderLatexTextMs: total(t.renderLatexText),
    sanitizeRenderedHtmlMs: total(t.sanitize),
    abstractsWithMarkup,
    ...reads,
    dexieCommitMs: round(dexieCommitMs),
    rawIdbWithSameIndexesMs: round(rawWithIndexesMs),
    rawIdbNoIndexesMs: round(rawNoIndexesMs),
    rawIdbSmallRowsMs: round(rawSmallRowsMs),
    smallRowJsonBytes: Math.round(small.reduce((sum, row) => sum + JSON.stringify(row).length, 0) / small.length),
    structuredCloneAllRowsMs: round(structuredCloneMs),
    meanRowJsonBytes: Math.round(rows.reduce((sum, row) => sum + JSON.stringify(row).length, 0) / rows.length),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

Object.assign(globalThis, { setupImportBench, runImportBench, profileImport });
