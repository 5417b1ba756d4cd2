/**
 * Low-level scanning helpers shared by the tokenizer. All of them are
 * iterative (no recursion) and, via a precomputed brace table, O(1) per
 * lookup — hostile input such as ten thousand unclosed `\href{` must not turn
 * the tokenizer quadratic.
 */

/** Result of reading a delimited argument: its inner text and the index just past it. */
export interface ScannedArg {
  content: string;
  end: number;
}

/** Input text plus its brace-matching table. */
export interface TexSource {
  readonly s: string;
  /** For each `{` index, the index of its matching `}`, or -1 if unbalanced (other indices: unused). */
  readonly closeOf: Int32Array;
}

// Optional arguments (`[3]`, `[width=0.5\linewidth]`) are short; a `[` with
// no `]` this close is treated as literal text, which also bounds the scan.
const MAX_OPTIONAL_ARG = 256;

/**
 * Precomputes brace matching in one pass. Backslash escapes pair up from the
 * start of the string exactly as the tokenizer reads them, so `\{` and `\}`
 * never count.
 */
export function createTexSource(s: string): TexSource {
  const closeOf = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let j = 0; j < s.length; j++) {
    const ch = s.charCodeAt(j);
    if (ch === 92 /* \ */) j++;
    else if (ch === 123 /* { */) stack.push(j);
    else if (ch === 125 /* } */) {
      const open = stack.pop();
      if (open !== undefined) closeOf[open] = j;
    }
  }
  return { s, closeOf };
}

/** Whether `ch` is an ASCII letter, i.e. can be part of a TeX control word. */
export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Index just past the ASCII letters starting at `i` (the name of a control word). */
export function controlWordEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && isLetter(s[j])) j++;
  return j;
}

/** Index of the first non-whitespace character at or after `i`. */
export function skipSpaces(s: string, i: number): number {
  let j = i;
  while (j < s.length && /\s/.test(s[j]!)) j++;
  return j;
}

/** Index of the `}` matching the `{` at `open`, or -1 when the group is never closed. */
export function findGroupEnd(src: TexSource, open: number): number {
  return src.s[open] === '{' ? src.closeOf[open]! : -1;
}

/**
 * Reads a braced argument verbatim (optionally after whitespace). Returns
 * null when the next thing is not a `{` or the group is unbalanced, so the
 * caller can decide how to degrade.
 */
export function readBracedArg(src: TexSource, i: number): ScannedArg | null {
  const j = skipSpaces(src.s, i);
  const close = findGroupEnd(src, j);
  if (close < 0) return null;
  return { content: src.s.slice(j + 1, close), end: close + 1 };
}

/**
 * Reads an optional `[…]` argument; brackets inside braces do not close it.
 * Returns null when there is none (or it does not close soon enough).
 */
export function readOptionalArg(src: TexSource, i: number): ScannedArg | null {
  const s = src.s;
  const j = skipSpaces(s, i);
  if (s[j] !== '[') return null;
  const limit = Math.min(s.length, j + MAX_OPTIONAL_ARG);
  for (let k = j + 1; k < limit; k++) {
    const ch = s[k];
    if (ch === '\\') k++;
    else if (ch === '{') {
      const close = findGroupEnd(src, k);
      if (close < 0) return null;
      k = close;
    } else if (ch === ']') return { content: s.slice(j + 1, k), end: k + 1 };
  }
  return null;
}

/**
 * End index of one TeX argument starting at `i` (after optional spaces): a
 * balanced `{…}` group, a single control sequence, or a single character.
 * Returns -1 when there is no usable argument (end of input, a closing brace,
 * a `$`, or an unbalanced group).
 */
export function texArgEnd(src: TexSource, i: number): number {
  const s = src.s;
  const j = skipSpaces(s, i);
  const ch = s[j];
  if (ch === undefined || ch === '}' || ch === '$') return -1;
  if (ch === '{') {
    const close = findGroupEnd(src, j);
    return close < 0 ? -1 : close + 1;
  }
  if (ch === '\\') {
    if (isLetter(s[j + 1])) return controlWordEnd(s, j + 1);
    return j + 1 < s.length ? j + 2 : -1;
  }
  return j + 1;
}
