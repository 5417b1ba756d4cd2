import { mergeDigestEntries, parseDigestDocument, detectDigestKind, type DigestEntry, type DigestWarning } from '../digest';
import { isMathLimitReason, latexToPlainText, renderLatexText, sanitizeRenderedHtml } from '../latex';
import { looksLikeMojibake, repairMojibake, type RepairModel, type RepairResult } from '../mojibake';
import { parseTaxonomy, type TaxonomyParseResult } from '../taxonomy';
import { entriesByTitle } from './corpus-lookup';
import { CORPUS_SCHEMA_VERSION, type Corpus, type CorpusPaper, type CorpusSource, type CorpusTaxonomyEntry } from './corpus-schema';
import { isReaderText } from './string-leaves';
import { locateUncertainMarks, toUtf16Offsets, type DocumentUncertainChar, type UncertainMark } from './uncertain-marks';

/** One source document as read from `data/sources/` or picked by a user. */
export interface SourceDocument {
  /** File name, kept as provenance. */
  file: string;
  text: string;
  /** What {@link looksLikeMojibake} said of `text`, when the caller has asked already: it reads the whole text. */
  looksLikeMojibake?: boolean;
}

/** A problem in one source that did not stop the build: a skipped entry, an unaligned heading. */
export interface CorpusWarning {
  file: string;
  line: number;
  message: string;
  /**
   * The parser's warning code (`DigestWarning.code`), or `math-limit` for math that hit KaTeX's
   * limits (a macro bomb): shown as text in a build, refused by an import.
   */
  code?: string;
}

/** Options of {@link buildCorpus}. */
export interface BuildCorpusOptions {
  /**
   * Taxonomy entries to link digests to by title when the sources hold no taxonomy: an import links
   * new digests to the taxonomy already in the database. The entries are not changed.
   */
  linkTo?: readonly CorpusTaxonomyEntry[];
}

/** The corpus, before its hash is taken, with what the build noticed on the way. */
export interface CorpusBuildResult {
  corpus: Omit<Corpus, 'hash'>;
  warnings: CorpusWarning[];
  /** Uncertain characters that fell outside every field (labels, markup, front matter). */
  uncertainOutsideFields: number;
  /** Digest entries before entries sharing an arXiv id were merged. */
  digestEntries: number;
  /** Taxonomy blocks the parser could not put under any path. */
  unplacedBlocks: number;
}

/** The sources cannot make one corpus (two taxonomies, a file of unknown kind). */
export class CorpusBuildError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'CorpusBuildError';
  }
}

interface ParsedDigestSource {
  file: string;
  text: string;
  entries: DigestEntry[];
  uncertain: Array<DocumentUncertainChar & { offset: number }>;
}

// A taxonomy export separates its blocks with lines holding one U+00A0; no digest has such lines.
const TAXONOMY_SEPARATOR = /^\u00a0$/m;

/**
 * Turns the source documents into the corpus the extension bundles: repairs mojibake, parses digests
 * and the taxonomy, merges digests that share an arXiv id, pre-renders abstract math, and links
 * digests to taxonomy entries by title.
 *
 * @param sources Every source document; file names are provenance only, the kind is read from the text.
 * @param repairModel The language model that fills the bytes mojibake dropped; null when the caller
 *   has checked that no source looks like mojibake (a damaged source then throws).
 * @throws {CorpusBuildError} when a file is of no known kind or two taxonomies are given.
 * @throws DigestFormatError / TaxonomyFormatError for a malformed file, naming its line.
 */
