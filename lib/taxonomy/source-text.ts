import { TaxonomyFormatError } from './errors';

/** One non-blank line of the body. */
export interface SourceLine {
  /** 1-based line number in the source text. */
  line: number;
  /** The line with surrounding whitespace removed. */
  text: string;
}

/** The lines between two separator lines. */
export interface SourceBlock {
  /** 1-based line number of the block's first non-blank line. */
  line: number;
  lines: SourceLine[];
}

/** A taxonomy export cut into its contents line and its blocks. */
export interface TaxonomySource {
  /** Line 1: every heading of the body run together. */
  contents: string;
  /** Non-empty blocks in document order. */
  blocks: SourceBlock[];
  /** Separator runs with nothing between them (the exporter writes a few). */
  emptyBlocks: number;
}

const BOM = '\uFEFF';
const NBSP = '\u00A0';

/**
 * Cuts an export into its contents line and its blocks.
 *
 * Blocks are separated by lines holding one U+00A0 (no-break space); blank lines inside a block
 * only space its lines out and are dropped. CRLF and a leading BOM are accepted.
 *
 * @param text the whole export
 * @param file source file name for error messages
 * @throws TaxonomyFormatError when line 1 is not a contents line or the body has no separator line
 */
export function readTaxonomySource(text: string, file: string): TaxonomySource {
  const rawLines = text.split(/\r\n|\r|\n/);
  const first = (rawLines[0] ?? '').replace(BOM, '');
  if (first.trim() === '' || isSeparator(first)) {
    throw new TaxonomyFormatError(
      file,
      1,
      'a contents line (every heading of the export run together) on line 1',
      first.trim() === '' ? 'an empty line' : 'a block separator',
    );
  }

  const blocks: SourceBlock[] = [];
  let emptyBlocks = 0;
  let separators = 0;
  let current: SourceLine[] = [];
  const close = (): void => {
    if (current.length > 0) blocks.push({ line: current[0]!.line, lines: current });
    else emptyBlocks++;
    current = [];
  };
  for (let i = 1; i < rawLines.length; i++) {
    const raw = rawLines[i]!;
    if (isSeparator(raw)) {
      separators++;
      close();
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed !== '') current.push({ line: i + 1, text: trimmed });
  }
  // The text after the last separator is a block too, but an empty tail is just the file's end.
  if (current.length > 0) close();

  if (separators === 0) {
    throw new TaxonomyFormatError(
      file,
      Math.min(rawLines.length, 2),
      'body blocks separated by lines holding one U+00A0 (no-break space); the text has none',
      rawLines.slice(1).find((line) => line.trim() !== '') ?? 'no body at all',
    );
  }
  return { contents: first.trim(), blocks, emptyBlocks };
}

// The exporter writes exactly one U+00A0; stray spaces around it (or a doubled one) change nothing.
function isSeparator(line: string): boolean {
  return line.includes(NBSP) && line.trim() === '';
}
