import { containsRawLatexCommand } from '../latex';
import type { CorpusBuildResult } from './build-corpus';
import { isReaderText, stringLeaves } from './string-leaves';

/** The figures `corpus stats` prints; each is a check a reader of the corpus can rely on. */
export interface CorpusStats {
  /** Papers with a digest, after merging entries that share an arXiv id. */
  digests: number;
  /** Digest entries before merging. */
  digestEntries: number;
  taxonomyEntries: number;
  taxonomyNodes: number;
  unplacedBlocks: number;
  /** Digests linked to at least one taxonomy entry by title. */
  linkedDigests: number;
  /** Taxonomy entries linked to a digest. */
  linkedTaxonomyEntries: number;
  /** Characters the mojibake repair had to rebuild. */
  damagedChars: number;
  /** Rebuilt characters the repair is not sure of. */
  uncertainChars: number;
  /** Uncertain characters located in a paper's fields, where the UI marks them. */
  uncertainMarks: number;
  /** Uncertain characters outside every field (labels, markup), which no reader sees as content. */
  uncertainOutsideFields: number;
  /** U+FFFD anywhere in the corpus; must be 0. */
  replacementChars: number;
  /** String fields a reader sees that still hold a raw LaTeX command; must be 0. */
  rawLatexFields: number;
  warnings: number;
}

/**
 * Figures about a built corpus, for the CLI and for tests.
 * @param build The result of `buildCorpus`.
 */
export function corpusStats(build: CorpusBuildResult): CorpusStats {
  const { corpus } = build;
  const json = JSON.stringify(corpus);
  const readerFields = corpus.papers.flatMap((paper) =>
    [...stringLeaves(paper)].filter(([path]) => isReaderText(path)).map(([, text]) => text),
  );
  return {
    digests: corpus.papers.length,
    digestEntries: build.digestEntries,
    taxonomyEntries: corpus.taxonomy.entries.length,
    taxonomyNodes: corpus.taxonomy.nodes.length,
    unplacedBlocks: build.unplacedBlocks,
    linkedDigests: corpus.papers.filter((paper) => paper.taxonomyEntryIds.length > 0).length,
    linkedTaxonomyEntries: corpus.taxonomy.entries.filter((entry) => entry.arxivIds.length > 0).length,
    damagedChars: sum(corpus.sources.map((source) => source.damagedChars)),
    uncertainChars: sum(corpus.sources.map((source) => source.uncertainChars)),
    uncertainMarks: sum(corpus.papers.map((paper) => paper.uncertain.length)),
    uncertainOutsideFields: build.uncertainOutsideFields,
    replacementChars: json.split('\uFFFD').length - 1,
    rawLatexFields: readerFields.filter(containsRawLatexCommand).length,
    warnings: build.warnings.length,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
