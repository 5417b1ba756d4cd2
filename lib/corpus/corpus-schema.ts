import * as v from 'valibot';
import { arxivIdSchema as arxivId, DigestEntrySchema, lineNumber, readerText } from '../digest/digest-schema';

/** Bumped whenever the corpus JSON changes shape; the extension refuses a corpus it does not know. */
export const CORPUS_SCHEMA_VERSION = 1;

const text = readerText;
const nullableText = v.nullable(text);
const line = lineNumber;

const UncertainMarkSchema = v.object({
  field: v.string(),
  index: v.pipe(v.number(), v.integer(), v.minValue(0)),
  chosen: text,
  alternatives: v.array(text),
});

/**
 * A paper with a digest: every digest entry with its arXiv id, merged, math pre-rendered. Its digest
 * fields are the parsers' own (`DigestEntrySchema`), so none can be parsed and then dropped here.
 */
export const CorpusPaperSchema = v.object({
  ...DigestEntrySchema.entries,
  /** The abstract as an HTML fragment: escaped text plus KaTeX output rendered at build time. */
  abstractHtml: text,
  taxonomyEntryIds: v.array(v.string()),
  uncertain: v.array(UncertainMarkSchema),
});

/** A heading of the taxonomy: an area, a category, or a method whose entries are papers. */
export const TaxonomyNodeSchema = v.object({
  id: v.string(),
  name: text,
  parentId: v.nullable(v.string()),
  depth: v.pipe(v.number(), v.integer(), v.minValue(0)),
  path: v.array(text),
  childIds: v.array(v.string()),
  entryIds: v.array(v.string()),
  kind: v.picklist(['area', 'category', 'method']),
  /** The heading without its qualifiers. */
  label: text,
  qualifiers: v.array(text),
  /** Free text written under a category heading. */
  notes: v.array(text),
  captions: v.array(text),
  line,
});

/** One paper filed under a method node; the same paper may be filed in several places. */
export const TaxonomyEntrySchema = v.object({
  id: v.string(),
  nodeId: v.string(),
  path: v.array(text),
  heading: text,
  method: text,
  qualifiers: v.array(text),
  /** The first paper title; `titles` holds every title the block gives. */
  title: nullableText,
  titles: v.array(text),
  /** Other names of the method (`StableCascade` for `Wuerstchen`). */
  aliases: v.array(text),
  notes: v.array(text),
  captions: v.array(text),
  line,
  blockLine: line,
  continuationLines: v.array(line),
  /** Digests that are the same paper, found by title. */
  arxivIds: v.array(arxivId),
});

const CorpusSourceSchema = v.object({
  file: text,
  kind: v.picklist(['weekly', 'daily', 'taxonomy']),
  entries: v.pipe(v.number(), v.integer(), v.minValue(0)),
  repaired: v.boolean(),
  damagedChars: v.pipe(v.number(), v.integer(), v.minValue(0)),
  uncertainChars: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The corpus the extension bundles, as `npm run corpus -- build` writes it. */
export const CorpusSchema = v.pipe(
  v.object({
    schemaVersion: v.literal(CORPUS_SCHEMA_VERSION),
    /** SHA-256 of the corpus without this field; the store re-seeds only when it changes. */
    hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest')),
    sources: v.array(CorpusSourceSchema),
    papers: v.array(CorpusPaperSchema),
    taxonomy: v.object({ nodes: v.array(TaxonomyNodeSchema), entries: v.array(TaxonomyEntrySchema) }),
  }),
  v.check((corpus) => new Set(corpus.papers.map((p) => p.arxivId)).size === corpus.papers.length, 'two papers share an arXiv id'),
  v.check((corpus) => {
    const nodes = new Set(corpus.taxonomy.nodes.map((n) => n.id));
    return corpus.taxonomy.entries.every((e) => nodes.has(e.nodeId));
  }, 'a taxonomy entry points at a node that does not exist'),
  v.check((corpus) => {
    const entries = new Set(corpus.taxonomy.entries.map((e) => e.id));
    return corpus.papers.every((p) => p.taxonomyEntryIds.every((id) => entries.has(id)));
  }, 'a paper links to a taxonomy entry that does not exist'),
);

export type Corpus = v.InferOutput<typeof CorpusSchema>;
export type CorpusPaper = v.InferOutput<typeof CorpusPaperSchema>;
export type CorpusSource = v.InferOutput<typeof CorpusSourceSchema>;
export type CorpusTaxonomyNode = v.InferOutput<typeof TaxonomyNodeSchema>;
export type CorpusTaxonomyEntry = v.InferOutput<typeof TaxonomyEntrySchema>;

/**
 * Checks a corpus read from disk or from a user's file.
 * @returns The corpus, typed, or the list of problems with their paths.
 */
export function validateCorpus(data: unknown): { ok: true; corpus: Corpus } | { ok: false; issues: string[] } {
  const result = v.safeParse(CorpusSchema, data);
  if (result.success) return { ok: true, corpus: result.output };
  return {
    ok: false,
    issues: result.issues.map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}
