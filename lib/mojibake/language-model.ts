/**
 * Language model used to choose among candidate fills of damaged characters.
 *
 * Four parts, each behind a small interface so that a later build can ship a
 * compact serialized model instead of training in place:
 *  - a character model: interpolated Kneser–Ney n-grams trained on clean
 *    documents of the digest genre, interpolated with the character bigrams
 *    implied by the jieba dictionary (the seeds know the genre but are small;
 *    the dictionary knows the language), over a Unicode-block prior;
 *  - a unigram word model over the dictionary, used by the decoder to score
 *    the best segmentation of each hypothesis, so words longer than the
 *    n-gram window still count;
 *  - long-range trigger pairs from the seeds (在…中, 与…相比), scored as
 *    smoothed PMI with undamaged characters a few positions away;
 *  - word-class transitions (word-classes.ts): jieba's part-of-speech tags
 *    and how often each class follows each other in the training text.
 *
 * Everything here is pure: the dictionary arrives as a string.
 */
import { isDamagedByCorruption } from './corrupt';
import { looksLikeMojibake } from './detect';
import { ClassTransitions, classNames, coarseTag, segmentLine, TRANSPARENT } from './word-classes';

/** Conditional character probabilities. */
export interface CharLanguageModel {
  /** Number of characters in an n-gram; contexts are the previous order-1 code points. */
  readonly order: number;
  /** Natural log of P(ch | context). `context` is at most order-1 code points; '\n' pads line starts. */
  logProb(context: string, ch: string): number;
}

/** Word unigram model used for segmentation scoring. */
export interface WordLexicon {
  /** Longest word (in code points) the lexicon holds. */
  readonly maxWordLength: number;
  /** Natural log of the word's unigram probability, or undefined when it is not a word. */
  wordLogProb(word: string): number | undefined;
  /** Whether some word of the lexicon is strictly longer and starts with `prefix`. */
  isPrefix(prefix: string): boolean;
  /** Word class id of a dictionary word (see word-classes.ts), or -1. */
  wordClass(word: string): number;
}

/**
 * Long-range collocations such as 在…中, 与…相比, 通过…来: support that
 * undamaged characters a few positions away give a candidate. A trigram
 * cannot see them, and 中/与/不 (which share one damaged byte pattern) are the
 * commonest confusion. The measured gain is small (about +0.25 points on
 * cross-validation folds of the seeds), since the seeds are small.
 */
export interface TriggerModel {
  /** Farthest distance (in characters) a trigger is looked for. */
  readonly window: number;
  /**
   * Sum of smoothed PMI between `ch` and each distinct character of `before`
   * (characters 2..window to the left) and of `after` (2..window to the right).
   */
  score(ch: string, before: readonly string[], after: readonly string[]): number;
}

/** Characters that end a clause for trigger purposes: collocations rarely cross them. */
export const CLAUSE_END = new Set(Array.from('。！？；\n!?;'));

/**
 * Knobs of the decoder and of uncertainty marking. First tuned on test/fixtures/mojibake/dev-zh.txt
 * and cross-validation folds of the seeds; the word, class and margin settings since on the tuning
 * split of the real digests; never on held-out text (see data/tools/repair-eval.ts).
 */
export interface RepairWeights {
  /** Multiplier of the character-model log-probability. */
  charWeight: number;
  /** Multiplier of the word-segmentation log-probability. */
  wordWeight: number;
  /**
   * How many seed occurrences of the previous character it takes for the seed
   * n-grams to get half the weight against the dictionary's character bigrams
   * (Witten–Bell-like interpolation: seeds count more where they have seen more).
   */
  seedContextStrength: number;
  /** Multiplier of the long-range trigger support. */
  triggerWeight: number;
  /** Word log-probability of a single Han character the dictionary does not list. */
  unknownHanLogProb: number;
  /** Word log-probability of any single non-Han character (punctuation, Latin, symbols). */
  symbolLogProb: number;
  /**
   * A damaged character the best path reads as a word on its own (or as part of text the dictionary
   * does not know) is marked uncertain when its margin (nats) to the runner-up is below this.
   */
  uncertainMargin: number;
  /**
   * The margin below which a damaged character is marked when the best path reads it inside a
   * dictionary word of two or more characters, at least one of them undamaged (a word made only of
   * guesses, such as 送来 for a damaged 逐步, does not count). Such a choice is backed by text that
   * was read, and the model is wrong far less often at the same margin: on the tuning split 70% of
   * the damaged characters but only one wrong one in seven are in such a word. The wrong
   * ones are mostly lone characters: 与/中/不, and domain words jieba lacks read as a common
   * character (混叠 as 混占).
   */
  uncertainMarginInWord: number;
  /** Alternatives listed for an uncertain character are those within this many nats of the chosen one. */
  alternativeWindow: number;
  /** Multiplier of the word-class transition score (see word-classes.ts). */
  classWeight: number;
}

