/**
 * Search over the corpus: one tokenizer for Chinese and English, one options object for building
 * and loading the MiniSearch index, and a ranking that tries exact words before typos.
 */
export { tokenize, tokenizeField, foldText, isHanTerm, nameKey } from './tokenize';
export {
  entryDisplayFields,
  LEAN_STORED_FIELDS,
  paperDisplayFields,
  paperSearchDocuments,
  SEARCH_FIELDS,
  searchDocumentsFromCorpus,
  STORED_FIELDS,
  type DisplayFields,
  type SearchDocument,
  type SearchDocumentKind,
} from './search-documents';
export {
  createSearchIndex,
  loadPackedSearchIndex,
  loadSearchIndex,
  packIndex,
  packIndexInSlices,
  rankWithMiniSearch,
  searchHits,
  searchIndexOptions,
  SEARCH_INDEX_VERSION,
  type SearchFilters,
  type SearchHit,
  type SearchIndex,
  type StoredFieldSet,
} from './search-index';
export { packedSize, type PackedSearchIndex } from './packed-index';
