import { SourceFormatError } from '../source-format-error';

/**
 * Thrown when a text is not a taxonomy export at all: no contents line, no U+00A0 block separators,
 * or a contents line that names none of the body's headings (a wrong or truncated file). Problems
 * inside an otherwise readable export are warnings instead, so one odd block never costs the file.
 *
 * This is the only exception `parseTaxonomy` may throw; a property test holds it to that.
 */
export class TaxonomyFormatError extends SourceFormatError {
  override name = 'TaxonomyFormatError';
}