/**
 * Defaults, chosen on the tuning split of the real digests (data/tools/real-digests.ts), never on
 * the held-out split. wordWeight 1 and classWeight 0.4 cut wrong characters by about a tenth
 * against 0.6 and no classes. uncertainMargin 6 marks 96.6% of the wrong characters there (4.5
 * marked 87%, and there is a cluster of errors just below 6 nats). Inside a word read in part
 * (uncertainMarginInWord) 5 nats are enough: together they still mark 96.1% of the wrong characters
 * there, with 9% fewer marks on right characters than 6 nats everywhere. 4 nats would mark 95.9%
 * there with 15% fewer, but only 88% of the errors on the held-out fixture, where the word errors
 * sit between 4 and 5 nats.
 */
export const DEFAULT_WEIGHTS: RepairWeights = Object.freeze({
  charWeight: 1,
  wordWeight: 1,
  seedContextStrength: 20,
  triggerWeight: 1,
  unknownHanLogProb: -22,
  symbolLogProb: -9,
  uncertainMargin: 6,
  uncertainMarginInWord: 5,
  alternativeWindow: 8,
  classWeight: 0.4,
});

/** Plain-data form of a trained model; JSON.stringify-able and accepted by {@link repairModelFromJSON}. */
export interface SerializedRepairModel {
  format: 'mojibake-repair-model';
  version: 1;
  order: number;
  /** All n-grams of length `order`, concatenated (each exactly `order` code points). */
  ngrams: string;
  /** Count of each n-gram, same order as `ngrams`. */
  ngramCounts: number[];
  /** Dictionary words joined by '\n' (may be empty when trained without a dictionary). */
  words: string;
  /** Frequency of each word, same order as `words`. */
  wordFreqs: number[];
  /** Word classes (see word-classes.ts); absent in models trained without them. */
  classNames?: string[];
  /** Class of each word, same order as `words`, one character each: U+0100 + class index. */
  wordClasses?: string;
  /** Class bigram counts in the training text, classNames.length² numbers, row = previous class. */
  classBigrams?: number[];
  /** Trigger window used in training (0 when there are no triggers). */
  triggerWindow: number;
  /** Ordered Han pairs (a before b, 2..window apart, same clause) seen at least twice, concatenated 2 code points each. */
  triggerPairs: string;
  triggerPairCounts: number[];
  /** Characters with their counts as the first / second member of any pair (before pruning). */
  triggerChars: string;
  triggerFirstCounts: number[];
  triggerSecondCounts: number[];
  triggerTotal: number;
  weights: RepairWeights;
}

/** A trained model: character n-grams, optional word lexicon and triggers, decoder weights. */
export interface RepairModel {
  readonly chars: CharLanguageModel;
  readonly words?: WordLexicon;
  readonly triggers?: TriggerModel;
  readonly classes?: ClassTransitions;
  readonly weights: RepairWeights;
  /** Plain data that {@link repairModelFromJSON} turns back into an equivalent model. */
  toJSON(): SerializedRepairModel;
}

const PAD = '\n';
const HAN = /^\p{Script=Han}$/u;
const hanCache = new Map<string, boolean>();

/** Whether a single character is a Han ideograph. */
export function isHan(ch: string): boolean {
  const c = ch.charCodeAt(0);
  // Fast paths: the URO block and everything below U+2E80 cover nearly every call; the regex is authoritative for the rest.
  if (c >= 0x4e00 && c <= 0x9fff) return ch.length === 1;
  if (c < 0x2e80) return false;
  let v = hanCache.get(ch);
  if (v === undefined) {
    v = HAN.test(ch);
    if (hanCache.size > 10_000) hanCache.clear();
    hanCache.set(ch, v);
  }
  return v;
}

function codePoints(s: string): string[] {
  return Array.from(s);
}

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

/** Last `n` code points of `s` (n >= 0). */
export function suffixCodePoints(s: string, n: number): string {
  if (n <= 0) return '';
  let i = s.length;
  let k = 0;
  while (i > 0 && k < n) {
    const c = s.charCodeAt(i - 1);
    i -= c >= 0xdc00 && c <= 0xdfff && i >= 2 && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff ? 2 : 1;
    k++;
  }
  return s.slice(i);
}

/** Parse jieba's `word freq [tag]` lines into word -> frequency (duplicates add up); malformed lines are skipped. */
export function parseJiebaDictionary(text: string): Map<string, number> {
  const out = new Map<string, number>();
  forEachDictionaryEntry(text, (word, freq) => out.set(word, (out.get(word) ?? 0) + freq));
  return out;
}

/**
 * jieba-format dictionary text with the frequency of every word of two or more characters that
 * `counts` also holds replaced by that count, scaled so that those words keep their total. Single
 * characters keep jieba's frequencies: a corpus segmented by other rules counts them differently
 * (BCC counts 球 above 热 as words on their own, and the repair then reads 热图像 as 球图像), while
 * its counts of longer words are what tells 进步 from 进来 in written prose. Lines that do not parse
 * are kept as they are.
 */
