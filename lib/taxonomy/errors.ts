/**
 * Thrown when a text is not a taxonomy export at all: no contents line, no U+00A0 block separators,
 * or a contents line that names none of the body's headings (a wrong or truncated file). Problems
 * inside an otherwise readable export are warnings instead, so one odd block never costs the file.
 *
 * This is the only exception `parseTaxonomy` may throw; a property test holds it to that.
 */
export class TaxonomyFormatError extends Error {
  /** Source file name as given to the parser. */
  readonly file: string;
  /** 1-based line where the problem was noticed. */
  readonly line: number;
  /** What the parser expected to find there. */
  readonly expected: string;

  /**
   * @param file source file name
   * @param line 1-based line number
   * @param expected what should have been there
   * @param found an excerpt of what was there instead, if anything
   */
  constructor(file: string, line: number, expected: string, found: string | null = null) {
    const shown = found === null ? '' : `, found ${JSON.stringify(excerpt(found))}`;
    super(`${file}:${line}: expected ${expected}${shown}`);
    this.name = 'TaxonomyFormatError';
    this.file = file;
    this.line = line;
    this.expected = expected;
  }
}

// A contents line is one 16 kB line; messages quote only its start.
function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
