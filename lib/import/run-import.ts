import type { RepairModel } from '../mojibake';
import { looksLikeMojibake } from '../mojibake';
import type { ImportFileReport } from '../store/database';
import { ImportCancelledError, type ImportBatchSummary, type ImportStore } from '../store/import-store';
import { planImport, type RejectedFile } from './plan-import';
import { prepareImportFile, type PreparedFile } from './prepare-import-file';
import { checkImportFileSize, ImportRejection, readImportFile } from './read-import-file';

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
  const progress = (phase: ImportProgress['phase'], done: number, total: number) => deps.onProgress?.({ phase, done, total });
  const stopIfCancelled = () => {
    if (deps.signal?.aborted) throw new ImportCancelledError();
  };

  const texts: ({ file: string; text: string; looksLikeMojibake?: boolean } | RejectedFile)[] = [];
  for (const [i, file] of files.entries()) {
    stopIfCancelled();
    progress('reading', i, files.length);
    try {
      checkImportFileSize(file.name, file.size);
      texts.push({ file: file.name, text: readImportFile(file.name, new Uint8Array(await file.arrayBuffer())) });
    } catch (error) {
      texts.push(rejected(file.name, error));
    }
  }
  progress('reading', files.length, files.length);

  // Asked once per file: the check reads the whole text.
  for (const entry of texts) if ('text' in entry) entry.looksLikeMojibake = looksLikeMojibake(entry.text);
  const needsRepair = texts.some((entry) => 'text' in entry && entry.looksLikeMojibake);
  // Without the model only the damaged files are refused (the pipeline says so); the others go in.
  // The taxonomy is read once the bundled corpus is whole, waiting for a seed still under way.
  const [repairModel, taxonomyEntries] = await Promise.all([needsRepair ? deps.loadRepairModel().catch(() => null) : null, deps.store.taxonomyEntries({ signal: deps.signal })]);
  const prepared: (PreparedFile | RejectedFile)[] = [];
  for (const [i, entry] of texts.entries()) {
    stopIfCancelled();
    progress('parsing', i, texts.length);
    if (!('text' in entry)) {
      prepared.push(entry);
      continue;
    }
    try {
      prepared.push(prepareImportFile(entry.file, entry.text, { taxonomyEntries, repairModel, looksLikeMojibake: entry.looksLikeMojibake }));
    } catch (error) {
      prepared.push(rejected(entry.file, error));
    }
  }
  progress('parsing', texts.length, texts.length);
  stopIfCancelled();

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

// Anything a file makes the pipeline throw is that file's problem, told to the user; it never
// stops the other files.
function rejected(file: string, error: unknown): RejectedFile {
  if (error instanceof ImportRejection) return { file, error: error.reason };
  return { file, error: `the file could not be read (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`.slice(0, 500) };
}