export function reweightDictionary(dictionary: string, counts: ReadonlyMap<string, number>): string {
  // One pass finds the lines to rewrite (word, frequency digits, the rest); most lines are copied as they are.
  const hits: { start: number; space: number; digitsEnd: number; freq: number; count: number }[] = [];
  let jiebaSum = 0;
  let countSum = 0;
  for (let start = 0; start < dictionary.length; ) {
    let end = dictionary.indexOf('\n', start);
    if (end < 0) end = dictionary.length;
    const space = dictionary.indexOf(' ', start);
    if (space > start && space < end) {
      const word = dictionary.slice(start, space);
      const count = counts.get(word);
      if (count !== undefined && count > 0 && codePointLength(word) > 1) {
        let digitsEnd = space + 1;
        while (digitsEnd < end && dictionary.charCodeAt(digitsEnd) >= 48 && dictionary.charCodeAt(digitsEnd) <= 57) digitsEnd++;
        const freq = Number(dictionary.slice(space + 1, digitsEnd));
        if (digitsEnd > space + 1 && (digitsEnd === end || dictionary[digitsEnd] === ' ')) {
          hits.push({ start, space, digitsEnd, freq, count });
          jiebaSum += freq;
          countSum += count;
        }
      }
    }
    start = end + 1;
  }
  if (countSum === 0) return dictionary;
  const scale = jiebaSum / countSum;
  const parts: string[] = [];
  let copied = 0;
  for (const hit of hits) {
    parts.push(dictionary.slice(copied, hit.space + 1), String(Math.max(1, Math.round(hit.count * scale))));
    copied = hit.digitsEnd;
  }
  parts.push(dictionary.slice(copied));
  return parts.join('');
}

/** Stream `word freq` pairs out of jieba-format text without building per-line substrings. */
function forEachDictionaryEntry(text: string, visit: (word: string, freq: number, tag: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let sp = i;
    while (sp < n && text.charCodeAt(sp) !== 32 && text.charCodeAt(sp) !== 10) sp++;
    if (sp >= n || text.charCodeAt(sp) === 10 || sp === i) {
      i = sp + 1;
      continue;
    }
    let j = sp + 1;
    let freq = 0;
    let digits = 0;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c < 48 || c > 57) break;
      freq = freq * 10 + (c - 48);
      digits++;
    }
    const word = text.slice(i, sp);
    let eol = text.indexOf('\n', j);
    if (eol < 0) eol = n;
    i = eol + 1;
    if (digits > 0 && freq > 0) visit(word, freq, text.slice(j, eol).trim());
  }
}

// Scripts a machine-learning digest plausibly contains. Candidate fills of a
// damaged 4-byte sequence are often letters of historic scripts (Shavian,
// Linear B, ...) sitting next to the intended math italic or emoji.
const USUAL_SCRIPT = /^[\p{Script=Han}\p{Script=Latin}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Bopomofo}]$/u;
const UNUSUAL_SCRIPT_PENALTY = 8;
const BUCKET_BITS = 8;
const BUCKETS = 0x110000 >> BUCKET_BITS;

/** Character statistics of the training documents, recovered from the top-order n-gram counts. */
class CorpusStats {
  /** Occurrences of each character as a token. */
  readonly tokens = new Map<string, number>();
  /** Occurrences per 256-code-point block. */
  readonly buckets = new Map<number, number>();
  /** Non-Han characters seen right after a Han character, with counts. */
  readonly afterHan = new Map<string, number>();
  total = 0;
  hanToHan = 0;
  hanToOther = 0;

  constructor(topCounts: Map<string, number>) {
    for (const [gram, c] of topCounts) {
      const cps = codePoints(gram);
      const last = cps[cps.length - 1]!;
      this.tokens.set(last, (this.tokens.get(last) ?? 0) + c);
      const b = last.codePointAt(0)! >> BUCKET_BITS;
      this.buckets.set(b, (this.buckets.get(b) ?? 0) + c);
      this.total += c;
      const prev = cps[cps.length - 2];
      if (prev !== undefined && isHan(prev)) {
        if (isHan(last)) this.hanToHan += c;
        else {
          this.hanToOther += c;
          this.afterHan.set(last, (this.afterHan.get(last) ?? 0) + c);
        }
      }
    }
  }
}

/** Numeric key of a character (its code point). */
function charKey(ch: string): number {
  return ch.codePointAt(0)!;
}

const PACK_BASE = 0x3000;
const PACK_LIMIT = 0xa000;

/**
 * Key of an ordered pair of code points. Pairs inside U+3000..U+9FFF (CJK
 * punctuation, kana, ideographs: nearly every dictionary pair) pack into 30
 * bits, which V8 keeps as small integers; anything else gets a string key.
 */