export function buildCorpus(sources: readonly SourceDocument[], repairModel: RepairModel | null, options: BuildCorpusOptions = {}): CorpusBuildResult {
  const warnings: CorpusWarning[] = [];
  const corpusSources: CorpusSource[] = [];
  const digestSources: ParsedDigestSource[] = [];
  let taxonomy: TaxonomyParseResult | undefined;

  for (const { file, text, looksLikeMojibake: damaged = looksLikeMojibake(text) } of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    if (damaged && !repairModel) throw new CorpusBuildError(file, 'looks like mojibake, and no repair model was given');
    const repair = withLostCharactersShown(damaged ? repairMojibake(text, repairModel!) : unrepaired(text), file, warnings);
    const kind = detectDigestKind(repair.text) ?? (TAXONOMY_SEPARATOR.test(repair.text) ? 'taxonomy' : null);
    if (kind === null) throw new CorpusBuildError(file, 'expected a weekly overview, a daily digest or a taxonomy export');
    const source: CorpusSource = {
      file,
      kind,
      entries: 0,
      repaired: repair.repaired,
      damagedChars: repair.damagedChars,
      uncertainChars: repair.uncertain.length,
    };
    if (kind === 'taxonomy') {
      if (taxonomy) throw new CorpusBuildError(file, 'a second taxonomy; the corpus holds one');
      taxonomy = parseTaxonomy(repair.text, { sourceFile: file });
      source.entries = taxonomy.entries.length;
      warnings.push(...taxonomy.warnings.map((w) => ({ file, line: w.line, message: w.message })));
    } else {
      const parsed = parseDigestDocument(repair.text, file);
      source.entries = parsed.entries.length;
      warnings.push(...parsed.warnings.map((w: DigestWarning) => ({ file: w.file, line: w.line, message: w.message, code: w.code })));
      digestSources.push({ file, text: repair.text, entries: parsed.entries, uncertain: toUtf16Offsets(repair.text, repair.uncertain) });
    }
    corpusSources.push(source);
  }

  const taxonomyEntries: CorpusTaxonomyEntry[] = (taxonomy?.entries ?? []).map((entry) => ({ ...entry, arxivIds: [] }));
  const linkable = taxonomy ? taxonomyEntries : (options.linkTo ?? []).map((entry) => ({ ...entry, arxivIds: [] }));
  const byTitle = entriesByTitle(linkable);

  let uncertainOutsideFields = 0;
  const merged = mergeDigestEntries(digestSources.flatMap((source) => source.entries));
  const papers = merged.map((entry): CorpusPaper => {
    // One entry may hold the same title twice; link it once.
    const linked = [...new Set(byTitle.match(entry.title).map((match) => match.item))];
    for (const taxonomyEntry of linked) taxonomyEntry.arxivIds.push(entry.arxivId);
    const abstract = renderLatexText(entry.abstract);
    for (const segment of abstract.segments) {
      if (segment.kind !== 'math' || !isMathLimitReason(segment.fallbackReason ?? '')) continue;
      const origin = entry.provenance[0];
      warnings.push({
        file: origin?.sourceFile ?? '',
        line: origin?.line ?? 1,
        message: `math in the abstract of ${entry.arxivId} hit KaTeX's limits (${segment.fallbackReason}); shown as text`,
        code: 'math-limit',
      });
    }
    return {
      ...readerFields(entry),
      abstract: abstract.plain,
      abstractHtml: sanitizeRenderedHtml(abstract.html),
      taxonomyEntryIds: linked.map((taxonomyEntry) => taxonomyEntry.id),
      uncertain: [],
    };
  });

  // Marks are located after merging so that they point into the fields the reader will see.
  const rawAbstracts = new Map(merged.map((entry) => [entry.arxivId, entry.abstract]));
  for (const source of digestSources) {
    if (source.uncertain.length === 0) continue;
    const regions = entryRegions(source);
    const placed = new Set<number>();
    for (const paper of papers) {
      const region = regions.get(paper.arxivId);
      if (!region) continue;
      const rawAbstract = rawAbstracts.get(paper.arxivId) ?? '';
      const located = locateUncertainMarks({ ...paper, abstract: rawAbstract }, source.text, region, source.uncertain, (field) => !isReaderText(field));
      const marks = located.marks.flatMap((mark) => {
        if (mark.field !== 'abstract') return [mark];
        // The abstract a reader sees is the LaTeX-free rendering, so the index moves with it.
        const index = remapIndex(rawAbstract, paper.abstract, mark.index);
        if (index === null) uncertainOutsideFields++;
        return index === null ? [] : [{ ...mark, index }];
      });
      paper.uncertain = mergeMarks(paper.uncertain, marks);
      for (const offset of located.placed) placed.add(offset);
    }
    uncertainOutsideFields += source.uncertain.length - placed.size;
  }

  return {
    corpus: {
      schemaVersion: CORPUS_SCHEMA_VERSION,
      sources: corpusSources,
      papers,
      taxonomy: { nodes: taxonomy?.nodes ?? [], entries: taxonomyEntries },
    },
    warnings,
    uncertainOutsideFields,
    digestEntries: digestSources.reduce((sum, source) => sum + source.entries.length, 0),
    unplacedBlocks: taxonomy?.unplacedBlocks ?? 0,
  };
}

