import type { RepairModel } from '../mojibake';
import { looksLikeMojibake } from '../mojibake';
import type { ImportFileReport } from '../store/database';
import { ImportCancelledError, type ImportBatchSummary, type ImportStore } from '../store/import-store';
import { planImport, type RejectedFile } from './plan-import';
import { prepareFiles, rejectionOf, watchHelpers, type DecodedFile, type PrepareHelper, type StartedHelper } from './prepare-files';
import { checkImportFileSize, readImportFile } from './read-import-file';

/** A file the user picked; a `File` fits. Its bytes are read only once its size has passed. */
export interface ImportSourceFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Where an import is: reading and parsing count files, writing counts digests, indexing is one step. */
export interface ImportProgress {
  phase: 'reading' | 'parsing' | 'writing' | 'indexing';
  done: number;
  total: number;
}

/** What {@link runImport} needs from its surroundings. */
export interface ImportDependencies {
  store: ImportStore;
  /** Loads the compact repair model; called only when some file looks like mojibake. */
  loadRepairModel(): Promise<RepairModel>;
  signal?: AbortSignal;
  /**
   * Rebuilds the cached search index after a commit, so that the background only loads it; a
   * failure here is not the import's (the background rebuilds it when it finds none).
   */
  indexImports?: () => Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Helper workers that prepare files alongside this thread (see `prepareFiles`): the cores there
   * are, and how to start one. One is started per core beyond this thread's, for an import large
   * enough to gain, and each is terminated once the files are prepared.
   */
  prepareHelpers?: { cores: number; start(): PrepareHelper };
  /** Defaults to `crypto.randomUUID()` and `Date.now()`; tests fix them. */
  newBatchId?: () => string;
  now?: () => number;
}

/** What an import did: the report of every file, and the import it made (null when it wrote nothing). */
export interface ImportOutcome {
  batch: ImportBatchSummary | null;
  files: ImportFileReport[];
}

/**
 * Imports digest files: each is checked, parsed and linked like the bundled corpus, the papers
 * are compared with what the database holds, and everything new goes in as one import, in one
 * transaction. A bad file is reported and contributes nothing; the others still go in.
 * @throws ImportCancelledError when the signal is aborted (the database is then unchanged);
 *   StoreError when the database refuses the write (also unchanged).
 */
export async function runImport(files: readonly ImportSourceFile[], deps: ImportDependencies): Promise<ImportOutcome> {
  // Started before the files are read, while this thread is mostly waiting: a worker's start needs it now and then.
  const helpers = startHelpers(files, deps.prepareHelpers);
  try {
    return await importFiles(files, deps, helpers);
  } finally {
    for (const { helper } of helpers) helper.terminate();
  }
}

async function importFiles(files: readonly ImportSourceFile[], deps: ImportDependencies, helpers: readonly StartedHelper[]): Promise<ImportOutcome> {
  const progress = (phase: ImportProgress['phase'], done: number, total: number) => deps.onProgress?.({ phase, done, total });
  const stopIfCancelled = () => {
    if (deps.signal?.aborted) throw new ImportCancelledError();
  };

  const texts: (DecodedFile | RejectedFile)[] = [];
  for (const [i, file] of files.entries()) {
    stopIfCancelled();
    progress('reading', i, files.length);
    try {
      checkImportFileSize(file.name, file.size);
      const text = readImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
      // Asked once per file: the check reads the whole text.
      texts.push({ file: file.name, text, looksLikeMojibake: looksLikeMojibake(text) });
    } catch (error) {
      texts.push(rejectionOf(file.name, error));
    }
  }
  progress('reading', files.length, files.length);

  const decoded = texts.filter((entry): entry is DecodedFile => 'text' in entry);
  const needsRepair = decoded.some((entry) => entry.looksLikeMojibake);
  // Without the model only the damaged files are refused (the pipeline says so); the others go in.
  // The taxonomy is read once the bundled corpus is whole, waiting for a seed still under way.
  const [repairModel, taxonomyEntries] = await Promise.all([needsRepair ? deps.loadRepairModel().catch(() => null) : null, deps.store.taxonomyEntries({ signal: deps.signal })]);
  stopIfCancelled();
  progress('parsing', 0, texts.length);
  const readFailures = texts.length - decoded.length;
  const preparedDecoded = await prepareFiles(decoded, { taxonomyEntries, repairModel }, {
    helpers,
    signal: deps.signal,
    onPrepared: (done) => done < decoded.length && progress('parsing', readFailures + done, texts.length),
  });
  // Their work is done: what they hold goes before the write begins.
  for (const { helper } of helpers) helper.terminate();
  stopIfCancelled();
  progress('parsing', texts.length, texts.length);
  const prepared = texts.map((entry) => ('text' in entry ? preparedDecoded[decoded.indexOf(entry)]! : entry));

  const ids = prepared.flatMap((file) => ('papers' in file ? file.papers.map((paper) => paper.arxivId) : []));
  const current = await deps.store.visiblePapers(ids);
  const plan = planImport(prepared, current, { id: deps.newBatchId?.() ?? crypto.randomUUID(), importedAt: deps.now?.() ?? Date.now() });
  if (plan.rows.length === 0) return { batch: null, files: plan.batch.files };
  await deps.store.commit(plan.batch, plan.rows, { signal: deps.signal, onProgress: (done, total) => progress('writing', done, total) });
  if (deps.indexImports) {
    progress('indexing', 0, 1);
    await deps.indexImports().catch(() => undefined);
    progress('indexing', 1, 1);
  }
  const { titles: _titles, ...batch } = plan.batch;
  return { batch, files: plan.batch.files };
}

/**
 * Below this many bytes in all (about 300 digests) a helper's start-up, loading the whole pipeline,
 * would cost about what it saves.
 */
const HELPERS_FROM_BYTES = 1_000_000;

/** One helper per core beyond this thread's, and per file beyond the first, for an import large enough. */
function startHelpers(files: readonly ImportSourceFile[], helpers: ImportDependencies['prepareHelpers']): StartedHelper[] {
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  if (!helpers || bytes < HELPERS_FROM_BYTES) return [];
  return watchHelpers(Array.from({ length: Math.max(0, Math.min(files.length, helpers.cores) - 1) }, () => helpers.start()));
}