function pairKey(a: number, b: number): number | string {
  if (a >= PACK_BASE && a < PACK_LIMIT && b >= PACK_BASE && b < PACK_LIMIT) return ((a - PACK_BASE) << 15) | (b - PACK_BASE);
  return String.fromCodePoint(a, b);
}

/**
 * Everything the model derives from the dictionary, computed in one pass over
 * its words: the word unigram with its prefix set, character frequencies for
 * the prior, and the transition counts behind the dictionary bigram.
 * Character-level tables use numeric keys: building them from ~350k words is
 * the bulk of training time, and numbers avoid allocating a string per pair.
 */
class DictionaryStats {
  readonly wordLogP = new Map<string, number>();
  readonly wordClass = new Map<string, number>();
  readonly prefixes = new Set<string>();
  maxWordLength = 1;
  /** Σ frequency of words containing the character, per occurrence. */
  readonly charFreq = new Map<number, number>();
  charTotal = 0;
  /** Σ frequency of words in which the first character is followed by the second. */
  readonly inner = new Map<number | string, number>();
  /** Σ frequency of words starting / ending with the character. */
  readonly starting = new Map<number, number>();
  readonly ending = new Map<number, number>();
  wordTotal = 0;

  constructor(words: readonly string[], freqs: readonly number[], classes?: string) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const f = freqs[i]!;
      if (classes && !this.wordClass.has(w)) this.wordClass.set(w, classes.charCodeAt(i) - CLASS_CODE_BASE);
      this.wordTotal += f;
      // Duplicates add up; the value is a raw frequency until the total is known.
      this.wordLogP.set(w, (this.wordLogP.get(w) ?? 0) + f);
      let prev = -1;
      let len = 0;
      for (let k = 0; k < w.length; k++) {
        const cp = w.codePointAt(k)!;
        if (cp > 0xffff) k++;
        if (len > 0) {
          const key = pairKey(prev, cp);
          this.inner.set(key, (this.inner.get(key) ?? 0) + f);
          this.prefixes.add(w.slice(0, cp > 0xffff ? k - 1 : k));
        } else this.starting.set(cp, (this.starting.get(cp) ?? 0) + f);
        this.charFreq.set(cp, (this.charFreq.get(cp) ?? 0) + f);
        prev = cp;
        len++;
      }
      if (len > 0) this.ending.set(prev, (this.ending.get(prev) ?? 0) + f);
      if (len > this.maxWordLength) this.maxWordLength = len;
      this.charTotal += f * len;
    }
    const logTotal = Math.log(this.wordTotal);
    for (const [w, f] of this.wordLogP) this.wordLogP.set(w, Math.log(f) - logTotal);
  }
}

/**
 * Character prior. Han characters: relative frequency inside dictionary words
 * (weighted by word frequency). Everything else, and the floor under Han: the
 * corpus frequency of the character's 256-code-point block spread over the
 * block, with an extra penalty for scripts a digest does not use. The block
 * prior is what ranks "、" above "㍀" and "！" above an Arabic presentation form
 * when the n-grams have never seen the context.
 */
class CharPrior {
  private readonly cache = new Map<string, number>();
  private readonly dictMass: number;

  constructor(
    private readonly dict: DictionaryStats,
    private readonly corpus: CorpusStats,
  ) {
    this.dictMass = dict.charTotal > 0 ? 0.99 : 0;
  }

  private floorProb(ch: string): number {
    const b = ch.codePointAt(0)! >> BUCKET_BITS;
    const blockP = ((this.corpus.buckets.get(b) ?? 0) + 0.5) / (this.corpus.total + 0.5 * BUCKETS);
    return (blockP / (1 << BUCKET_BITS)) * Math.exp(USUAL_SCRIPT.test(ch) ? 0 : -UNUSUAL_SCRIPT_PENALTY);
  }

  logProb(ch: string): number {
    let lp = this.cache.get(ch);
    if (lp !== undefined) return lp;
    const f = this.dict.charFreq.get(charKey(ch)) ?? 0;
    const p = (f > 0 ? (this.dictMass * f) / this.dict.charTotal : 0) + (1 - this.dictMass) * this.floorProb(ch);
    lp = Math.log(p);
    this.cache.set(ch, lp);
    return lp;
  }
}

/**
 * Character bigram model implied by the dictionary read as a unigram word
 * model: inside a word, transitions are counted (weighted by word frequency);
 * after a word's last character the next word starts independently, or a
 * non-Han character (punctuation, Latin) follows. This is what tells the
 * repair that 偏好 is a word although the seeds never wrote it, and that 中
 * (a word on its own) may be followed by "，" while 不 rarely is.
 */
class DictionaryBigram {
  /** P(next character is not Han | a word just ended). */
  private readonly otherAfterEnd: number;
  private readonly afterHanTotal: number;

