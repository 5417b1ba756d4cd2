/** A string folded for tolerant comparison, with the source offset of every folded character. */
export interface FoldedText {
  text: string;
  /** `offsets[k]` is the index in the source of folded character k; one extra entry marks the end. */
  offsets: number[];
}

// The contents line keeps Latin letters, digits, punctuation and `·`, but drops other scripts: the
// body's `PixArt-α` is `PixArt-` there, `Δ-DiT` is `-DiT`. Folding drops the same letters on both
// sides (plus case, spacing and combining marks) so the two spellings compare equal.
const DROPPED = /[\s\p{M}]|(?![\p{Script=Latin}])\p{L}/u;

/**
 * Folds a heading for comparison with the contents line: NFKC, lower case, no whitespace, no
 * combining marks, no letters outside the Latin script.
 *
 * @example foldHeading('PixArt-Σ').text // 'pixart-'
 */
export function foldHeading(source: string): FoldedText {
  let text = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of source) {
    for (const piece of char.normalize('NFKC').toLowerCase()) {
      if (DROPPED.test(piece)) continue;
      text += piece;
      offsets.push(index);
    }
    index += char.length;
  }
  offsets.push(source.length);
  return { text, offsets };
}

/**
 * Levenshtein distance, or `max + 1` as soon as it is known to exceed `max` (banded, so comparing
 * a short heading with a long line costs O(max · length), not O(length²)).
 *
 * @param a first string
 * @param b second string
 * @param max largest distance of interest
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let previous = new Array<number>(width);
  let current = new Array<number>(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current.fill(max + 1);
    current[0] = i;
    let best = from === 1 ? i : max + 1;
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * A heading as an id segment: lower case, accents dropped, runs of anything but letters and
 * digits turned into one `-`. Letters of every script are kept, so `PixArt-α` and `PixArt-Σ` stay
 * apart (`pixart-α`, `pixart-σ`).
 *
 * @returns the slug, possibly empty (a heading of punctuation only)
 */
export function slugify(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * FNV-1a over UTF-16 code units, as 7 base-36 digits: a short, stable tag for disambiguating ids.
 * Not cryptographic; it only has to be deterministic.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}
