import { SourceFormatError } from '../source-format-error';
import type { DigestWarning } from './types';

/**
 * Thrown when a document cannot be parsed at all (wrong kind, unterminated
 * frontmatter, no entries). Entry-level problems are reported as
 * {@link DigestWarning}s instead so one bad entry never costs a whole file.
 *
 * This is the ONLY exception the digest parsers are allowed to throw; a
 * property test holds them to it.
 */
export class DigestFormatError extends SourceFormatError {
  override name = 'DigestFormatError';
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
