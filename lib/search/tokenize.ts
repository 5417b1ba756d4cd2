import { GREEK_LETTER_NAMES } from '../titles';

/*
 * One tokenizer for documents and queries, so that a query term can only miss a document for a
 * reason the user would accept. MiniSearch's default splits on spaces and punctuation, which
 * leaves a whole Chinese sentence as one token: `身份保持` would then match nothing.
 */

const GREEK_LETTER = new RegExp(`[${Object.keys(GREEK_LETTER_NAMES).join('')}]`, 'g');
const COMBINING_MARK = /\p{M}+/gu;
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;
// `Prompt-to-Prompt`, `ID-Aligner`: a hyphenated name is also one term, stop words and all.
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
const ASCII_ONLY = /^[\p{ASCII}]*$/u;

// Words so common in titles and abstracts that they only add noise to a ranking.
const STOP_WORDS = new Set(
  'a an and are as at be by for from in into is it its of on or our that the this to via we with'.split(' '),
);

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/**
 * Folds text the way every index and query term is folded: lower case, no diacritics, Greek letters
 * as their names (`PixArt-Σ` → `pixart- sigma `), full-width forms as ASCII.
 */
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARK, '')
    .replace(GREEK_LETTER, (letter) => ` ${GREEK_LETTER_NAMES[letter]} `)
    .toLowerCase();
}

/**
 * Splits text into search terms.
 *
 * Latin words become lower-case terms without diacritics; stop words are dropped. A run of Han
 * characters becomes its overlapping character bigrams plus the words `Intl.Segmenter` finds in
 * it, so that a query matches whether or not the segmenter cut the document the same way
 * (`身份保持` → 身份, 份保, 保持, 身份保持…). A lone Han character stays a term of its own.
 *
 * @example tokenize('PixArt-Σ 身份保持') // ['pixart', 'sigma', '身份', '份保', '保持', …]
 */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  const terms: string[] = [];
  const hasHan = HAN.test(folded);
  // Han runs are cut out first, so that `ID-Aligner框架` still yields `aligner`.
  const latin = hasHan ? folded.replace(HAN_RUN, ' ') : folded;
  for (const [word] of latin.matchAll(LATIN_WORD)) {
    if (!STOP_WORDS.has(word)) terms.push(word);
  }
  if (latin.includes('-')) for (const [compound] of latin.matchAll(HYPHENATED)) terms.push(compound.replaceAll('-', ''));
  if (!hasHan) return terms;
  for (const [run] of folded.matchAll(HAN_RUN)) {
    const chars = [...run];
    if (chars.length === 1) {
      terms.push(run);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
    if (chars.length > 2) terms.push(...segmentWords(run));
  }
  return terms;
}

// `StableCascade`, `InstructPix2Pix`: a method name written as one word is also typed as several.
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})/u;

/**
 * Like {@link tokenize}, and method names written in camel case also give their parts, so that
 * `stable cascade` finds `StableCascade`. MiniSearch calls it with each field's name.
 */
export function tokenizeField(text: string, fieldName?: string): string[] {
  if (fieldName !== 'methods' || !CAMEL_BOUNDARY.test(text)) return tokenize(text);
  const parts = text.split(/\s+/).flatMap((word) => (CAMEL_BOUNDARY.test(word) ? word.split(CAMEL_BOUNDARY) : []));
  return [...tokenize(text), ...tokenize(parts.join(' '))];
}

/** The multi-character words the segmenter finds in a Han run, when the platform has one. */
function segmentWords(run: string): string[] {
  if (!segmenter) return [];
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(run)) {
    // Bigrams already cover two-character words; longer words add an exact-phrase signal.
    if (isWordLike && [...segment].length > 2) words.push(segment);
  }
  return words;
}

/**
 * A name as a whole, for telling `ControlNet` from `ControlNet++`: folded like a term, with
 * punctuation other than `+` turned into single spaces and stop words kept.
 * @example nameKey('PixArt-Σ') // 'pixart sigma'
 */
export function nameKey(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N}+]+/gu, ' ').trim();
}

/** True when a term is written in Han characters, where prefix and fuzzy rules differ. */
export function isHanTerm(term: string): boolean {
  return HAN.test(term);
}
