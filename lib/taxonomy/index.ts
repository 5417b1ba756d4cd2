/**
 * The diffusion-method taxonomy: a note-taking app's flat export parsed into a tree of areas,
 * categories and methods with stable ids, paper titles, notes and captions.
 *
 * @module
 */
export { parseTaxonomy } from './parse-taxonomy';
export { splitMethodName, type MethodName } from './method-name';
export { alignContents, type AlignableLine, type ContentsAlignment, type ContentsGap, type HeadingMatch } from './align-contents';
export { classifyContent, type ClassifiedContent, type LineKind } from './line-kinds';
export { slugify } from './normalize';
export { TaxonomyFormatError } from './errors';
export { DIFFUSION_TOP_LEVEL_AREAS, areaName, type AreaSpec } from './top-level-areas';
export type {
  FuzzyHeading,
  ParseTaxonomyOptions,
  TaxonomyEntry,
  TaxonomyNode,
  TaxonomyNodeKind,
  TaxonomyParseResult,
  TaxonomyStats,
  TaxonomyWarning,
  TaxonomyWarningCode,
} from './types';
