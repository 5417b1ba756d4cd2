import type { DigestWarning } from './types';

/**
 * Thrown when a document cannot be parsed at all (wrong kind, unterminated
 * frontmatter, no entries). Entry-level problems are reported as
 * {@link DigestWarning}s instead so one bad entry never costs a whole file.
 *
 * This is the ONLY exception the digest parsers are allowed to throw; a
 * property test holds them to it.
 */
export class DigestFormatError extends Error {
  /** Source file name as given to the parser. */
  readonly file: string;
  /** 1-based line where the problem was noticed. */
  readonly line: number;
  /** What the parser expected to find there. */
  readonly expected: string;
  /** A short excerpt of what was found instead, if anything. */
  readonly found: string | null;

  /**
   * @param file source file name
   * @param line 1-based line number
   * @param expected description of the expected construct
   * @param found excerpt of the offending text (truncated for the message)
   */
  constructor(file: string, line: number, expected: string, found: string | null = null) {
    const shown = found === null ? '' : `, found ${JSON.stringify(excerpt(found))}`;
    super(`${file}:${line}: expected ${expected}${shown}`);
    this.name = 'DigestFormatError';
    this.file = file;
    this.line = line;
    this.expected = expected;
    this.found = found === null ? null : excerpt(found);
  }
}

/**
 * Shortens text for messages so a multi-kilobyte abstract never floods logs.
 * @param text any text
 * @param max maximum number of code units kept
 */
export function excerpt(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max)}…`;
}

/**
 * Collects warnings for one file; keeps call sites short and uniform.
 */
export class WarningSink {
  /** Collected warnings, in the order reported. */
  readonly items: DigestWarning[] = [];

  /** @param file source file name stamped on every warning */
  constructor(readonly file: string) {}

  /**
   * Records a warning.
   * @param line 1-based line
   * @param code machine-readable category
   * @param message human-readable explanation
   */
  warn(line: number, code: string, message: string): void {
    this.items.push({ file: this.file, line, code, message });
  }
}
