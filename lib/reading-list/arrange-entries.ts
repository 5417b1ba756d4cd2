import type { ReadingListEntry, ReadingStatus } from './reading-list-entry';

/** The orders the reading list can be shown in. */
export const READING_LIST_SORTS = ['saved', 'title', 'status', 'paper-date'] as const;
export type ReadingListSort = (typeof READING_LIST_SORTS)[number];

/** What narrows the list: a status, a tag, and free text over title, authors, id, tags and note. */
export interface ReadingListFilter {
  status?: ReadingStatus | '';
  tag?: string;
  text?: string;
}

// What is being read comes first, then what is waiting, then what is finished.
const STATUS_ORDER: Record<ReadingStatus, number> = { reading: 0, 'to-read': 1, done: 2 };

/**
 * When a paper appeared, as a number that sorts in time: arXiv ids begin with the year and month
 * of submission (new style `YYMM.NNNNN`, old style `archive/YYMMNNN`), and the number after it
 * counts up within the month. A paper without an id counts from the month it was saved, after
 * every paper of that month.
 * @example paperDateKey({ arxivId: '2404.15449', savedAt: 0 }) // 202404_15449 as 20240415449
 */
export function paperDateKey(entry: Pick<ReadingListEntry, 'arxivId' | 'savedAt'>): number {
  const id = entry.arxivId ?? '';
  const fresh = /^(\d{2})(\d{2})\.(\d+)$/.exec(id);
  if (fresh) return monthKey(2000 + Number(fresh[1]), Number(fresh[2])) + Number(fresh[3]);
  const old = /\/(\d{2})(\d{2})(\d{3})$/.exec(id);
  if (old) return monthKey(Number(old[1]) >= 91 ? 1900 + Number(old[1]) : 2000 + Number(old[1]), Number(old[2])) + Number(old[3]);
  const saved = new Date(entry.savedAt);
  return monthKey(saved.getUTCFullYear(), saved.getUTCMonth() + 1) + 99_999;
}

function monthKey(year: number, month: number): number {
  return (year * 100 + month) * 100_000;
}

/**
 * The entries to show, in order. Newest first for dates (saved and paper), A–Z for titles, and by
 * status reading → to read → done, each status newest saved first. Text matches every word given,
 * case- and accent-insensitively, anywhere in the title, the authors, the arXiv id, the tags or the note.
 * @param entries Most recently saved first, as the store lists them; ties keep that order.
 */
export function arrangeEntries(entries: readonly ReadingListEntry[], sort: ReadingListSort, filter: ReadingListFilter = {}): ReadingListEntry[] {
  const words = fold(filter.text ?? '').split(/\s+/).filter(Boolean);
  const shown = entries.filter(
    (entry) =>
      (!filter.status || entry.status === filter.status) &&
      (!filter.tag || entry.tags.includes(filter.tag)) &&
      (words.length === 0 || matchesWords(entry, words)),
  );
  switch (sort) {
    case 'saved':
      return shown.sort((a, b) => b.savedAt - a.savedAt);
    case 'title':
      return shown.sort((a, b) => TITLE_ORDER.compare(a.title, b.title));
    case 'status':
      return shown.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.savedAt - a.savedAt);
    case 'paper-date': {
      // One key per entry, not two regular expressions per comparison.
      const keys = new Map(shown.map((entry) => [entry, paperDateKey(entry)]));
      return shown.sort((a, b) => keys.get(b)! - keys.get(a)!);
    }
  }
}

// A collator is many times faster than `localeCompare` called afresh, which builds one per call.
const TITLE_ORDER = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

// Lower-cased, searchable text of each entry, computed once per entry object (entries are replaced, never mutated).
const haystacks = new WeakMap<ReadingListEntry, string>();

function haystack(entry: ReadingListEntry): string {
  let text = haystacks.get(entry);
  if (text === undefined) {
    text = fold([entry.title, entry.authors.join(' '), entry.arxivId ?? '', entry.tags.join(' '), entry.note].join('\n'));
    haystacks.set(entry, text);
  }
  return text;
}

/**
 * Prepares the searchable text of each entry ahead of the first filter, so that the first letter
 * typed is as quick as the next (at 10,000 entries the preparation is most of a filter's cost).
 */
export function prepareTextFilter(entries: readonly ReadingListEntry[]): void {
  for (const entry of entries) haystack(entry);
}

function matchesWords(entry: ReadingListEntry, words: readonly string[]): boolean {
  const text = haystack(entry);
  return words.every((word) => text.includes(word));
}

function fold(text: string): string {
  const lower = text.toLowerCase();
  // Most of a list is ASCII, which has no accents to take off: decomposing it is most of the cost.
  return !/[^\p{ASCII}]/u.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}/gu, '');
}
