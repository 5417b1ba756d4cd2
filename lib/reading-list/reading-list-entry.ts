import * as v from 'valibot';

/** Where a reader is with a saved paper. */
export const READING_STATUSES = ['to-read', 'reading', 'done'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** How a paper got into the list. */
export const SAVE_SOURCES = ['card', 'popup', 'side-panel', 'context-menu', 'command', 'import', 'sync'] as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/**
 * The longest note kept. A user writes far less; the room is for a note that holds the texts of
 * two or three devices (or an import) kept side by side, which must still save and import again.
 */
export const MAX_NOTE_CHARS = 100_000;
const arxivId = v.pipe(v.string(), v.regex(/^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*\/\d{7})$/, 'expected an arXiv id without version'));

/**
 * Whether a URL is http(s), the only kind a reading list keeps: `javascript:` and `data:` are valid
 * URLs too, and an entry's URL is the kind of thing some view will one day make a link of.
 */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(url);
}

const httpUrl = v.pipe(text(4000), v.url(), v.check(isHttpUrl, 'expected an http(s) URL'));

/** A paper as a page or a search result describes it when the user saves it. */
export const SavePaperSchema = v.object({
  arxivId: v.nullable(arxivId),
  version: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))), null),
  title: v.pipe(text(2000), v.check((s) => s.trim() !== '', 'a saved paper needs a title')),
  authors: v.optional(v.pipe(v.array(text(300)), v.maxLength(500)), []),
  url: v.optional(v.nullable(httpUrl), null),
  source: v.picklist(SAVE_SOURCES),
});
export type SavePaper = v.InferInput<typeof SavePaperSchema>;

/** What may change on a saved entry. */
export const ReadingListPatchSchema = v.object({
  status: v.optional(v.picklist(READING_STATUSES)),
  note: v.optional(text(MAX_NOTE_CHARS)),
  tags: v.optional(v.pipe(v.array(v.pipe(text(100), v.trim(), v.minLength(1))), v.maxLength(100))),
});
export type ReadingListPatch = v.InferOutput<typeof ReadingListPatchSchema>;

/**
 * What an editor showed when the user began a change: the note and tags as they were then. With
 * it, a change made in one window on top of an older copy is merged into what another window
 * saved meanwhile, rather than overwriting it (issue 13, finding 7c).
 */
export const ReadingListEditBaseSchema = v.object({
  note: v.optional(text(MAX_NOTE_CHARS)),
  tags: v.optional(v.pipe(v.array(text(100)), v.maxLength(100))),
});
export type ReadingListEditBase = v.InferOutput<typeof ReadingListEditBaseSchema>;

/** One saved paper. */
export interface ReadingListEntry {
  /** See `readingListKey`: `arxiv:<id>` or `title:<normalised title>`. */
  key: string;
  arxivId: string | null;
  /** The version the page showed when it was saved. */
  version: number | null;
  title: string;
  authors: string[];
  url: string | null;
  source: (typeof SAVE_SOURCES)[number];
  savedAt: number;
  updatedAt: number;
  status: ReadingStatus;
  note: string;
  tags: string[];
}

/**
 * A paper's entry as saving it first writes it: the store's `save` and the card's *Copy BibTeX*
 * (which cites the entry the export would write) both start from it.
 * @param now When it counts as saved.
 */
export function newReadingListEntry(paper: SavePaper, key: string, now: number): ReadingListEntry {
  return {
    key,
    arxivId: paper.arxivId,
    version: paper.version ?? null,
    title: paper.title.trim().replace(/\s+/g, ' '),
    authors: paper.authors ?? [],
    url: paper.url ?? null,
    source: paper.source,
    savedAt: now,
    updatedAt: now,
    status: 'to-read',
    note: '',
    tags: [],
  };
}
