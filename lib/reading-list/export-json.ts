import * as v from 'valibot';
import { readingListKey } from './entry-key';
import { describeTime } from './merge-notes';
import { isHttpUrl, MAX_NOTE_CHARS, READING_STATUSES, SAVE_SOURCES, SavePaperSchema, type ReadingListEntry } from './reading-list-entry';

/** What a reading-list file says it is, so that another JSON file is not taken for one. */
export const READING_LIST_FILE_FORMAT = 'arxiv-digest-companion/reading-list';
/** The version of the file layout this extension writes, and the newest it reads. */
export const READING_LIST_FILE_VERSION = 1;

/** A reading-list file as read: its entries, or every problem that keeps it from being imported. */
export type ParsedReadingList = { ok: true; entries: ReadingListEntry[] } | { ok: false; problems: string[] };

// Enough for a reader to fix a file by hand; past that, the rest are likely the same mistake.
const MAX_PROBLEMS = 20;

/**
 * How far past the reader's clock a file's times may be: two machines' clocks differ a little.
 * Past it a time is refused, since a time in the future would stay "the newest" for ever.
 */
export const FUTURE_TIME_TOLERANCE_MS = 60 * 60 * 1000;

/**
 * Writes the whole reading list, every field of every entry, as the file `parseReadingListJson`
 * reads back: `{ format, version, exportedAt, entries }`.
 *
 * @param now When the export was made, recorded as `exportedAt`.
 * @returns Indented JSON, ending in a newline.
 */