// LaTeX a reader would see as source: a control word or escaped special (`\ours`, `\href`,
// `\%`), an accent (`\'e`), or a `$…$` span. Text without any stays exactly as written.
const LATEX_IN_TEXT = /\\(?:[A-Za-z]+|[%&_#${}]|['"`^~=.](?:[A-Za-z]|\{))|\$[^$\n]+\$/;

/** A field's text as a reader sees it: LaTeX in it textified the way the abstract's plain text is. */
function readerText(text: string): string {
  if (!LATEX_IN_TEXT.test(text)) return text;
  // The generator sometimes writes a newline as the two characters `\n`; it is a line break.
  return latexToPlainText(text.replace(/\\n(?![A-Za-z])/g, '\n'));
}

/**
 * The entry with every field a reader sees textified: the 中文 summary, the takeaways, the venue
 * and the ChatPaper notes quote the abstract's LaTeX (`\ours`, `$360^{\circ}$`) as freely as the
 * abstract does. Links (the URLs line) are data, not text, and stay as written.
 */
function readerFields(entry: DigestEntry): DigestEntry {
  const cp = entry.chatPaper;
  const conclusion = cp?.conclusion ?? null;
  const orNull = (text: string | null) => (text === null ? null : readerText(text));
  return {
    ...entry,
    venue: orNull(entry.venue),
    summaryZh: orNull(entry.summaryZh),
    takeaways: entry.takeaways.map(readerText),
    chatPaper: cp && {
      ...cp,
      titleZh: orNull(cp.titleZh),
      authors: cp.authors.map(readerText),
      affiliation: orNull(cp.affiliation),
      keywords: cp.keywords.map(readerText),
      summary: cp.summary.map(readerText),
      method: cp.method.map(readerText),
      conclusion: conclusion && {
        significance: orNull(conclusion.significance),
        innovation: orNull(conclusion.innovation),
        performance: orNull(conclusion.performance),
        workload: orNull(conclusion.workload),
        parts: conclusion.parts.map(readerText),
      },
      generatorErrors: cp.generatorErrors.map(readerText),
    },
  };
}

/**
 * Where a character of the raw abstract sits in its rendering: the text around it, up to the nearest
 * LaTeX, is searched for in the rendering and must occur exactly once.
 */
function remapIndex(raw: string, rendered: string, index: number): number | null {
  const chars = [...raw];
  const plain = [...rendered];
  const isLatex = (c: string | undefined) => c === undefined || c === '\\' || c === '$' || c === '{' || c === '}' || c === '~';
  let from = index;
  while (index - from < 12 && !isLatex(chars[from - 1])) from--;
  let to = index + 1;
  while (to - index < 12 && !isLatex(chars[to])) to++;
  const needle = chars.slice(from, to).join('');
  const haystack = plain.join('');
  const at = haystack.indexOf(needle);
  if (at === -1 || haystack.indexOf(needle, at + 1) !== -1) return null;
  return [...haystack.slice(0, at)].length + (index - from);
}

// A replacement character in a source is a character lost before the file reached us; no model can
// recover it without its bytes. It is shown as a box and marked uncertain, with nothing to offer.
const LOST_CHARACTER_SHOWN_AS = '\u25A1';

function withLostCharactersShown(repair: RepairResult, file: string, warnings: CorpusWarning[]): RepairResult {
  if (!repair.text.includes('\uFFFD')) return repair;
  const lost: DocumentUncertainChar[] = [];
  let index = 0;
  let line = 1;
  let text = '';
  for (const char of repair.text) {
    if (char === '\uFFFD') {
      lost.push({ index, chosen: LOST_CHARACTER_SHOWN_AS, alternatives: [] });
      warnings.push({ file, line, message: `U+FFFD (a character lost before this file was written) shown as ${LOST_CHARACTER_SHOWN_AS} and marked uncertain` });
      text += LOST_CHARACTER_SHOWN_AS;
    } else {
      if (char === '\n') line++;
      text += char;
    }
    index++;
  }
  return { ...repair, text, uncertain: [...repair.uncertain, ...lost].sort((a, b) => a.index - b.index) };
}

function unrepaired(text: string): RepairResult {
  return { text, repaired: false, damagedChars: 0, uncertain: [] };
}

/** UTF-16 range of each entry in its source, from its first line to the next entry's first line. */
function entryRegions(source: ParsedDigestSource): Map<string, [number, number]> {
  const lineStarts = [0];
  for (let i = source.text.indexOf('\n'); i !== -1; i = source.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const starts = source.entries
    .map((entry) => ({ id: entry.arxivId, line: entry.provenance.find((p) => p.sourceFile === source.file)?.line ?? 0 }))
    .sort((a, b) => a.line - b.line);
  const regions = new Map<string, [number, number]>();
  starts.forEach(({ id, line }, i) => {
    const next = starts[i + 1];
    const from = lineStarts[line - 1] ?? 0;
    const to = next ? (lineStarts[next.line - 1] ?? source.text.length) : source.text.length;
    regions.set(id, [from, to]);
  });
  return regions;
}

function mergeMarks(a: UncertainMark[], b: UncertainMark[]): UncertainMark[] {
  const seen = new Set(a.map((m) => `${m.field}#${m.index}`));
  return [...a, ...b.filter((m) => !seen.has(`${m.field}#${m.index}`))];
}
