import type { CorpusPaper, CorpusTaxonomyEntry } from '../corpus';
import { overlayDigest } from '../corpus/overlay-digest';
import { IMPORTS_INDEX_KEY_SEPARATOR, type CompanionDatabase, type ImportBatchRow, type ImportedPaperRow } from './database';
import { StoreError, toStoreError } from './store-error';
import { toStoredPaper } from './stored-paper';

/** Rows written per `bulkAdd` of an import; progress is reported after each. */
export const IMPORT_CHUNK_ROWS = 1000;

/**
 * A digest as the user sees it: the bundled one with every import of the paper laid over it, oldest
 * first; an imported paper carries the provenance of its newest import.
 */
export type VisiblePaper = CorpusPaper | ImportedPaperRow;

/** An import the user cancelled; the transaction it was thrown in is rolled back. */
export class ImportCancelledError extends Error {
  constructor() {
    super('the import was cancelled; nothing was written');
    this.name = 'ImportCancelledError';
  }
}

/** Options of {@link ImportStore.commit}. */
export interface CommitOptions {
  chunkRows?: number;
  /** Checked between chunks: once aborted, the whole import is rolled back. */
  signal?: AbortSignal;
  /** Called after every chunk with the rows written so far and the rows in all. */
  onProgress?: (written: number, total: number) => void;
}

/** A summary of one import, for the options page. */
export type ImportBatchSummary = Omit<ImportBatchRow, 'titles'>;

/**
 * Imported digests: written by the importer, read by the background's store. Each import is one
 * transaction, so an import is either all there or not there at all, and each can be removed whole.
 */
export class ImportStore {
  constructor(private readonly db: CompanionDatabase) {}

  /**
   * The digests the user sees for some papers: for each id, the bundled digest with the imports of
   * it laid over it in order (see {@link foldImports}). Ids with neither are absent from the map.
   */
  async visiblePapers(ids: readonly string[]): Promise<Map<string, VisiblePaper>> {
    const unique = [...new Set(ids)];
    // `anyOf` walks the key range once; `bulkGet` of 10,000 ids took 28× as long in Chromium.
    const [bundled, imported] = await Promise.all([this.db.papers.where('arxivId').anyOf(unique).toArray(), this.db.importedPapers.where('arxivId').anyOf(unique).toArray()]);
    const visible = new Map<string, VisiblePaper>();
    for (const paper of bundled) visible.set(paper.arxivId, paper);
    for (const [id, row] of foldImports(imported, visible)) visible.set(id, row);
    return visible;
  }

  /** The digest the user sees for one paper, or undefined. */
  async visiblePaper(id: string): Promise<VisiblePaper | undefined> {
    return (await this.visiblePapers([id])).get(id);
  }

  /** Every imported paper as the user sees it. */
  async visibleImports(): Promise<ImportedPaperRow[]> {
    const rows = await this.db.importedPapers.toArray();
    const bundled = await this.db.papers.where('arxivId').anyOf([...new Set(rows.map((row) => row.arxivId))]).toArray();
    return [...foldImports(rows, new Map(bundled.map((paper) => [paper.arxivId, paper]))).values()];
  }

  /** Imported papers linked by title to some taxonomy entries, as the user sees them. */
  async importsLinkedTo(entryIds: readonly string[]): Promise<ImportedPaperRow[]> {
    if (entryIds.length === 0) return [];
    const linked = new Set((await this.db.importedPapers.where('taxonomyEntryIds').anyOf([...entryIds]).toArray()).map((row) => row.arxivId));
    const visible = await this.visiblePapers([...linked]);
    return [...linked].flatMap((id) => {
      const paper = visible.get(id);
      return paper && 'imported' in paper ? [paper] : [];
    });
  }

