import type { AreaSpec } from './top-level-areas';

/**
 * Shapes produced by {@link parseTaxonomy}. Everything here is plain JSON data (no Maps, no class
 * instances) so a parse result can be written into the corpus as it is.
 *
 * @module
 */

/** What a node of the tree stands for. */
export type TaxonomyNodeKind =
  /** A top-level area such as `Text-to-Image`; always at depth 0. */
  | 'area'
  /** A grouping heading below an area, such as `hybrid generative model` or `quantization`. */
  | 'category'
  /** A method heading; its {@link TaxonomyEntry}s hold the papers filed under it. */
  | 'method';

/**
 * One heading of the tree. Nodes are unique by {@link TaxonomyNode.path}: a method filed twice under
 * the same parent (two different papers both called `DiM`) is one node with two entries.
 */
export interface TaxonomyNode {
  /** Stable id: the slugified heading path, e.g. `text-to-image/awesome/vq-diffusion`. */
  id: string;
  /** The heading exactly as the body spells it (Greek letters and qualifiers included). */
  name: string;
  parentId: string | null;
  /** 0 for top-level areas; `path.length - 1`. */
  depth: number;
  /** Headings from the top-level area down to this node, as the body spells them. */
  path: string[];
  childIds: string[];
  entryIds: string[];
  kind: TaxonomyNodeKind;
  /** {@link TaxonomyNode.name} without its parenthesised qualifiers (see `splitMethodName`). */
  label: string;
  qualifiers: string[];
  /** Free text written directly under a category heading (e.g. what `Distillation-based` covers). */
  notes: string[];
  /** Image captions written directly under a category heading. */
  captions: string[];
  /** 1-based source line where this heading first appears. */
  line: number;
}

/** One occurrence of a method heading in the body, with the paper(s) and notes filed under it. */
export interface TaxonomyEntry {
  /** `${nodeId}#${n}`: n counts the entries of the same node in document order, from 1. */
  id: string;
  nodeId: string;
  path: string[];
  /** The method heading as the body spells it, qualifiers included. */
  heading: string;
  /** The heading without qualifiers, e.g. `IP-Adapter`. */
  method: string;
  /** Parenthesised qualifiers, e.g. `['no pseudo word', 'no test-time fine-tuning']`. */
  qualifiers: string[];
  /** The first paper title, or null when the entry has notes only. */
  title: string | null;
  /** Every paper title filed under this heading (some headings list several papers). */
  titles: string[];
  /** Other names the body gives the same method: alias headings (`StableCascade` for `Wuerstchen`). */
  aliases: string[];
  notes: string[];
  captions: string[];
  /**
   * 1-based source line of the entry's first heading line. For an entry that starts a block this is
   * the block's first line; a few blocks hold two entries, and the second starts mid-block.
   */
  line: number;
  /** 1-based line of the first line of the block the entry starts in. */
  blockLine: number;
  /** First lines of heading-less blocks that were read as the continuation of this entry. */
  continuationLines: number[];
}

/** A problem that did not stop the parse; nothing was dropped, but a reader should look. */
export interface TaxonomyWarning {
  /** 1-based source line the warning is about. */
  line: number;
  message: string;
  /** Machine-readable kind, stable across releases. */
  code: TaxonomyWarningCode;
}

/** Kinds of {@link TaxonomyWarning}. */
export type TaxonomyWarningCode =
  /** A block has no heading and was appended to the entry (or category) before it. */
  | 'continuation-block'
  /** A heading-less block was given a contents heading that the body lacks. */
  | 'heading-from-contents'
  /** Text of the contents line matched no body line; the headings it names are missing. */
  | 'unaligned-contents'
  /** A block could not be attached anywhere (it comes before the first heading). */
  | 'unplaced-block'
  /** A name of the curated top-level area list was not found among the headings. */
  | 'missing-area';

/** A heading whose body spelling differs from the contents line, or that the body lacks. */
export interface FuzzyHeading {
  /** The heading as the contents line spells it. */
  contents: string;
  /** The heading as the body spells it; empty when the body has no heading line for it. */
  body: string;
  /** 1-based line of the body heading, or of the block the contents heading was given to. */
  line: number;
  /** `edited`: spelled differently; `missing`: the body has no heading line, the block got this one. */
  kind: 'edited' | 'missing';
  /** Edit distance between the normalised spellings (0 when they differ only in dropped letters). */
  distance: number;
}

/** Counts describing a parse, for reports and golden tests. */
export interface TaxonomyStats {
  /** Non-empty blocks between U+00A0 separator lines. */
  blocks: number;
  /** Separator runs with nothing between them. */
  emptyBlocks: number;
  /** Body lines read as headings (matched against the contents line). */
  headingLines: number;
  /** Heading-less blocks appended to the entry before them. */
  continuationBlocks: number;
  /** Deepest node depth (0 = top-level area). */
  maxDepth: number;
  /** Names of the depth-0 nodes, in document order. */
  topLevelAreas: string[];
}

/** Result of {@link parseTaxonomy}. */
export interface TaxonomyParseResult {
  /** Tree nodes in document order (a parent always precedes its children). */
  nodes: TaxonomyNode[];
  /** Entries in document order. */
  entries: TaxonomyEntry[];
  /** Blocks that could not be placed under any path (each also has a warning). */
  unplacedBlocks: number;
  warnings: TaxonomyWarning[];
  /** Headings that needed tolerant alignment against the contents line. */
  fuzzyHeadings: FuzzyHeading[];
  stats: TaxonomyStats;
}

/** Options of {@link parseTaxonomy}. */
export interface ParseTaxonomyOptions {
  /** File name used in error messages. */
  sourceFile?: string;
  /**
   * Top-level area headings in document order. Defaults to the curated list for the diffusion
   * taxonomy; headings are matched to it in order, so a name that also occurs deeper in the tree
   * (`Guidance`, `Inpainting`, `Restoration`) is an area only at its matching position.
   */
  topLevelAreas?: readonly AreaSpec[];
}
