import { normalizeTitle } from '../titles';

/** What a non-heading line of a block is. */
export type LineKind = 'title' | 'note' | 'caption';

/** The content lines of one heading, sorted by kind (each list in document order). */
export interface ClassifiedContent {
  titles: string[];
  notes: string[];
  captions: string[];
}

const NUMBERED_NOTE = /^\d+\.\s/;
// Han, kana, Hangul, CJK punctuation and full-width forms: the notes are written in Chinese, the
// titles never are.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
// An image caption in this export is the image's label: `ImageBART`, `RDM-1`, `Matryoshka-Diffusion`.
const LABEL_TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}._&+'’-]*$/u;
const NUMBERED_LABEL = /^[\p{L}\p{N}][\p{L}\p{N}._&+'’-]*-[\p{L}\p{N}]+$/u;
// `ADD-2ADD-3`, `SingDiffusion-1SingDiffusion-2`: two labels the exporter ran together.
const MATH = /[=|^]/;
const FUNCTION_WORDS = new Set(
  'a an the of for with and or nor but in on to via by from at as is are be your you we our its into over under without through towards toward using than vs versus not all'.split(' '),
);

/**
 * Sorts the content lines of one heading into paper titles, notes and image captions.
 *
 * The export does not mark them, so the rules read the lines' shape, in this order:
 *
 * 1. A numbered line (`  1. …`) or a line with Chinese text is a **note**.
 * 2. The first line after the heading(s) is the **title** when it is shaped like one: at least two
 *    words, no sentence punctuation at its end, no `, which`-style clause, no ` + ` or `=`, and not
 *    starting in lower case unless its first word is a name (`eDiffi …`, `pix2gestalt: …`).
 * 3. A **caption** is a label: one whitespace-free token (`ImageBART`, `RDM-1`, `theory`), tokens
 *    that are all hyphenated labels (`DDGAN-1 DDGAN-2`), the heading or method name repeated, or a
 *    piece of a title already found (`Tractable Probabilistic Models` under
 *    `Image Inpainting via Tractable Probabilistic Models`).
 * 4. A later line is a further **title** (several papers under one heading) when it is title-shaped,
 *    has at least four words and at least 60 % of its significant words capitalised.
 * 5. Everything else is a **note**; flattened math stays a note, verbatim.
 *
 * @param lines the lines under one heading, trimmed, in order
 * @param names the heading, the method name and its aliases: repeats of them are captions
 */
export function classifyContent(lines: readonly string[], names: readonly string[]): ClassifiedContent {
  const result: ClassifiedContent = { titles: [], notes: [], captions: [] };
  const nameKeys = new Set(names.map(normalizeTitle).filter((key) => key !== ''));
  const titleKeys: string[] = [];
  lines.forEach((line, index) => {
    const kind = classifyLine(line, index === 0, nameKeys, titleKeys);
    if (kind === 'title') titleKeys.push(normalizeTitle(line));
    result[pluralOf(kind)].push(line);
  });
  return result;
}

/**
 * The kind of one content line.
 *
 * @param line the trimmed line
 * @param first whether it is the first line after its heading(s)
 * @param nameKeys normalised heading, method and alias names
 * @param titleKeys normalised titles already found under the same heading
 */
export function classifyLine(line: string, first: boolean, nameKeys: ReadonlySet<string>, titleKeys: readonly string[]): LineKind {
  if (NUMBERED_NOTE.test(line) || CJK.test(line)) return 'note';
  if (first && isTitleShaped(line)) return 'title';
  if (isCaption(line, nameKeys, titleKeys)) return 'caption';
  if (isTitleShaped(line) && wordsOf(line).length >= 4 && capitalisedShare(line) >= 0.6) return 'title';
  return 'note';
}

function pluralOf(kind: LineKind): keyof ClassifiedContent {
  return kind === 'title' ? 'titles' : kind === 'note' ? 'notes' : 'captions';
}

function wordsOf(line: string): string[] {
  return line.split(/\s+/).filter((word) => word !== '');
}

function isTitleShaped(line: string): boolean {
  if (line.length > 250 || wordsOf(line).length < 2) return false;
  if (/[.。:;,，]$/.test(line) || MATH.test(line) || / \+ /.test(line)) return false;
  // A clause after a comma marks a sentence; `A, B, and C` lists in titles do not count.
  if (/,\s*(?!and\b|or\b|&)\p{Ll}/u.test(line)) return false;
  // Two sentences.
  if (/\.\s+\p{Lu}/u.test(line)) return false;
  // Lower case opens a sentence, unless the first word is a name: `eDiffi …`, `pix2gestalt: …`.
  if (/^\p{Ll}/u.test(line) && !/^\S*[\p{Lu}\p{N}]/u.test(line) && !/^\S{1,40}:\s/u.test(line)) return false;
  return true;
}

function isCaption(line: string, nameKeys: ReadonlySet<string>, titleKeys: readonly string[]): boolean {
  const tokens = wordsOf(line);
  if (tokens.length === 1 && LABEL_TOKEN.test(line)) return true;
  if (tokens.length > 1 && tokens.every((token) => NUMBERED_LABEL.test(token))) return true;
  const key = normalizeTitle(line);
  if (key === '') return false;
  if (nameKeys.has(key)) return true;
  return tokens.length >= 2 && titleKeys.some((title) => ` ${title} `.includes(` ${key} `));
}

function capitalisedShare(line: string): number {
  const significant = wordsOf(line)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((word) => /^\p{L}/u.test(word) && !FUNCTION_WORDS.has(word.toLowerCase()));
  if (significant.length === 0) return 0;
  return significant.filter((word) => /^\p{Lu}/u.test(word)).length / significant.length;
}