export function toReadingListJson(entries: readonly ReadingListEntry[], now: Date): string {
  const file = {
    format: READING_LIST_FILE_FORMAT,
    version: READING_LIST_FILE_VERSION,
    exportedAt: now.toISOString(),
    // Fields in one fixed order, whatever order the database returned them in, so files diff well.
    entries: entries.map((entry) => ({
      key: entry.key,
      arxivId: entry.arxivId,
      version: entry.version,
      title: entry.title,
      authors: entry.authors,
      // An entry saved by an older release may hold another scheme; the file must import again.
      url: entry.url !== null && isHttpUrl(entry.url) ? entry.url : null,
      source: entry.source,
      savedAt: entry.savedAt,
      updatedAt: entry.updatedAt,
      status: entry.status,
      note: entry.note,
      tags: entry.tags,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a reading-list file written by `toReadingListJson`, this release's or an older one's.
 * Fields at the top level that this version does not know are ignored; entries must match
 * exactly. Each problem names where it is and what is wrong, e.g.
 * `entries[3].status: expected one of to-read|reading|done, got "skimmed"`; past 20, a last
 * line says how many more there are.
 *
 * A `savedAt` or `updatedAt` more than {@link FUTURE_TIME_TOLERANCE_MS} after `now` is a problem
 * like any other (issue 13, finding 5).
 *
 * @param text The file's text.
 * @param now The reader's clock, in epoch milliseconds.
 * @returns The entries, or the problems; never throws.
 */
export function parseReadingListJson(text: string, now = Date.now()): ParsedReadingList {
  let file: unknown;
  try {
    // A byte-order mark is what some editors put at the start of a file they saved.
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail([text.trim() === '' ? 'not JSON: the file is empty' : `not JSON: ${String((error as Error).message).slice(0, 200)}`]);
  }
  if (!isRecord(file)) return fail([`expected a JSON object with "format", "version" and "entries", got ${describe(file)}`]);
  if (file.format !== READING_LIST_FILE_FORMAT) return fail([`format: expected "${READING_LIST_FILE_FORMAT}", got ${describe(file.format)}`]);
  const { version, entries } = file;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail([`version: expected a whole number from 1, got ${describe(version)}`]);
  // Its entries may have fields whose meaning this version cannot know, so none are guessed at.
  if (version > READING_LIST_FILE_VERSION) return fail([`version ${version} is newer than this extension understands (${READING_LIST_FILE_VERSION})`]);
  if (!Array.isArray(entries)) return fail([`entries: expected an array, got ${describe(entries)}`]);

  const problems: string[] = [];
  const parsed: ReadingListEntry[] = [];
  const indexByKey = new Map<string, number>();
  for (const [index, input] of (entries as unknown[]).entries()) {
    const at = `entries[${index}]`;
    // valibot takes an array for an object with missing fields, which would say the wrong thing.
    if (!isRecord(input)) {
      problems.push(`${at}: expected an object, got ${describe(input)}`);
      continue;
    }
    const result = v.safeParse(EntrySchema, input);
    if (!result.success) {
      problems.push(...result.issues.map((issue) => `${at}${issuePath(issue)}: ${issue.message}`));
      continue;
    }
    const entry: ReadingListEntry = { ...result.output, tags: [...new Set(result.output.tags)] };
    const key = readingListKey(entry);
    const first = key === null ? undefined : indexByKey.get(key);
    const future = (['savedAt', 'updatedAt'] as const).filter((field) => entry[field] > now + FUTURE_TIME_TOLERANCE_MS);
    if (future.length > 0)
      problems.push(...future.map((field) => `${at}.${field}: ${entry[field]} (${describeTime(entry[field])}) is in the future; this computer's clock says ${describeTime(now)}`));
    else if (key === null) problems.push(`${at}.title: has no letter or digit, and the entry has no arXiv id to be keyed by`);
    else if (entry.key !== key) problems.push(`${at}.key: expected "${key}" (from its ${entry.arxivId ? 'arXiv id' : 'title'}), got ${describe(entry.key)}`);
    else if (first !== undefined) problems.push(`${at}.key: "${key}" is also the key of entries[${first}]; a paper may be listed once`);
    else {
      indexByKey.set(key, index);
      parsed.push(entry);
    }
  }
  return problems.length > 0 ? fail(problems) : { ok: true, entries: parsed };
}

function fail(problems: string[]): ParsedReadingList {
  if (problems.length <= MAX_PROBLEMS + 1) return { ok: false, problems };
  const more = problems.length - MAX_PROBLEMS;
  return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), `and ${more} more problems`] };
}

const expected = (what: string) => (issue: v.BaseIssue<unknown>) => `expected ${what}, got ${describe(issue.input)}`;
const string = (max: number) =>
  v.pipe(
    v.string(expected('a string')),
    v.maxLength(max, (issue) => `expected at most ${max} characters, got ${issue.received}`),
  );
const stringArray = (item: v.GenericSchema<string>, max: number) =>
  v.pipe(
    v.array(item, expected('an array of strings')),
    v.maxLength(max, (issue) => `expected at most ${max} items, got ${issue.received}`),
  );
const timestamp = v.pipe(v.number(expected('a time in milliseconds')), v.safeInteger(expected('a time in milliseconds')), v.minValue(0, expected('a time in milliseconds')));

// The limits are those the store puts on a save and an update (`SavePaperSchema`,
// `ReadingListPatchSchema`), so whatever the store holds exports and imports again.
const EntrySchema = v.strictObject(
  {
    key: v.string(expected('a string')),
    arxivId: v.nullable(
      v.pipe(
        v.string(expected('an arXiv id without version, or null')),
        v.check((id) => v.is(SavePaperSchema.entries.arxivId, id), expected('an arXiv id without version, or null')),
      ),
    ),
    version: v.nullable(
      v.pipe(v.number(expected('a version number from 1, or null')), v.integer(expected('a version number from 1, or null')), v.minValue(1, expected('a version number from 1, or null'))),
    ),
    title: v.pipe(
      string(2000),
      v.check((title) => title.trim() !== '', expected('a title')),
    ),
    authors: stringArray(string(300), 500),
    url: v.nullable(
      v.pipe(
        v.string(expected('an http(s) URL or null')),
        v.check((url) => v.is(SavePaperSchema.entries.url, url), expected('an http(s) URL or null')),
      ),
    ),
    source: v.picklist(SAVE_SOURCES, expected(`one of ${SAVE_SOURCES.join('|')}`)),
    savedAt: timestamp,
    updatedAt: timestamp,
    status: v.picklist(READING_STATUSES, expected(`one of ${READING_STATUSES.join('|')}`)),
    note: string(MAX_NOTE_CHARS),
    tags: stringArray(
      v.pipe(
        string(100),
        v.trim(),
        v.minLength(1, 'expected a tag, got an empty string'),
      ),
      100,
    ),
  },
  // A strict object reports a missing field and an unknown one alike; `expected` tells them apart.
  (issue) => (issue.expected === 'never' ? 'not a field of a reading-list entry' : 'missing'),
);

/** `.status`, `.tags[2]`: where in an entry an issue is. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`)).join('');
}

/** A value as a problem quotes it: strings in quotes and cut short, containers by kind. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null || typeof value !== 'object') return String(value);
  return 'an object';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
