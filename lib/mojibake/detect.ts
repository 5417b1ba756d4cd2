/**
 * Detection of UTF-8-read-as-code-page mojibake.
 *
 * The signal is structural rather than lexical: in mojibake, characters whose
 * code-page byte is a UTF-8 lead byte are followed by exactly the right number
 * of characters whose bytes are continuation bytes, and those bytes decode to
 * a valid character. Clean text almost never does this: Chinese has no
 * code-page characters except punctuation such as “ ” … (continuation bytes
 * with no lead), and Western text puts accented letters next to ASCII.
 */
import { byteOfChar, decodeUtf8Sequence, utf8SequenceLength } from './bytes';

/** The counts detection is based on, exposed for diagnostics and tests. */
export interface MojibakeEvidence {
  /** Non-ASCII characters that are in the code page. */
  codepageChars: number;
  /** Characters that belong to a lead+continuation group (complete or truncated). */
  groupedChars: number;
  /** Continuation bytes inside complete groups that decode to a valid character. */
  completeContinuations: number;
}

/** Count the structural evidence for mojibake in a text. */
export function mojibakeEvidence(text: string): MojibakeEvidence {
  const chars = Array.from(text);
  const bytes = chars.map(byteOfChar);
  let codepageChars = 0;
  let groupedChars = 0;
  let completeContinuations = 0;
  for (const b of bytes) if (b !== undefined && b >= 0x80) codepageChars++;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b === undefined ? 0 : utf8SequenceLength(b);
    if (n === 0) {
      i++;
      continue;
    }
    const group = [b!];
    let j = i + 1;
    while (j < bytes.length && group.length < n) {
      const c = bytes[j];
      if (c === undefined || c < 0x80 || c > 0xbf) break;
      group.push(c);
      j++;
    }
    if (group.length > 1) {
      groupedChars += group.length;
      if (group.length === n && decodeUtf8Sequence(group) !== undefined) completeContinuations += n - 1;
    }
    i = Math.max(j, i + 1);
  }
  return { codepageChars, groupedChars, completeContinuations };
}

/**
 * Whether text looks like UTF-8 that was decoded as windows-1252/1254.
 *
 * Requires at least two continuation bytes' worth of complete, valid UTF-8
 * groups (one Chinese character, or two accented letters) so that a single
 * coincidence such as `×²` in a formula does not trigger a repair, and requires
 * that most code-page characters take part in such groups so that a long
 * French or German text with an occasional `é…` stays clean.
 */
export function looksLikeMojibake(text: string): boolean {
  const e = mojibakeEvidence(text);
  return e.completeContinuations >= 2 && e.groupedChars >= 0.6 * e.codepageChars;
}
