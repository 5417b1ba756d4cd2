export { buildCorpus, CorpusBuildError, type BuildCorpusOptions, type CorpusBuildResult, type CorpusWarning, type SourceDocument } from './build-corpus';
export { corpusStats, type CorpusStats } from './corpus-stats';
export { CorpusLookup, entriesByTitle, knowsPaper, taxonomyPlacement, type LookupResult, type TaxonomyPlacement } from './corpus-lookup';
export {
  CORPUS_SCHEMA_VERSION,
  CorpusSchema,
  CorpusPaperSchema,
  validateCorpus,
  type Corpus,
  type CorpusPaper,
  type CorpusSource,
  type CorpusTaxonomyEntry,
  type CorpusTaxonomyNode,
} from './corpus-schema';
export type { UncertainMark } from './uncertain-marks';
export { markedRuns, type TextRun } from './marked-text';