  /**
   * The taxonomy entries, for linking new digests to them by title, once the bundled corpus is
   * whole. While the background is still seeding it (just after an install or update) the table
   * is half full, and papers linked against it would stay unlinked for good (issue 13, finding
   * 7d), so this waits for the seed to finish. The state row and the entries are read in one
   * transaction: a seed marks itself complete in its last one, so what is read is all of one corpus.
   * @throws StoreError `corpus-not-ready` when the corpus is still incomplete after `waitMs`;
   *   ImportCancelledError when the signal is aborted meanwhile.
   */
  async taxonomyEntries({ waitMs = 120_000, pollMs = 250, signal }: { waitMs?: number; pollMs?: number; signal?: AbortSignal } = {}): Promise<CorpusTaxonomyEntry[]> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const entries = await this.db.transaction('r', this.db.meta, this.db.taxonomyEntries, async () =>
        (await this.db.meta.get('corpus'))?.complete ? this.db.taxonomyEntries.toArray() : null,
      );
      if (entries) return entries;
      if (signal?.aborted) throw new ImportCancelledError();
      if (Date.now() >= deadline) throw new StoreError('corpus-not-ready', 'the taxonomy to link imported papers to is not complete yet');
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /**
   * Writes one import in a single transaction, in chunks. A cancelled signal, a full disk or any
   * other failure rolls the whole transaction back: the database is then as it was before.
   * @throws ImportCancelledError when the signal was aborted; StoreError for storage failures.
   */
  async commit(batch: ImportBatchRow, rows: readonly ImportedPaperRow[], options: CommitOptions = {}): Promise<void> {
    const chunkRows = options.chunkRows ?? IMPORT_CHUNK_ROWS;
    const stopIfCancelled = () => {
      if (options.signal?.aborted) throw new ImportCancelledError();
    };
    stopIfCancelled();
    try {
      await this.db.transaction('rw', this.db.importedPapers, this.db.importBatches, this.db.searchIndexes, async () => {
        await this.dropIndexesOverImports();
        await this.db.importBatches.add(batch);
        for (let start = 0; start < rows.length; start += chunkRows) {
          stopIfCancelled();
          await this.db.importedPapers.bulkAdd(rows.slice(start, start + chunkRows).map(toStoredPaper) as ImportedPaperRow[]);
          options.onProgress?.(Math.min(start + chunkRows, rows.length), rows.length);
        }
        stopIfCancelled();
      });
    } catch (error) {
      if (error instanceof ImportCancelledError) throw error;
      throw toStoreError(error);
    }
  }

  /** Every import, newest first. */
  async batches(): Promise<ImportBatchSummary[]> {
    const rows = await this.db.importBatches.orderBy('importedAt').reverse().toArray();
    return rows.map(({ titles: _titles, ...summary }) => summary);
  }

  /** The titles of every imported paper, for the title matcher. */
  async titles(): Promise<ImportBatchRow['titles']> {
    return (await this.db.importBatches.toArray()).flatMap((batch) => batch.titles);
  }

  /**
   * Removes one import and every row it wrote, in one transaction. A paper an earlier import
   * also brought is then shown as that import had it.
   * @throws StoreError `not-found` when there is no such import.
   */
  async remove(batchId: string): Promise<{ papers: number }> {
    return this.db
      .transaction('rw', this.db.importedPapers, this.db.importBatches, this.db.searchIndexes, async () => {
        if (!(await this.db.importBatches.get(batchId))) throw new StoreError('not-found', `no import ${batchId}`);
        await this.dropIndexesOverImports();
        const papers = await this.db.importedPapers.where('imported.batchId').equals(batchId).delete();
        await this.db.importBatches.delete(batchId);
        return { papers };
      })
      .catch((error: unknown) => {
        throw toStoreError(error);
      });
  }

  /**
   * Search indexes built over the imports go stale with any change to them: they are dropped in
   * the transaction that makes the change (30 MB for 10,000 digests) and rebuilt for the new revision.
   */
  private async dropIndexesOverImports(): Promise<void> {
    const keys = await this.db.searchIndexes.toCollection().primaryKeys();
    await this.db.searchIndexes.bulkDelete(keys.filter((key) => key.includes(IMPORTS_INDEX_KEY_SEPARATOR)));
  }
}

/**
 * Each imported paper as the user sees it: its bundled digest (when there is one) with each import
 * row laid over it, oldest first, so every field comes from the newest import that says anything
 * about it and a removed import leaves nothing behind. The result carries the newest import's
 * provenance. Imports made in the same millisecond are ordered by batch id.
 * @param rows Import rows of any papers, in any order.
 * @param bundled The bundled digests of those papers, by id.
 */
export function foldImports(rows: readonly ImportedPaperRow[], bundled: ReadonlyMap<string, CorpusPaper>): Map<string, ImportedPaperRow> {
  const ordered = [...rows].sort((a, b) => a.imported.importedAt - b.imported.importedAt || a.imported.batchId.localeCompare(b.imported.batchId));
  const shown = new Map<string, ImportedPaperRow>();
  for (const row of ordered) {
    const under = shown.get(row.arxivId) ?? bundled.get(row.arxivId);
    const { imported, ...digest } = row;
    shown.set(row.arxivId, { ...(under ? overlayDigest(under, digest) : digest), imported });
  }
  return shown;
}