  constructor(
    private readonly dict: DictionaryStats,
    private readonly corpus: CorpusStats,
    private readonly prior: CharPrior,
  ) {
    // Seeds say how often a Han character is followed by something else; the dictionary says how often a
    // Han character ends a word. Their ratio is the chance a word end is followed by non-Han text.
    const otherAfterHan = corpus.hanToOther / Math.max(1, corpus.hanToOther + corpus.hanToHan);
    const endRate = dict.charTotal > 0 ? dict.wordTotal / dict.charTotal : 1;
    this.otherAfterEnd = Math.min(0.9, Math.max(0.02, otherAfterHan / endRate));
    this.afterHanTotal = corpus.hanToOther;
  }

  /** Distribution of non-Han characters after a word: what the seeds put after Han text, smoothed by the prior. */
  private otherProb(ch: string): number {
    const seen = this.corpus.afterHan.get(ch) ?? 0;
    const k = 50;
    return (seen + k * Math.exp(this.prior.logProb(ch))) / (this.afterHanTotal + k);
  }

  /** P(ch | prev), not logged. */
  prob(prev: string, ch: string): number {
    const d = this.dict;
    if (d.wordTotal === 0) return 0;
    const han = isHan(ch);
    const c = charKey(ch);
    const afterEnd = han ? (1 - this.otherAfterEnd) * ((d.starting.get(c) ?? 0) / d.wordTotal) : this.otherAfterEnd * this.otherProb(ch);
    if (prev === '') return afterEnd;
    const p = charKey(prev);
    const out = d.charFreq.get(p);
    if (!out) return afterEnd;
    const inner = han ? (d.inner.get(pairKey(p, c)) ?? 0) : 0;
    return (inner + (d.ending.get(p) ?? 0) * afterEnd) / out;
  }
}

/**
 * Interpolated Kneser–Ney character model. Only the top-order counts are
 * stored; every lower-order continuation count is a suffix statistic of them,
 * which keeps the serialized form small and the rebuild exact.
 */
class KneserNeyCharModel implements CharLanguageModel {
  readonly order: number;
  /** Index k (1..order): n-gram of k code points -> count (raw for k = order, continuation otherwise). */
  private readonly counts: Map<string, number>[] = [];
  /** Index k: context of k-1 code points -> [sum of counts, number of distinct followers]. */
  private readonly contexts: Map<string, [number, number]>[] = [];
  private readonly discounts: number[] = [];

  constructor(
    order: number,
    topCounts: Map<string, number>,
    private readonly prior: CharPrior,
    private readonly stats: CorpusStats,
  ) {
    this.order = order;
    for (let k = 0; k <= order; k++) {
      this.counts.push(new Map());
      this.contexts.push(new Map());
    }
    this.counts[order] = topCounts;
    // Continuation count of a k-gram = number of distinct characters seen before it.
    for (let k = order - 1; k >= 1; k--) {
      const higher = this.counts[k + 1]!;
      const lower = this.counts[k]!;
      for (const gram of higher.keys()) {
        const suffix = suffixCodePoints(gram, k);
        lower.set(suffix, (lower.get(suffix) ?? 0) + 1);
      }
    }
    for (let k = 1; k <= order; k++) {
      const ctx = this.contexts[k]!;
      let n1 = 0;
      let n2 = 0;
      for (const [gram, c] of this.counts[k]!) {
        const h = gram.slice(0, gram.length - suffixCodePoints(gram, 1).length);
        const entry = ctx.get(h);
        if (entry) {
          entry[0] += c;
          entry[1] += 1;
        } else ctx.set(h, [c, 1]);
        if (c === 1) n1++;
        else if (c === 2) n2++;
      }
      // Standard estimate D = n1 / (n1 + 2 n2); clamped because tiny corpora make it noisy.
      const d = n1 + n2 > 0 ? n1 / (n1 + 2 * n2) : 0.75;
      this.discounts[k] = Math.min(0.95, Math.max(0.3, d));
    }
  }

  /** How often `ch` occurred in the training documents. */
  occurrences(ch: string): number {
    return this.stats.tokens.get(ch) ?? 0;
  }

  /** P(ch | context), not logged. */
  prob(context: string, ch: string): number {
    let p = Math.exp(this.prior.logProb(ch));
    const ctxLen = codePointLength(context);
    for (let k = 1; k <= this.order; k++) {
      if (k - 1 > ctxLen) break;
      const h = suffixCodePoints(context, k - 1);
      const entry = this.contexts[k]!.get(h);
      if (!entry) continue;
      const c = this.counts[k]!.get(h + ch) ?? 0;
      const d = this.discounts[k]!;
      p = Math.max(c - d, 0) / entry[0] + ((d * entry[1]) / entry[0]) * p;
    }
    return p;
  }

  logProb(context: string, ch: string): number {
    return Math.log(this.prob(context, ch));
  }
}

/**
 * The character model the decoder uses: seed Kneser–Ney n-grams interpolated
 * with the dictionary bigram, weighting the seeds by how often they have seen
 * the previous character. The seeds know the genre (扩散, 去噪, 采样 …) but are
 * small; the dictionary knows the language but not the genre.
 */
