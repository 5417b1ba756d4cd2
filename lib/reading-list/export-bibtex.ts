import { ARXIV_ID, oneLine, paperYear } from './citation-fields';
import type { ReadingListEntry } from './reading-list-entry';

export { paperYear };

/** What the caller may know about a paper that a reading-list entry does not record. */
export interface BibtexOptions {
  /**
   * The primary category of a new-style id (`cs.CV`), when the caller knows it. Old-style ids
   * name their archive themselves (`hep-th/9901001`), so this is asked only for new-style ones.
   */
  primaryClass?: (arxivId: string) => string | null | undefined;
}

/**
 * Writes the reading list as BibTeX: one `@misc` per entry in the form arXiv's own export uses
 * (`eprint`, `archivePrefix`, `primaryClass`), plus `keywords` from the tags. Status and notes are
 * left out: they are the reader's, not the paper's, and would end up in someone's bibliography.
 * Text is UTF-8 (biber reads it); every LaTeX special character is escaped, and literal braces
 * are written as commands, so each field's braces balance whatever the title holds.
 *
 * @example toBibtex([idAligner]) // '@misc{chen2024idaligner,\n  title = {{ID-Aligner: …}},\n …}\n'
 * @param entries Entries in the order they are to be written.
 * @returns The .bib file's text; empty for an empty list.
 */
export function toBibtex(entries: readonly ReadingListEntry[], options: BibtexOptions = {}): string {
  const keys = citationKeys(entries);
  return entries.map((entry) => bibtexEntry(entry, keys.get(entry.key)!, options)).join('\n');
}

/** A paper as a page or a search result knows it, to cite on its own. */
export interface CitedPaper {
  arxivId: string | null;
  title: string;
  authors?: readonly string[];
  url?: string | null;
}

/**
 * One paper as BibTeX, written exactly as the reading list's export writes it: "Copy BibTeX" in
 * the popup and on the card. A paper without an id is dated by `now`.
 */
export function paperToBibtex(paper: CitedPaper, now = Date.now()): string {
  const entry: ReadingListEntry = { key: '', arxivId: paper.arxivId, version: null, title: paper.title, authors: [...(paper.authors ?? [])], url: paper.url ?? null, source: 'popup', savedAt: now, updatedAt: now, status: 'to-read', note: '', tags: [] };
  return toBibtex([entry]);
}

/**
 * The citation key of each entry: `<first author's last name><year><first title word>`, folded to
 * lower-case ASCII (`chen2024idaligner`). Entries that would share a key are told apart by a
 * suffix (`a`, `b`, …) given in order of saving: the earliest saved keeps the plain key, so a
 * paper saved later leaves the keys a manuscript already cites as they were. The order of
 * `entries` plays no part.
 *
 * @returns Citation keys by reading-list key.
 */
export function citationKeys(entries: readonly ReadingListEntry[]): Map<string, string> {
  const bases = entries
    .map((entry) => ({ entry, base: baseKey(entry) }))
    .sort((a, b) => compare(a.base, b.base) || a.entry.savedAt - b.entry.savedAt || compare(a.entry.key, b.entry.key));
  // Every plain key is taken before any suffix is handed out, so `chen2024` + `a` can never take
  // the plain key of a paper whose own title word happens to make `chen2024a`.
  const taken = new Set(bases.map(({ base }) => base));
  // Per base, the first suffix not yet tried. A suffix found taken stays taken, so each search
  // resumes where the last one for that base stopped: linear in the list, not quadratic in a run
  // of same-key papers (10,000 of them took seconds).
  const next = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const { entry, base } of bases) {
    let key = base;
    const from = next.get(base);
    if (from !== undefined) {
      let n = from;
      while (taken.has((key = base + suffix(n)))) n++;
      taken.add(key);
      next.set(base, n + 1);
    } else next.set(base, 0);
    keys.set(entry.key, key);
  }
  return keys;
}

