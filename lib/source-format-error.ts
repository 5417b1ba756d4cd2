/**
 * A source file that cannot be read as the format it claims: names the file, the 1-based line and
 * what was expected there, and quotes what was found.
 */
export class SourceFormatError extends Error {
  readonly file: string;
  readonly line: number;
  readonly expected: string;
  /** What stood where `expected` should have, shortened to one line; null when nothing did. */
  readonly found: string | null;

  constructor(file: string, line: number, expected: string, found: string | null = null) {
    const shown = found === null ? null : excerpt(found);
    super(`${file}:${line}: expected ${expected}${shown === null ? '' : `, found ${JSON.stringify(shown)}`}`);
    this.name = 'SourceFormatError';
    this.file = file;
    this.line = line;
    this.expected = expected;
    this.found = shown;
  }
}

/**
 * Text shortened for a message: whitespace runs folded, cut at `max` characters with an ellipsis.
 * A taxonomy contents line is one 16 kB line; a message quotes only its start.
 */
export function excerpt(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max)}…`;
}