class InterpolatedCharModel implements CharLanguageModel {
  readonly order: number;
  /** context -> character -> log-probability; nested so lookups need no key concatenation. */
  private readonly cache = new Map<string, Map<string, number>>();
  private cached = 0;

  constructor(
    private readonly seeds: KneserNeyCharModel,
    private readonly dict: DictionaryBigram,
    private readonly prior: CharPrior,
    private readonly strength: number,
  ) {
    this.order = seeds.order;
  }

  logProb(context: string, ch: string): number {
    let row = this.cache.get(context);
    if (row === undefined) {
      // The decoder asks the same few thousand questions over and over; bound the memo so memory stays flat.
      if (this.cached > 1_000_000) {
        this.cache.clear();
        this.cached = 0;
      }
      this.cache.set(context, (row = new Map()));
    }
    const hit = row.get(ch);
    if (hit !== undefined) return hit;
    const prev = suffixCodePoints(context, 1);
    const seen = this.seeds.occurrences(prev);
    const lambda = seen / (seen + this.strength);
    // The dictionary never contains punctuation; the floor keeps its side from vetoing a character outright.
    const dictP = 0.98 * this.dict.prob(prev, ch) + 0.02 * Math.exp(this.prior.logProb(ch));
    const lp = Math.log(lambda * this.seeds.prob(context, ch) + (1 - lambda) * dictP);
    row.set(ch, lp);
    this.cached++;
    return lp;
  }
}

/** Unigram word model over the dictionary, with a prefix set for trie-like walks. */
class DictionaryLexicon implements WordLexicon {
  readonly maxWordLength: number;

  constructor(private readonly dict: DictionaryStats) {
    this.maxWordLength = dict.maxWordLength;
  }

  wordLogProb(word: string): number | undefined {
    return this.dict.wordLogP.get(word);
  }

  isPrefix(prefix: string): boolean {
    return this.dict.prefixes.has(prefix);
  }

  wordClass(word: string): number {
    return this.dict.wordClass.get(word) ?? -1;
  }
}

/** Smoothed-PMI trigger pairs. */
class PairTriggers implements TriggerModel {
  private readonly pairs = new Map<number | string, number>();
  private readonly first = new Map<number, number>();
  private readonly second = new Map<number, number>();
  private readonly cache = new Map<number | string, number>();
  private readonly total: number;

  constructor(
    readonly window: number,
    data: SerializedRepairModel,
  ) {
    const pairCps = codePoints(data.triggerPairs);
    for (let i = 0; i < data.triggerPairCounts.length; i++) {
      this.pairs.set(pairKey(charKey(pairCps[2 * i]!), charKey(pairCps[2 * i + 1]!)), data.triggerPairCounts[i]!);
    }
    const chars = codePoints(data.triggerChars);
    for (let i = 0; i < chars.length; i++) {
      this.first.set(charKey(chars[i]!), data.triggerFirstCounts[i]!);
      this.second.set(charKey(chars[i]!), data.triggerSecondCounts[i]!);
    }
    this.total = data.triggerTotal;
  }

  /** log((n + β) / (E + β)): PMI shrunk toward 0 where counts are small. */
  private pmi(a: number, b: number): number {
    const key = pairKey(a, b);
    let v = this.cache.get(key);
    if (v !== undefined) return v;
    const n = this.pairs.get(key) ?? 0;
    const expected = ((this.first.get(a) ?? 0) * (this.second.get(b) ?? 0)) / Math.max(1, this.total);
    const beta = 5;
    v = Math.log((n + beta) / (expected + beta));
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(key, v);
    return v;
  }

  score(ch: string, before: readonly string[], after: readonly string[]): number {
    const c = charKey(ch);
    if (this.total === 0 || !this.second.has(c)) return 0;
    // Naive-Bayes style: every nearby character is independent evidence, for or against.
    let s = 0;
    for (const t of new Set(before)) s += this.pmi(charKey(t), c);
    for (const t of new Set(after)) s += this.pmi(c, charKey(t));
    return s;
  }
}

/** Count ordered Han pairs 2..window apart inside one clause. */
function countTriggerPairs(
  corpus: readonly string[],
  window: number,
): Pick<
  SerializedRepairModel,
  'triggerWindow' | 'triggerPairs' | 'triggerPairCounts' | 'triggerChars' | 'triggerFirstCounts' | 'triggerSecondCounts' | 'triggerTotal'
