import type { CorpusPaper } from '../corpus';
import { textAsSanitizedHtml } from '../latex/html';

/**
 * A paper as the `papers` and `importedPapers` tables hold it: without `abstractHtml` where that is
 * only the abstract's text written as HTML (three abstracts in four have no math, links or
 * emphasis), which is a sixth of an imported row's bytes, and IndexedDB's write rate goes by bytes.
 */
export type StoredPaper<T extends CorpusPaper = CorpusPaper> = Omit<T, 'abstractHtml'> & { abstractHtml?: string };

/** The row to write for a paper: `abstractHtml` left out when {@link readStoredPaper} gives it back as it was. */
export function toStoredPaper<T extends CorpusPaper>(paper: T): StoredPaper<T> {
  if (paper.abstractHtml !== textAsSanitizedHtml(paper.abstract)) return paper;
  const { abstractHtml: _derived, ...stored } = paper;
  return stored;
}

/**
 * The paper a stored row holds, `abstractHtml` included: the database's reading hook, so every
 * reader of the two tables sees papers as they were written. Rows of older releases carry it.
 */
export function readStoredPaper<T extends CorpusPaper>(row: StoredPaper<T> | undefined): T | undefined {
  if (row && row.abstractHtml === undefined) row.abstractHtml = textAsSanitizedHtml(row.abstract);
  return row as T | undefined;
}