function bibtexEntry(entry: ReadingListEntry, key: string, options: BibtexOptions): string {
  const arxivId = entry.arxivId && ARXIV_ID.test(entry.arxivId) ? entry.arxivId : null;
  const fields: [string, string][] = [['title', `{${escapeLatex(entry.title)}}`]];
  const authors = entry.authors.map(oneLine).filter((name) => name !== '');
  if (authors.length > 0) fields.push(['author', authors.map(protectName).join(' and ')]);
  fields.push(['year', String(paperYear({ arxivId, savedAt: entry.savedAt }))]);
  if (arxivId) {
    fields.push(['eprint', arxivId], ['archivePrefix', 'arXiv']);
    const primaryClass = arxivId.includes('/') ? arxivId.split('/')[0] : options.primaryClass?.(arxivId);
    // The class goes in unescaped, so only something shaped like an arXiv category is written.
    if (primaryClass && /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/.test(primaryClass)) fields.push(['primaryClass', primaryClass]);
  }
  const url = arxivId ? `https://arxiv.org/abs/${arxivId}` : httpUrl(entry.url);
  if (url) fields.push(['url', url]);
  // A comma inside a tag would split it into two keywords.
  const keywords = entry.tags.map((tag) => escapeLatex(tag.replace(/,/g, ' '))).filter((tag) => tag !== '');
  if (keywords.length > 0) fields.push(['keywords', keywords.join(', ')]);
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}

const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // `\{` would do for LaTeX, but BibTeX counts braces without regard to backslashes, so an
  // unbalanced `\}` would end the field early; the commands keep every brace in a pair.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default (OT1) font encoding these three print as ¡, ¿ and —.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
};

// Pairs TeX fonts set as one glyph: `--` as –, ``` `` ``` and `''` as curly quotes, `,,` as „, ``?` `` as ¿.
const LIGATURE = /(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=,)(?=,)|(?<=[?!])(?=`)/g;

/**
 * Escapes text for a BibTeX field that LaTeX typesets, so that it prints as written: every
 * special character escaped, ligatures broken with `{}`; non-ASCII is kept as UTF-8.
 */
function escapeLatex(text: string): string {
  return oneLine(text)
    .replace(/[\\{}~^&%$#_<>|]/g, (c) => LATEX_ESCAPES[c]!)
    .replace(LIGATURE, '{}');
}

/**
 * An author as given, in braces when BibTeX would otherwise split it: a comma makes BibTeX read
 * "Last, First", a word `and` ends the name, and a lone `others` means "et al.".
 */
function protectName(name: string): string {
  const escaped = escapeLatex(name);
  return name.includes(',') || /(^|\s)and(\s|$)/i.test(name) || /^others$/i.test(name) ? `{${escaped}}` : escaped;
}

/** A saved URL fit for a verbatim field: http(s) only, and nothing that would unbalance its braces. */
function httpUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function baseKey(entry: ReadingListEntry): string {
  return `${authorPart(entry.authors[0] ?? '') || 'paper'}${paperYear(entry)}${titlePart(entry.title)}`;
}

// Name suffixes that come last but are not the surname.
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

function authorPart(name: string): string {
  // "Chen, Weifeng" puts the surname first; "Weifeng Chen" last. From the end, the first word
  // with ASCII in it, so "Weifeng Chen (陈伟锋)" still gives `chen`.
  const surname = name.includes(',') ? name.slice(0, name.indexOf(',')) : name;
  const words = surname.split(/\s+/).filter((word) => !NAME_SUFFIX.test(word));
  for (const word of words.reverse()) {
    const ascii = foldAscii(word);
    if (ascii) return ascii;
  }
  return '';
}

// Words a key would be no better for: `smith2020a` would read as the suffix of a collision.
const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'at', 'by', 'from', 'is', 'are', 'do', 'does']);

function titlePart(title: string): string {
  // A word of digits alone would run into the year (`chen202450`).
  const words = title.split(/\s+/).map(foldAscii).filter((word) => /[a-z]/.test(word));
  return words.find((word) => !STOP_WORDS.has(word)) ?? words[0] ?? '';
}

// Letters that Unicode decomposition does not take apart.
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower-case ASCII letters and digits only: diacritics folded, everything else dropped. */
function foldAscii(word: string): string {
  return word
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c]!)
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

// a … z, aa, ab …: as many as a run of same-key papers needs.
function suffix(n: number): string {
  return (n >= 26 ? suffix(Math.floor(n / 26) - 1) : '') + String.fromCharCode(97 + (n % 26));
}

// By UTF-16 code unit: the same on every machine, unlike localeCompare.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