> {
  const pairs = new Map<number | string, number>();
  const first = new Map<number, number>();
  const second = new Map<number, number>();
  const clauseEnds = new Set([...CLAUSE_END].map(charKey));
  let total = 0;
  for (const doc of corpus) {
    const cps: number[] = [];
    const han: boolean[] = [];
    for (const ch of doc) {
      cps.push(charKey(ch));
      han.push(isHan(ch));
    }
    let clauseStart = 0;
    for (let i = 0; i < cps.length; i++) {
      const b = cps[i]!;
      if (clauseEnds.has(b)) {
        clauseStart = i + 1;
        continue;
      }
      if (!han[i]) continue;
      for (let j = Math.max(clauseStart, i - window); j <= i - 2; j++) {
        if (!han[j]) continue;
        const a = cps[j]!;
        const key = pairKey(a, b);
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
        first.set(a, (first.get(a) ?? 0) + 1);
        second.set(b, (second.get(b) ?? 0) + 1);
        total++;
      }
    }
  }
  const pairParts: string[] = [];
  const triggerPairCounts: number[] = [];
  for (const [key, c] of pairs) {
    // With β = 5 a singleton moves a PMI by at most log(1.2); not worth its share of the model size.
    if (c < 2) continue;
    pairParts.push(typeof key === 'string' ? key : String.fromCodePoint((key >> 15) + PACK_BASE, (key & 0x7fff) + PACK_BASE));
    triggerPairCounts.push(c);
  }
  const chars = [...new Set([...first.keys(), ...second.keys()])];
  return {
    triggerWindow: window,
    triggerPairs: pairParts.join(''),
    triggerPairCounts,
    triggerChars: String.fromCodePoint(...chars),
    triggerFirstCounts: chars.map((c) => first.get(c) ?? 0),
    triggerSecondCounts: chars.map((c) => second.get(c) ?? 0),
    triggerTotal: total,
  };
}

/** Options of {@link trainRepairModel}. */
export interface TrainRepairModelInput {
  /** Clean documents of the target genre. Documents that themselves look like mojibake are ignored. */
  corpus: string[];
  /** jieba-format dictionary text (`word freq tag` per line). */
  dictionary?: string;
  /** n-gram order; 3 unless overridden. */
  order?: number;
  /** Longest dictionary word kept, in code points; longer idioms rarely help and cost prefix memory. */
  maxWordLength?: number;
  /** Dictionary words with a frequency below this are dropped (for smaller serialized models). */
  minWordFreq?: number;
  /**
   * Keep every dictionary word that holds a character the damage can hit, whatever minWordFreq says
   * (default true). Only those words can tell the candidates of a damaged character apart, and the
   * rare ones are where the genre's vocabulary lives (锐化, 掩膜, 掩码 are counted 2 to 7 times).
   */
  keepDamageableWords?: boolean;
  /** Trigger window in characters (0 disables triggers); 10 unless overridden. */
  triggerWindow?: number;
  /** Override decoder weights. */
  weights?: Partial<RepairWeights>;
  /** Learn word-class transitions (default true; needs a dictionary). */
  wordClasses?: boolean;
}

function cleanDocuments(corpus: readonly string[]): string[] {
  return corpus.filter((doc) => !looksLikeMojibake(doc));
}

