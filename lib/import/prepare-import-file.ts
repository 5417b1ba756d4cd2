import * as v from 'valibot';
import { buildCorpus, CorpusBuildError, entriesByTitle, CorpusPaperSchema, validateCorpus, type CorpusPaper, type CorpusTaxonomyEntry } from '../corpus';
import { SourceFormatError } from '../source-format-error';
import { sanitizeRenderedHtml } from '../latex';
import type { RepairModel } from '../mojibake';
import { ImportRejection } from './read-import-file';

/** What the import pipeline needs besides the file: the same parts the corpus build uses. */
export interface ImportContext {
  /** The taxonomy already in the database; new digests are linked to it by title. */
  taxonomyEntries: readonly CorpusTaxonomyEntry[];
  /** The repair model, or null when no file of this import looks like mojibake. */
  repairModel: RepairModel | null;
  /** What `looksLikeMojibake` said of the file's text, when the caller has asked already. */
  looksLikeMojibake?: boolean;
}

/** A digest file turned into corpus papers, with what the build noticed on the way. */
export interface PreparedFile {
  file: string;
  kind: 'weekly' | 'daily' | 'corpus';
  papers: CorpusPaper[];
  /** Entries the parser could not use, with the reason. */
  /** Entries of the file that were left out, with the reason. */
  skipped: { line: number; reason: string }[];
  /** What looked wrong in entries that were imported all the same (a missing section, stray text). */
  warnings: { line: number; message: string }[];
  notes: string[];
}

/**
 * Runs one decoded file through the pipeline the corpus build uses: mojibake repair, the digest
 * parsers, math pre-rendering and sanitising, and title linking to the taxonomy in the database.
 * Corpus JSON (`npm run corpus -- build`) is validated against the corpus schema instead; its
 * abstracts' HTML is sanitised again, because a file is only as trustworthy as whoever wrote it.
 * @throws ImportRejection when the file is of no known kind, malformed, holds no digest, or holds
 *   math written to exhaust KaTeX (a macro bomb).
 */
export function prepareImportFile(file: string, text: string, context: ImportContext): PreparedFile {
  if (/^\s*\{/.test(text)) return prepareCorpusJson(file, text, context);
  let built;
  try {
    built = buildCorpus([{ file, text, looksLikeMojibake: context.looksLikeMojibake }], context.repairModel, { linkTo: context.taxonomyEntries });
  } catch (error) {
    // What the parsers say about a malformed file; anything else is a bug, and is not dressed up as one.
    if (error instanceof SourceFormatError) throw new ImportRejection(file, `line ${error.line}: expected ${error.expected}${error.found === null ? '' : `, found ${JSON.stringify(error.found)}`}`);
    if (error instanceof CorpusBuildError) throw new ImportRejection(file, error.message.replace(`${file}: `, ''));
    throw error;
  }
  const source = built.corpus.sources[0];
  if (source?.kind === 'taxonomy') throw new ImportRejection(file, 'this is a taxonomy export; only digests can be imported, and the bundled taxonomy stays as it is');
  const bomb = built.warnings.find((warning) => warning.code === 'math-limit');
  if (bomb) throw new ImportRejection(file, `line ${bomb.line}: ${bomb.message.replace(/; shown as text$/, '')}. Files with math built to exhaust the renderer are not imported`);
  const skipped = built.warnings.filter((warning) => ENTRY_SKIPPED.has(warning.code ?? '')).map((warning) => ({ line: warning.line, reason: warning.message }));
  const warnings = built.warnings.filter((warning) => !ENTRY_SKIPPED.has(warning.code ?? '')).map(({ line, message }) => ({ line, message }));
  // The bundled corpus is checked against its schema at build time; an import is checked here, paper by paper.
  const papers = built.corpus.papers.filter((paper) => {
    const issues = v.safeParse(CorpusPaperSchema, paper).issues;
    if (issues) skipped.push({ line: paper.provenance[0]?.line ?? 1, reason: `${paper.arxivId} left out: ${issues.map((issue) => `${v.getDotPath(issue) ?? ''} ${issue.message}`.trim()).join('; ')}` });
    return !issues;
  });
  if (papers.length === 0) throw new ImportRejection(file, noDigestReason([...skipped, ...warnings.map(({ line, message }) => ({ line, reason: message }))]));
  const notes: string[] = [];
  if (source?.repaired) {
    notes.push(`repaired as mojibake: ${source.damagedChars} damaged characters restored, ${source.uncertainChars} of them marked uncertain`);
  }
  return {
    file,
    kind: source?.kind === 'weekly' ? 'weekly' : 'daily',
    papers,
    skipped,
    warnings,
    notes,
  };
}

// The parsers' warnings that mean an entry was left out; every other warning leaves its entry in.
const ENTRY_SKIPPED = new Set(['missing-link', 'bad-arxiv-link']);

function noDigestReason(skipped: PreparedFile['skipped']): string {
  const first = skipped[0];
  return first ? `no digest entry could be read (line ${first.line}: ${first.reason})` : 'no digest entry could be read: expected a weekly overview or a daily digest';
}

function prepareCorpusJson(file: string, text: string, context: ImportContext): PreparedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportRejection(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const checked = validateCorpus(data);
  if (!checked.ok) throw new ImportRejection(file, `not a corpus file of this version: ${checked.issues.slice(0, 3).join('; ')}`);
  const { papers, taxonomy } = checked.corpus;
  if (papers.length === 0) throw new ImportRejection(file, 'the corpus holds no digests');
  // The file's taxonomy ids mean nothing in this database: its papers are linked afresh, by title.
  const byTitle = entriesByTitle(context.taxonomyEntries);
  const notes = taxonomy.entries.length > 0 ? [`its taxonomy (${taxonomy.entries.length} entries) was left aside: imports add digests, and the bundled taxonomy stays`] : [];
  return {
    file,
    kind: 'corpus',
    papers: papers.map((paper) => ({
      ...paper,
      abstractHtml: sanitizeRenderedHtml(paper.abstractHtml),
      taxonomyEntryIds: [...new Set(byTitle.match(paper.title).map((match) => match.item.id))],
    })),
    skipped: [],
    warnings: [],
    notes,
  };
}
