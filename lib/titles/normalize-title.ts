import { GREEK_LETTER_NAMES } from './greek-letters';

const GREEK_LETTER = new RegExp(`[${Object.keys(GREEK_LETTER_NAMES).join('')}]`, 'g');
const COMBINING_MARK = /\p{M}+/gu;
// Apostrophes join a word (`Tweedie's` → `tweedies`) instead of splitting it in two.
const APOSTROPHE = /['’‘`´]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * Reduces a paper title to the form two spellings of the same title share:
 * lower case, no diacritics, Greek letters as their names, punctuation and
 * backticks gone, words separated by single spaces.
 *
 * @example normalizeTitle('PixArt-Σ: Weak-to-Strong Training') // 'pixart sigma weak to strong training'
 * @param title Any title as printed by a page, a digest or the taxonomy.
 * @returns The normalised title; empty when the title holds no letter or digit.
 */
export function normalizeTitle(title: string): string {
  // Most titles are plain ASCII, where decomposition and Unicode classes change nothing but cost.
  if (PRINTABLE_ASCII.test(title)) return title.toLowerCase().replace(/['`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return title
    .normalize('NFKD')
    .replace(COMBINING_MARK, '')
    // After NFKD, so accented capitals (`Έ`) have shed their accent and become plain letters.
    .replace(GREEK_LETTER, (letter) => ` ${GREEK_LETTER_NAMES[letter]} `)
    .toLowerCase()
    .replace(APOSTROPHE, '')
    .replace(NOT_WORD, ' ')
    .trim();
}

/**
 * Splits a normalised title into its words.
 * @param normalized Output of {@link normalizeTitle}.
 */
export function titleTokens(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}
