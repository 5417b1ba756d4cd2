import { normalizeTitle, titleTokens } from './normalize-title';

/** How a title matched: the same words, the same letters with other spacing, or one typo apart. */
export type TitleMatchKind = 'exact' | 'spacing' | 'near';

/** One indexed item whose title matched a query title. */
export interface TitleMatch<T> {
  item: T;
  /** The indexed title, as given to the index. */
  title: string;
  kind: TitleMatchKind;
  /** 1 for `exact`, lower for the looser kinds; callers pick their own floor. */
  confidence: number;
}

const CONFIDENCE: Record<TitleMatchKind, number> = { exact: 1, spacing: 0.97, near: 0.9 };

// Titles shorter than this are words, not titles: `Theory` on a page says nothing about a paper.
const MIN_TOKENS = 2;
const MIN_CHARS = 10;
// A single typo is only believable inside a long title and a long word.
const NEAR_MIN_TOKENS = 5;
const NEAR_MIN_WORD = 5;

interface IndexedTitle<T> {
  item: T;
  title: string;
  tokens: string[];
}

/**
 * Finds papers by title, precision first.
 *
 * Two titles match when, after {@link normalizeTitle}, they are equal, equal once spaces are
 * dropped (`Non-Stationary` / `NonStationary`), or equal but for one long word that differs by one
 * edit or a plural `s`. Nothing else matches: not a title contained in another
 * (*Rethinking … in Classifier-Free Diffusion Guidance* is not *Classifier-Free Diffusion Guidance*),
 * not an added word (`Improved X`), not a changed short word (`X3D`, `2D`/`3D`).
 */
export class TitleIndex<T> {
  private readonly byNormalized = new Map<string, IndexedTitle<T>[]>();
  private readonly bySpaceless = new Map<string, IndexedTitle<T>[]>();
  private readonly byTokenCount = new Map<number, IndexedTitle<T>[]>();

  /**
   * @param items Pairs of a title and the item it names; one item may appear under several titles,
   *   and one title may name several items (a method placed under several taxonomy nodes).
   */
  constructor(items: Iterable<readonly [title: string, item: T]>) {
    for (const [title, item] of items) {
      const normalized = normalizeTitle(title);
      if (!isMatchable(normalized)) continue;
      const entry: IndexedTitle<T> = { item, title, tokens: titleTokens(normalized) };
      push(this.byNormalized, normalized, entry);
      push(this.bySpaceless, normalized.replaceAll(' ', ''), entry);
      push(this.byTokenCount, entry.tokens.length, entry);
    }
  }

  /**
   * Every item whose title matches `title` in the strictest way any of them does.
   * @param title A title from a page, a digest or user input.
   * @returns Matches, all of one kind; empty when nothing matches or the title is too short to trust.
   */
  match(title: string): TitleMatch<T>[] {
    const normalized = normalizeTitle(title);
    if (!isMatchable(normalized)) return [];
    const exact = this.byNormalized.get(normalized);
    if (exact) return exact.map((entry) => toMatch(entry, 'exact'));
    const spacing = this.bySpaceless.get(normalized.replaceAll(' ', ''));
    if (spacing) return spacing.map((entry) => toMatch(entry, 'spacing'));
    const tokens = titleTokens(normalized);
    if (tokens.length < NEAR_MIN_TOKENS) return [];
    return (this.byTokenCount.get(tokens.length) ?? [])
      .filter((entry) => differByOneTypo(tokens, entry.tokens))
      .map((entry) => toMatch(entry, 'near'));
  }
}

function isMatchable(normalized: string): boolean {
  return normalized.length >= MIN_CHARS && titleTokens(normalized).length >= MIN_TOKENS;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function toMatch<T>(entry: IndexedTitle<T>, kind: TitleMatchKind): TitleMatch<T> {
  return { item: entry.item, title: entry.title, kind, confidence: CONFIDENCE[kind] };
}

function differByOneTypo(a: readonly string[], b: readonly string[]): boolean {
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (++differing > 1 || !isTypoOf(x, y)) return false;
  }
  return differing === 1;
}

function isTypoOf(x: string, y: string): boolean {
  // Digits carry meaning (`X3D`, `SD2`/`SD3`, `2D`/`3D`): never forgive a change near one.
  if (/\d/.test(x) || /\d/.test(y)) return false;
  if (x === `${y}s` || y === `${x}s`) return true;
  if (Math.min(x.length, y.length) < NEAR_MIN_WORD) return false;
  return withinOneEdit(x, y);
}

/** Damerau–Levenshtein distance ≤ 1: one insertion, deletion, substitution or adjacent swap. */
function withinOneEdit(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (x.length === y.length) {
    if (x.slice(i + 1) === y.slice(i + 1)) return true;
    return x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
  }
  const [longer, shorter] = x.length > y.length ? [x, y] : [y, x];
  return longer.slice(i + 1) === shorter.slice(i);
}
