import type { CorpusPaper } from '../corpus';
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
    if ('error' in file) return { file: file.file, status: 'rejected', error: file.error, kind: null, added: [], updated: [], skipped: [], notes: [] };
    const report: ImportFileReport = {
      file: file.file,
      status: 'imported',
      error: null,
      kind: file.kind,
      added: [],
      updated: [],
      skipped: file.skipped.map(({ line, reason }) => ({ arxivId: null, line, reason })),
      notes: [...file.notes],
    };
    const imported: ImportProvenance = { batchId: batch.id, file: file.file, importedAt: batch.importedAt };
    for (const paper of file.papers) {
      const earlier = planned.get(paper.arxivId);
      const base = earlier ?? current.get(paper.arxivId);
      const merged = base ? mergeDigest(base, paper) : paper;
      const line = paper.provenance[0]?.line ?? null;
      if (base && sameDigest(base, merged)) {
        const where = earlier ? `also in ${earlier.imported.file}, with nothing more` : 'already known, with nothing new in this file';
        report.skipped.push({ arxivId: paper.arxivId, line, reason: where });
        continue;
      }
      planned.set(paper.arxivId, { ...merged, imported: earlier?.imported ?? imported });
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
 * One paper's digest with a newer one laid over it: each field the new digest fills replaces the
 * old one, and the fields it leaves empty keep what was known (a weekly overview, which has no
 * 中文 summary, must not erase the daily digest's). Provenance, versions and taxonomy links are
 * the union of both.
 */
export function mergeDigest(base: CorpusPaper, incoming: CorpusPaper): CorpusPaper {
  const filled = <T>(value: T, fallback: T): T => (value === null || value === '' || (Array.isArray(value) && value.length === 0) ? fallback : value);
  const abstractFromIncoming = incoming.abstract.trim() !== '';
  const keptFields = new Set<string>();
  const pick = <K extends keyof CorpusPaper>(key: K): CorpusPaper[K] => {
    const value = filled(incoming[key], base[key]);
    if (value === base[key] && value !== incoming[key]) keptFields.add(key);
    return value;
  };
  const provenance = [...base.provenance];
  for (const record of incoming.provenance) {
    if (!provenance.some((known) => known.sourceFile === record.sourceFile && known.line === record.line)) provenance.push(record);
  }
  const versions = [...new Set([...base.versions, ...incoming.versions])].sort((a, b) => a - b);
  const chatPaper = pick('chatPaper');
  // Marks name their field as a path: `takeaways/2`, `chatPaper/method/0`.
  const fieldOf = (mark: { field: string }) => mark.field.split('/')[0]!;
  return {
    arxivId: base.arxivId,
    version: versions.at(-1) ?? filled(incoming.version, base.version),
    versions,
    title: pick('title'),
    authors: pick('authors'),
    abstract: abstractFromIncoming ? incoming.abstract : base.abstract,
    abstractHtml: abstractFromIncoming ? incoming.abstractHtml : base.abstractHtml,
    venue: pick('venue'),
    summaryZh: pick('summaryZh'),
    takeaways: pick('takeaways'),
    chatPaper,
    screenshots: pick('screenshots'),
    provenance,
    taxonomyEntryIds: [...new Set([...base.taxonomyEntryIds, ...incoming.taxonomyEntryIds])],
    // A mark points into one field: it follows the digest that field was taken from.
    uncertain: [
      ...base.uncertain.filter((mark) => keptFields.has(fieldOf(mark)) || (fieldOf(mark) === 'abstract' && !abstractFromIncoming)),
      ...incoming.uncertain.filter((mark) => !keptFields.has(fieldOf(mark)) && (fieldOf(mark) !== 'abstract' || abstractFromIncoming)),
    ],
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
