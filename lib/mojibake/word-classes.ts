/**
 * Word-class transitions: which kind of word tends to follow which.
 *
 * The character n-grams are learnt from the seeds, which are small, and the dictionary says how
 * frequent each word is but not what may follow it. So the commonest confusion, 与 / 中 / 不
 * (one damaged byte pattern), was decided mostly by their frequency in jieba's news-and-novels
 * counts. Their grammar tells them apart: 与 (preposition, conjunction) is followed by a noun
 * phrase, 中 (locative) closes one and is followed by punctuation or a verb, 不 (adverb) precedes a
 * verb or adjective. jieba tags each dictionary word with its part of speech; the training text,
 * segmented with the same dictionary, gives how often each class follows each other class.
 * Classes are few (about forty), so a small corpus estimates them well.
 */

const HAN = /^\p{Script=Han}$/u;

function isHan(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff && ch.length === 1) || (c >= 0x2e80 && HAN.test(ch));
}

/** Classes of tokens that are not dictionary words, by character. */
const CHAR_CLASSES: readonly [string, string][] = [
  ['，,', 'P,'],
  ['。.！!？?', 'P.'],
  ['、', 'P、'],
  ['：:', 'P:'],
  ['；;', 'P;'],
  ['（(【[', 'P('],
  ['）)】]', 'P)'],
  ['“‘「《"\'', 'P“'],
  ['”’」》', 'P”'],
];
const PUNCTUATION_CLASS = new Map<string, string>(CHAR_CLASSES.flatMap(([chars, name]) => Array.from(chars, (ch): [string, string] => [ch, name])));

/** Class of a single character that is not a dictionary word. */
export function charClassName(ch: string): string {
  const p = PUNCTUATION_CLASS.get(ch);
  if (p) return p;
  if (isHan(ch)) return 'H';
  if (/^[A-Za-z]$/.test(ch)) return 'L';
  if (/^[0-9]$/.test(ch)) return 'D';
  if (/^\s$/u.test(ch)) return 'W';
  return 'S';
}

/** jieba's part-of-speech tag reduced to its first letter (nr, ns, nz … are all nouns here). */
export function coarseTag(tag: string): string {
  return /^[a-z]/.test(tag) ? tag[0]! : 'x';
}

/** Class id of whitespace: it neither starts nor ends anything, the class before it carries over. */
export const TRANSPARENT = -2;

/** Class-to-class transition scores, log(P(next | prev) / P(next)). */
export class ClassTransitions {
  private readonly ids = new Map<string, number>();
  private readonly scores: Float64Array;
  private readonly size: number;
  private readonly charIds = new Map<string, number>();

  constructor(
    readonly names: readonly string[],
    counts: readonly number[],
    smoothing = 5,
  ) {
    this.size = names.length;
    names.forEach((name, i) => this.ids.set(name, i));
    const n = this.size;
    if (counts.length !== n * n) throw new Error('corrupt serialized model: class table size mismatch');
    const rowTotals = new Float64Array(n);
    const colTotals = new Float64Array(n);
    let total = 0;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        const c = counts[a * n + b]!;
        rowTotals[a] = rowTotals[a]! + c;
        colTotals[b] = colTotals[b]! + c;
        total += c;
      }
    this.scores = new Float64Array(n * n);
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        const marginal = (colTotals[b]! + 1) / (total + n);
        const conditional = (counts[a * n + b]! + smoothing * marginal) / (rowTotals[a]! + smoothing);
        this.scores[a * n + b] = Math.log(conditional / marginal);
      }
  }

  /** Id of a class name, or -1. */
  id(name: string): number {
    return this.ids.get(name) ?? -1;
  }

  /**
   * Class id of a single character that is not a dictionary word; {@link TRANSPARENT} for
   * whitespace, which a path passes through keeping the previous class ("与 NeRF" is p → letters).
   */
  charClass(ch: string): number {
    let v = this.charIds.get(ch);
    if (v === undefined) {
      const name = charClassName(ch);
      v = name === 'W' ? TRANSPARENT : this.id(name);
      if (this.charIds.size > 10_000) this.charIds.clear();
      this.charIds.set(ch, v);
    }
    return v;
  }

  /** Score of class `next` right after class `prev`; 0 when either is unknown (negative). */
  score(prev: number, next: number): number {
    return prev < 0 || next < 0 ? 0 : this.scores[prev * this.size + next]!;
  }
}

/** All class names a model may use: the dictionary's coarse tags, then the character classes. */
export function classNames(dictionaryTags: Iterable<string>): string[] {
  const tags = [...new Set(dictionaryTags)].sort();
  return [...tags, ...new Set(['H', 'L', 'D', 'S', ...CHAR_CLASSES.map(([, name]) => name)])];
}

/** Lexicon view that segmentation needs: word log-probability and prefix test. */
export interface SegmentationLexicon {
  readonly maxWordLength: number;
  wordLogProb(word: string): number | undefined;
  isPrefix(prefix: string): boolean;
}

/**
 * Most probable segmentation of one line under the unigram word model: Han runs split into
 * dictionary words (or single characters at `unknownLogProb`), everything else one character per
 * token. Returns the tokens.
 */
export function segmentLine(line: string, lexicon: SegmentationLexicon, unknownLogProb: number): string[] {
  const cps = Array.from(line);
  const n = cps.length;
  const best = new Float64Array(n + 1).fill(-Infinity);
  const from = new Int32Array(n + 1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === -Infinity) continue;
    const ch = cps[i]!;
    if (!isHan(ch)) {
      if (best[i]! > best[i + 1]!) {
        best[i + 1] = best[i]!;
        from[i + 1] = i;
      }
      continue;
    }
    let word = '';
    for (let j = i; j < n && j - i < lexicon.maxWordLength; j++) {
      if (!isHan(cps[j]!)) break;
      word += cps[j];
      const lp = lexicon.wordLogProb(word) ?? (j === i ? unknownLogProb : undefined);
      if (lp !== undefined && best[i]! + lp > best[j + 1]!) {
        best[j + 1] = best[i]! + lp;
        from[j + 1] = i;
      }
      if (!lexicon.isPrefix(word)) break;
    }
  }
  const tokens: string[] = [];
  for (let end = n; end > 0; end = from[end]!) tokens.push(cps.slice(from[end]!, end).join(''));
  return tokens.reverse();
}