function countNgrams(corpus: readonly string[], order: number): Map<string, number> {
  const counts = new Map<string, number>();
  const pad = PAD.repeat(order - 1);
  for (const doc of corpus) {
    for (const line of doc.split('\n')) {
      const cps = codePoints(pad + line + PAD);
      for (let i = order - 1; i < cps.length; i++) {
        let gram = '';
        for (let j = i - order + 1; j <= i; j++) gram += cps[j];
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Word classes are stored one character per word, from this code point up. */
const CLASS_CODE_BASE = 0x100;

function selectWords(dictionary: string, maxWordLength: number, minWordFreq: number, keepDamageable: boolean): [string[], number[], string[]] {
  const words: string[] = [];
  const freqs: number[] = [];
  const tags: string[] = [];
  forEachDictionaryEntry(dictionary, (word, freq, tag) => {
    if ((freq < minWordFreq && !keepDamageable) || word.length > 2 * maxWordLength) return;
    let len = 0;
    let damageable = false;
    for (const ch of word) {
      // Only all-Han words: Latin/digit entries would make every ASCII run a prefix walk and never discriminate candidates.
      if (!isHan(ch)) return;
      if (!damageable && isDamagedByCorruption(ch)) damageable = true;
      len++;
    }
    if (len > maxWordLength || (freq < minWordFreq && !damageable)) return;
    words.push(word);
    freqs.push(freq);
    tags.push(coarseTag(tag));
  });
  return [words, freqs, tags];
}

/**
 * Class bigram counts of the training text, segmented with the dictionary's unigram model
 * (see word-classes.ts). Tokens that are not dictionary words get the class of their character.
 */
function countClassBigrams(corpus: readonly string[], dict: DictionaryStats, names: readonly string[], unknownLogProb: number): number[] {
  const transitions = new ClassTransitions(names, new Array<number>(names.length * names.length).fill(0));
  const lexicon = new DictionaryLexicon(dict);
  const n = names.length;
  const counts = new Array<number>(n * n).fill(0);
  for (const doc of corpus) {
    for (const line of doc.split('\n')) {
      let prev = -1;
      for (const token of segmentLine(line, lexicon, unknownLogProb)) {
        const id = dict.wordClass.get(token) ?? transitions.charClass(token);
        if (id === TRANSPARENT) continue;
        if (prev >= 0 && id >= 0) counts[prev * n + id]!++;
        prev = id;
      }
    }
  }
  return counts;
}

function buildModel(data: SerializedRepairModel, counted?: Map<string, number>): RepairModel {
  const order = data.order;
  let top = counted;
  if (!top) {
    const cps = codePoints(data.ngrams);
    if (cps.length !== order * data.ngramCounts.length) throw new Error('corrupt serialized model: n-gram table size mismatch');
    top = new Map<string, number>();
    for (let i = 0; i < data.ngramCounts.length; i++) top.set(cps.slice(i * order, (i + 1) * order).join(''), data.ngramCounts[i]!);
  }
  const words = data.words ? data.words.split('\n') : [];
  if (words.length !== data.wordFreqs.length) throw new Error('corrupt serialized model: word table size mismatch');
  if (data.wordClasses !== undefined && data.wordClasses.length !== words.length) throw new Error('corrupt serialized model: word class table size mismatch');
  const stats = new CorpusStats(top);
  const dict = new DictionaryStats(words, data.wordFreqs, data.wordClasses);
  const prior = new CharPrior(dict, stats);
  const weights = { ...DEFAULT_WEIGHTS, ...data.weights };
  const seeds = new KneserNeyCharModel(order, top, prior, stats);
  const chars: CharLanguageModel =
    words.length > 0
      ? new InterpolatedCharModel(seeds, new DictionaryBigram(dict, stats, prior), prior, weights.seedContextStrength)
      : seeds;
  const lexicon = words.length > 0 ? new DictionaryLexicon(dict) : undefined;
  const triggers = data.triggerWindow > 1 && data.triggerTotal > 0 ? new PairTriggers(data.triggerWindow, data) : undefined;
  const classes = data.classNames && data.classBigrams && lexicon ? new ClassTransitions(data.classNames, data.classBigrams) : undefined;
  return {
    chars,
    words: lexicon,
    triggers,
    classes,
    weights,
    toJSON: () => ({ ...data, weights }),
  };
}

/**
 * Train a repair model from clean documents and an optional jieba-format
 * dictionary string. Pure: callers do the file reading.
 */
export function trainRepairModel(input: TrainRepairModelInput): RepairModel {
  const order = input.order ?? 3;
  if (!Number.isInteger(order) || order < 1) throw new Error('order must be a positive integer');
  const weights: RepairWeights = { ...DEFAULT_WEIGHTS, ...input.weights };
  const corpus = cleanDocuments(input.corpus);
  const counts = countNgrams(corpus, order);
  const ngramParts: string[] = [];
  const ngramCounts: number[] = [];
  for (const [gram, c] of counts) {
    ngramParts.push(gram);
    ngramCounts.push(c);
  }
  const [words, wordFreqs, tags] = input.dictionary
    ? selectWords(input.dictionary, input.maxWordLength ?? 8, input.minWordFreq ?? 0, input.keepDamageableWords !== false)
    : [[], [], []];
  let classData: Pick<SerializedRepairModel, 'classNames' | 'wordClasses' | 'classBigrams'> = {};
  if (words.length > 0 && input.wordClasses !== false) {
    const names = classNames(tags);
    const index = new Map(names.map((name, i) => [name, i]));
    const wordClasses = tags.map((tag) => String.fromCharCode(CLASS_CODE_BASE + index.get(tag)!)).join('');
    const dict = new DictionaryStats(words, wordFreqs, wordClasses);
    classData = { classNames: names, wordClasses, classBigrams: countClassBigrams(corpus, dict, names, weights.unknownHanLogProb) };
  }
  return buildModel(
    {
      format: 'mojibake-repair-model',
      version: 1,
      order,
      ngrams: ngramParts.join(''),
      ngramCounts,
      words: words.join('\n'),
      wordFreqs,
      ...countTriggerPairs(corpus, input.triggerWindow ?? 10),
      ...classData,
      weights,
    },
    counts,
  );
}

/** Rebuild a model from {@link RepairModel.toJSON} output (or its JSON.parse'd text). */
export function repairModelFromJSON(data: SerializedRepairModel): RepairModel {
  if (data.format !== 'mojibake-repair-model' || data.version !== 1) throw new Error('unsupported repair model format');
  return buildModel(data);
}

/** Same model with different decoder weights (shares the trained tables when it can). */
export function withWeights(model: RepairModel, weights: Partial<RepairWeights>): RepairModel {
  const merged = { ...model.weights, ...weights };
  // The interpolation strength is baked into the character model, so changing it means rebuilding the tables.
  if (merged.seedContextStrength !== model.weights.seedContextStrength) return repairModelFromJSON({ ...model.toJSON(), weights: merged });
  return { chars: model.chars, words: model.words, triggers: model.triggers, classes: model.classes, weights: merged, toJSON: () => ({ ...model.toJSON(), weights: merged }) };
}
