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
import { byteOfCodePoint, decodeUtf8Sequence, utf8SequenceLength } from './bytes';

/** The counts detection is based on, exposed for diagnostics and tests. */
export interface MojibakeEvidence {
  /** Non-ASCII characters that are in the code page. */
  codepageChars: number;
  /** Characters that belong to a lead+continuation group (complete or truncated). */
  groupedChars: number;
  /** Continuation bytes inside complete groups that decode to a valid character. */
  completeContinuations: number;
}

/**
 * Count the structural evidence for mojibake in a text: a greedy scan for a lead byte followed by
 * the continuation bytes it announces. One pass over the char codes with the open group in locals,
 * because importing ten thousand digests runs it over 40 MB (an array of one string per character
 * took 15× as long, most of it garbage collection).
 */
export function mojibakeEvidence(text: string): MojibakeEvidence {
  let codepageChars = 0;
  let groupedChars = 0;
  let completeContinuations = 0;
  const group: number[] = [];
  let want = 0;
  const close = () => {
    if (group.length > 1) {
      groupedChars += group.length;
      if (group.length === want && decodeUtf8Sequence(group) !== undefined) completeContinuations += want - 1;
    }
    group.length = 0;
    want = 0;
  };
  for (let k = 0; k < text.length; k++) {
    let cp = text.charCodeAt(k);
    if (cp >= 0xd800 && cp <= 0xdbff && k + 1 < text.length) {
      const low = text.charCodeAt(k + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        k++;
      }
    }
    const byte = byteOfCodePoint(cp);
    if (byte >= 0x80) codepageChars++;
    if (group.length > 0 && group.length < want && byte >= 0x80 && byte <= 0xbf) {
      group.push(byte);
      continue;
    }
    if (group.length > 0) close();
    const n = byte < 0 ? 0 : utf8SequenceLength(byte);
    if (n > 0) {
      want = n;
      group.push(byte);
    }
  }
  close();
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
