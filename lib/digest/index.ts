/**
 * Digest document parsers: pure functions, strings in, data out.
 *
 * Typical use (corpus build):
 * ```ts
 * const results = files.map(([name, text]) => parseDigestDocument(repair(text), name));
 * const papers = mergeDigestEntries(results.flatMap((r) => r.entries));
 * ```
 */
import { detectDigestKind } from './detect';
import { excerpt } from '../source-format-error';
import { DigestFormatError } from './errors';
import { parseDailyDigest } from './parse-daily';
import { parseWeeklyOverview } from './parse-weekly';
import { splitLines } from './text';
import type { DigestParseResult } from './types';

export type {
  ChatPaperConclusion,
  ChatPaperNotes,
  ChatPaperUrls,
  DateRange,
  DigestEntry,
  DigestKind,
  DigestParseResult,
  DigestWarning,
  Provenance,
} from './types';
export { DigestFormatError } from './errors';
export { detectDigestKind } from './detect';
export { parseWeeklyOverview } from './parse-weekly';
export { parseDailyDigest } from './parse-daily';
export { parseChatPaperBlock } from './parse-chatpaper';
export { mergeDigestEntries } from './merge';

/**
 * Parses any digest document, dispatching on {@link detectDigestKind}.
 * @param text whole document (already mojibake-repaired where needed)
 * @param sourceFile file name recorded in provenance, warnings and errors
 * @throws DigestFormatError when the document is neither kind, or the chosen
 *   parser finds it unusable
 */
export function parseDigestDocument(text: string, sourceFile: string): DigestParseResult {
  const kind = detectDigestKind(text);
  if (kind === 'weekly') return parseWeeklyOverview(text, sourceFile);
  if (kind === 'daily') return parseDailyDigest(text, sourceFile);
  const lines = splitLines(text);
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  throw new DigestFormatError(
    sourceFile,
    Math.min(i + 1, Math.max(lines.length, 1)),
    "a weekly overview ('# YYYY-MM-DD--YYYY-MM-DD <title>' header) or a daily digest ('---' frontmatter with 'date:' and '## <title>' entries)",
    excerpt(lines[i] ?? ''),
  );
}
