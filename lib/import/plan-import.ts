import type { CorpusPaper } from '../corpus';
import { overlayDigest } from '../corpus/overlay-digest';
import type { ImportBatchRow, ImportedPaperRow, ImportFileReport, ImportProvenance } from '../store/database';
import type { PreparedFile } from './prepare-import-file';

/** A file the pipeline refused, with the reason. */
export interface RejectedFile {
  file: string;
  error: string;
}

/** What an import will write, and the report the user sees. */
export interface ImportPlan {
  batch: ImportBatchRow;
  rows: ImportedPaperRow[];
}

/**
 * Decides, paper by paper, what an import does: a paper nobody has is added; a paper the corpus or
 * an earlier import already has is updated when the new digest says something it did not, and
 * skipped otherwise (importing the same file twice changes nothing). A paper given by two files of
 * one import is merged. Pure: the current digests come in as a map.
 * @param files Prepared and rejected files, in the order the user gave them.
 * @param current The digest the user sees now for each paper the files mention.
 * @param batch The new import's id and time.
 */
export function planImport(
  files: readonly (PreparedFile | RejectedFile)[],
  current: ReadonlyMap<string, CorpusPaper>,
  batch: { id: string; importedAt: number },
): ImportPlan {
  const planned = new Map<string, ImportedPaperRow>();
  const reports = files.map((file): ImportFileReport => {
    if ('error' in file) return { file: file.file, status: 'rejected', error: file.error, kind: null, added: [], updated: [], skipped: [], warnings: [], notes: [] };
    const report: ImportFileReport = {
      file: file.file,
      status: 'imported',
      error: null,
      kind: file.kind,
      added: [],
      updated: [],
      skipped: file.skipped.map(({ line, reason }) => ({ arxivId: null, line, reason })),
      warnings: [...file.warnings],
      notes: [...file.notes],
      titles: Object.fromEntries(file.papers.map((paper) => [paper.arxivId, paper.title])),
    };
    const imported: ImportProvenance = { batchId: batch.id, file: file.file, importedAt: batch.importedAt };
    for (const paper of file.papers) {
      const earlier = planned.get(paper.arxivId);
      const base = earlier ?? current.get(paper.arxivId);
      const merged = base ? overlayDigest(base, paper) : paper;
      const line = paper.provenance[0]?.line ?? null;
      if (base && sameDigest(base, merged)) {
        const where = earlier ? `also in ${earlier.imported.file}, with nothing more` : 'already known, with nothing new in this file';
        report.skipped.push({ arxivId: paper.arxivId, line, reason: where });
        continue;
      }
      // A row holds what this import's files said, not what was known before it: the paper shown is
      // folded from the imports that remain (`ImportStore`), so removing one takes back all it said.
      planned.set(paper.arxivId, { ...(earlier ? overlayDigest(earlier, paper) : paper), imported: earlier?.imported ?? imported });
      (base ? report.updated : report.added).push(paper.arxivId);
    }
    return report;
  });
  const rows = [...planned.values()];
  return {
    batch: {
      ...batch,
      files: reports,
      papers: rows.length,
      titles: rows.map((row) => ({ title: row.title, arxivId: row.arxivId })),
    },
    rows,
  };
}

/**
 * Whether two digests of a paper say the same. Where they came from does not count: the same
 * digest under another file name is nothing new.
 */
function sameDigest(a: CorpusPaper, b: CorpusPaper): boolean {
  const { imported: _a, provenance: _pa, ...left } = a as ImportedPaperRow;
  const { imported: _b, provenance: _pb, ...right } = b as ImportedPaperRow;
  return stableJson(left) === stableJson(right);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}
