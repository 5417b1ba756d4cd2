import * as v from 'valibot';
import { readingListKey } from '../reading-list/entry-key';
import { toBibtex } from '../reading-list/export-bibtex';
import { toCslJson } from '../reading-list/export-csl';
import { parseReadingListJson, toReadingListJson } from '../reading-list/export-json';
import { toMarkdown } from '../reading-list/export-markdown';
import { describeTime, mergeNoteTexts } from '../reading-list/merge-notes';
import { toRis } from '../reading-list/export-ris';
import {
  newReadingListEntry,
  ReadingListEditBaseSchema,
  ReadingListPatchSchema,
  SavePaperSchema,
  type ReadingListEditBase,
  type ReadingListEntry,
  type ReadingListPatch,
  type SavePaper,
} from '../reading-list/reading-list-entry';
import { HybridClock, newDeviceId } from '../sync/stamp';
import { isLive, lastChange, recordAfterLocalChange, recordOfEntry, renderNote, type SyncRecord } from '../sync/sync-record';
import type { CompanionDatabase } from './database';
import { StoreError, toStoreError } from './store-error';

/** The outcome of a save: the entry as stored, and whether it is new. */
export interface SaveResult {
  entry: ReadingListEntry;
  created: boolean;
}

/** The formats the reading list exports to. */
export type ExportFormat = 'bibtex' | 'ris' | 'csl-json' | 'markdown' | 'json';

/** An exported reading list: a file name to suggest, the file's MIME type and its text. */
export interface ExportedFile {
  filename: string;
  mimeType: string;
  text: string;
}

/**
 * How an import went: entries new to the list, entries that gained something, entries already as
 * the file has them, and the entries whose note both sides had changed, so both texts were kept.
 */
export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: { key: string; title: string }[];
}

const EXPORTS: Record<ExportFormat, { extension: string; mimeType: string; write: (entries: ReadingListEntry[], now: Date) => string }> = {
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex', write: (entries) => toBibtex(entries) },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems', write: toRis },
  // `.csl.json` tells it from the reading list's own JSON, which is the one that imports again.
  'csl-json': { extension: 'csl.json', mimeType: 'application/vnd.citationstyles.csl+json', write: toCslJson },
  markdown: { extension: 'md', mimeType: 'text/markdown', write: (entries) => toMarkdown(entries) },
  json: { extension: 'json', mimeType: 'application/json', write: toReadingListJson },
};

/**
 * The reading list. Every write is one IndexedDB transaction, so two tabs saving at once both
 * land (IndexedDB runs overlapping read-write transactions one after the other) and a failed
 * write leaves the list exactly as it was.
 */
export class ReadingListStore {
  private readonly listeners: ((keys: string[]) => void)[] = [];

  private clockReady: Promise<HybridClock> | null = null;

  /** @param now The wall clock of change times; tests fix it. */
  constructor(
    private readonly db: CompanionDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Calls `listener` with the keys of the entries a write changed, once it has committed: the
   * background tells open panels to reload, and the sync and the backup take their turn.
   */
  onChange(listener: (keys: string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Tells every listener about committed changes; a listener that throws does not stop the others. */
  protected changed(keys: readonly string[]): void {
    if (keys.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener([...keys]);
      } catch (error) {
        console.error('[arxiv-digest] a reading-list listener failed:', error);
      }
    }
  }

  /**
   * Every entry, most recently saved first.
   * @param limit Only this many, read from the index's end: a view of the latest few never loads the whole list.
   */
  async list(limit?: number): Promise<ReadingListEntry[]> {
    if (limit !== undefined) return this.db.readingList.orderBy('savedAt').reverse().limit(limit).toArray();
    // The whole table in one getAll, sorted here: a reverse cursor over the index takes twice as long.
    return (await this.db.readingList.toArray()).sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  }

  /** The entry for a key, if saved. */
  async get(key: string): Promise<ReadingListEntry | undefined> {
    return this.db.readingList.get(key);
  }

  /** The keys of every saved paper, for "saved" markers and the saved-only filter. */
  async keys(): Promise<Set<string>> {
    return new Set((await this.db.readingList.toCollection().primaryKeys()) as string[]);
  }

  /**
   * Saves a paper once: saving it again (from another page of the same paper, another version,
   * another tab) keeps the first entry, its status, note and tags, and fills in only what it lacked.
   * @throws StoreError `invalid` when the paper has neither an id nor a title.
   */
  async save(input: SavePaper): Promise<SaveResult> {
    const paper = parse(SavePaperSchema, input);
    const key = readingListKey(paper);
    if (!key) throw new StoreError('invalid', 'a saved paper needs an arXiv id or a title');
    return this.write([key], async () => {
      const existing = await this.db.readingList.get(key);
      if (existing) {
        const merged: ReadingListEntry = {
          ...existing,
          authors: existing.authors.length > 0 ? existing.authors : paper.authors,
          version: Math.max(existing.version ?? 0, paper.version ?? 0) || null,
          url: existing.url ?? paper.url,
        };
        await this.db.readingList.put(merged);
        return { entry: merged, created: false };
      }
      const entry = newReadingListEntry(paper, key, Date.now());
      await this.db.readingList.add(entry);
      return { entry, created: true };
    });
  }

  /**
   * Changes an entry's status, note or tags. With `base`, the note and tags the editor began from,
   * a change made on a copy that another window has changed since is merged into that window's
   * change instead of overwriting it: both notes are kept (see `mergeNoteTexts`), and the tags
   * this edit added or removed are added to or removed from the tags saved now.
   * @throws StoreError `not-found` when the entry was removed meanwhile.
   */
  async update(key: string, patch: ReadingListPatch, base?: ReadingListEditBase): Promise<ReadingListEntry> {
    const changes = parse(ReadingListPatchSchema, patch);
    const since = base ? parse(ReadingListEditBaseSchema, base) : {};
    return this.write([key], async () => {
      const existing = await this.db.readingList.get(key);
      if (!existing) throw new StoreError('not-found', key);
      if (changes.note !== undefined && since.note !== undefined && existing.note !== since.note) {
        changes.note = mergeNoteTexts(existing.note, changes.note, 'from another window').note;
      }
      const tags = changes.tags ? mergeTags(existing.tags, changes.tags, since.tags) : existing.tags;
      const updated: ReadingListEntry = { ...existing, ...changes, tags, updatedAt: Date.now() };
      await this.db.readingList.put(updated);
      return updated;
    });
  }

  /** Removes an entry; removing one that is not there is not an error. */
  async remove(key: string): Promise<void> {
    await this.write([key], () => this.db.readingList.delete(key));
  }

  /**
   * The whole list as a file, most recently saved first. Only the JSON file holds everything
   * (status, note, dates) and can be imported again; BibTeX and Markdown are for reading and citing.
   * @param now Dates the file name (the user's calendar day) and the JSON file's `exportedAt`.
   */
  async exportAs(format: ExportFormat, now = new Date()): Promise<ExportedFile> {
    const { extension, mimeType, write } = EXPORTS[format];
    const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    return { filename: `reading-list-${day}.${extension}`, mimeType, text: write(await this.list(), now) };
  }

  /**
   * Merges a JSON file from `exportAs('json')` into the list, all of it or, when anything is
   * wrong with the file or the write fails, none of it. A paper new to the list is added as the
   * file has it; one already saved is merged (see `mergeEntries`), so importing a file twice, or
   * into the list it came from, changes nothing. A note is never dropped: when both sides changed
   * it, the file's text is appended under a marked line and the entry is listed in `conflicts`.
   * @param now The reader's clock: a file's time past it (beyond a small tolerance) is refused.
   * @throws StoreError `invalid` with every problem in the file (up to 20), before anything is written.
   */
  async importJson(text: string, now = Date.now()): Promise<ImportResult> {
    const file = parseReadingListJson(text, now);
    if (!file.ok) throw new StoreError('invalid', file.problems.join('; '));
    // Filled in the transaction, read once it has committed: only the entries the file changed.
    const changedKeys: string[] = [];
    return this.write(file.entries.map((entry) => entry.key), async () => {
      changedKeys.length = 0;
      const existing = await this.db.readingList.bulkGet(file.entries.map((entry) => entry.key));
      const result: ImportResult = { added: 0, updated: 0, unchanged: 0, conflicts: [] };
      const changed: ReadingListEntry[] = [];
      file.entries.forEach((incoming, i) => {
        const current = existing[i];
        const { entry: merged, noteConflict } = current ? mergeEntries(current, incoming) : { entry: incoming, noteConflict: false };
        if (noteConflict) result.conflicts.push({ key: incoming.key, title: merged.title });
        if (!current) result.added++;
        else if (merged === current) result.unchanged++;
        else result.updated++;
        if (merged !== current) changed.push(merged);
      });
      if (changed.length > 0) await this.db.readingList.bulkPut(changed);
      changedKeys.push(...changed.map((entry) => entry.key));
      return result;
    }, changedKeys);
  }

  /**
   * This device's records for the sync: every entry's change times and every tombstone. An entry
   * saved before the sync kept records gets one from its own times.
   */
  async records(): Promise<SyncRecord[]> {
    const clock = await this.clock();
    return this.db.transaction('r', this.db.readingList, this.db.readingListClocks, async () => {
      const records = await this.db.readingListClocks.toArray();
      const known = new Set(records.map((record) => record.key));
      const older = await this.db.readingList.filter((entry) => !known.has(entry.key)).toArray();
      return [...records, ...older.map((entry) => recordOfEntry(entry, clock.device))];
    });
  }

  /**
   * Takes in the list merged with another device's: writes every record that changed, and the
   * entries they show, in one transaction. Nothing here is a change of this device's, so nothing
   * is stamped; the listeners hear of the entries that changed.
   */
  async applyMerged(merged: readonly SyncRecord[]): Promise<void> {
    const clock = await this.clock();
    const changedKeys: string[] = [];
    try {
      await this.db.transaction('rw', this.db.readingList, this.db.readingListClocks, async () => {
        const keys = merged.map((record) => record.key);
        const [stored, entries] = await Promise.all([this.db.readingListClocks.bulkGet(keys), this.db.readingList.bulkGet(keys)]);
        const records: SyncRecord[] = [];
        const put: ReadingListEntry[] = [];
        const removed: string[] = [];
        merged.forEach((record, i) => {
          for (const stamp of [record.created, record.deleted, record.status.s, record.tags.s, ...record.note.map((version) => version.s)]) if (stamp) clock.observe(stamp);
          if (JSON.stringify(stored[i]) !== JSON.stringify(record)) records.push(record);
          const entry = entries[i];
          if (!isLive(record)) {
            if (entry) removed.push(record.key);
            return;
          }
          const shown = entryOfRecord(record, entry, this.now());
          if (!entry || !sameEntry(entry, shown)) put.push(shown);
        });
        await this.db.readingListClocks.bulkPut(records);
        await this.db.readingList.bulkPut(put);
        await this.db.readingList.bulkDelete(removed);
        changedKeys.push(...put.map((entry) => entry.key), ...removed);
      });
    } catch (error) {
      throw toStoreError(error);
    }
    this.changed(changedKeys);
  }

  /** This device's id, as the sync's change times carry it. */
  async device(): Promise<string> {
    return (await this.clock()).device;
  }

  /** This device's clock: its id is kept in the settings, its time starts past every stored stamp. */
  private clock(): Promise<HybridClock> {
    this.clockReady ??= (async () => {
      const row = await this.db.settings.get(DEVICE_SETTING);
      const device = typeof row?.value === 'string' ? row.value : newDeviceId();
      if (!row) await this.db.settings.put({ key: DEVICE_SETTING, value: device });
      let seen = 0;
      await this.db.readingListClocks.each((record) => {
        seen = Math.max(seen, lastChange(record).t);
      });
      return new HybridClock(device, this.now, seen);
    })().catch((error: unknown) => {
      this.clockReady = null;
      throw error;
    });
    return this.clockReady;
  }

  /**
   * One read-write transaction; its failure, a full disk included, reaches the caller as a
   * StoreError. The entries of `keys` get their change times (see `recordAfterLocalChange`) in the
   * same transaction, and once it has committed, the listeners hear of them.
   */
  private async write<T>(keys: readonly string[], operation: () => Promise<T>, notify: readonly string[] = keys): Promise<T> {
    const clock = await this.clock();
    let result: T;
    try {
      result = await this.db.transaction('rw', this.db.readingList, this.db.readingListClocks, async () => {
        const [records, before] = await Promise.all([this.db.readingListClocks.bulkGet([...keys]), this.db.readingList.bulkGet([...keys])]);
        const value = await operation();
        const after = await this.db.readingList.bulkGet([...keys]);
        const stamp = clock.stamp();
        const changed: SyncRecord[] = [];
        const carried: ReadingListEntry[] = [];
        keys.forEach((key, i) => {
          // An entry saved before the sync kept records starts from its own times.
          const base = records[i] ?? (before[i] ? recordOfEntry(before[i], clock.device) : undefined);
          const entry = after[i];
          const next = recordAfterLocalChange(base, entry ?? null, stamp);
          if (next && next !== records[i]) changed.push(next);
          // A paper saved again carries the note texts no one removed (see recordAfterLocalChange).
          if (entry && next && renderNote(next.note) !== entry.note) carried.push({ ...entry, note: renderNote(next.note) });
        });
        await this.db.readingListClocks.bulkPut(changed);
        await this.db.readingList.bulkPut(carried);
        return value;
      });
    } catch (error) {
      throw toStoreError(error);
    }
    this.changed(notify);
    return result;
  }
}

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new StoreError('invalid', result.issues.map((issue) => `${v.getDotPath(issue) ?? 'value'}: ${issue.message}`).join('; '));
}

/**
 * An entry already saved, merged with the same paper from an imported file. Each side keeps what
 * it knows: the earlier save time, the status of whichever was changed last, both notes (see
 * `mergeNoteTexts`: a text the other contains adds nothing, two different texts are both kept),
 * every tag of both, and authors, URL and version where the list lacked them. Title and source
 * stay the list's own.
 * @returns `current` itself as `entry` when the file adds nothing, so the caller can tell what changed.
 */
function mergeEntries(current: ReadingListEntry, incoming: ReadingListEntry): { entry: ReadingListEntry; noteConflict: boolean } {
  const later = incoming.updatedAt > current.updatedAt ? incoming : current;
  const note = mergeNoteTexts(current.note, incoming.note, `from the imported file (edited ${describeTime(incoming.updatedAt)})`);
  const merged: ReadingListEntry = {
    ...current,
    savedAt: Math.min(current.savedAt, incoming.savedAt),
    status: later.status,
    note: note.note,
    tags: [...new Set([...current.tags, ...incoming.tags])],
    authors: current.authors.length > 0 ? current.authors : incoming.authors,
    url: current.url ?? incoming.url,
    version: current.version ?? incoming.version,
  };
  const same =
    merged.savedAt === current.savedAt &&
    merged.status === current.status &&
    merged.note === current.note &&
    sameStrings(merged.tags, current.tags) &&
    sameStrings(merged.authors, current.authors) &&
    merged.url === current.url &&
    merged.version === current.version;
  // updatedAt moves only with the content, so it stays the time of the change the status came from.
  return { entry: same ? current : { ...merged, updatedAt: Math.max(current.updatedAt, incoming.updatedAt) }, noteConflict: note.conflict };
}

/**
 * The tags an edit leaves: its own, or, when it began from `base` and the saved tags have changed
 * since, the saved tags with what this edit added and without what it removed.
 */
function mergeTags(saved: readonly string[], edited: readonly string[], base: readonly string[] | undefined): string[] {
  if (!base || sameStrings(saved, base)) return [...new Set(edited)];
  const removed = new Set(base.filter((tag) => !edited.includes(tag)));
  return [...new Set([...saved.filter((tag) => !removed.has(tag)), ...edited.filter((tag) => !base.includes(tag))])];
}

/** The setting that holds this device's id for the sync's change times. */
const DEVICE_SETTING = 'readingListDevice';

/**
 * The entry a record shows: what the sync carries (title, times, status, tags, the note) over
 * what this device knows of the paper; a paper new to this device gets its arXiv page as URL.
 */
function entryOfRecord(record: SyncRecord, entry: ReadingListEntry | undefined, now: number): ReadingListEntry {
  const arxivId = record.key.startsWith('arxiv:') ? record.key.slice('arxiv:'.length) : null;
  const base: ReadingListEntry = entry ?? {
    key: record.key,
    arxivId,
    version: null,
    title: record.title,
    authors: [],
    url: arxivId ? `https://arxiv.org/abs/${arxivId}` : null,
    source: 'sync',
    savedAt: record.savedAt,
    updatedAt: record.savedAt,
    status: record.status.v,
    note: '',
    tags: [],
  };
  const shown = { ...base, savedAt: Math.min(base.savedAt, record.savedAt), status: record.status.v, tags: [...record.tags.v], note: renderNote(record.note) };
  // A change from another device moves the time of the last change, but never past this clock.
  return sameEntry(base, shown) ? base : { ...shown, updatedAt: Math.max(base.updatedAt, Math.min(lastChange(record).t, now)) };
}

function sameEntry(a: ReadingListEntry, b: ReadingListEntry): boolean {
  return a.savedAt === b.savedAt && a.status === b.status && a.note === b.note && sameStrings(a.tags, b.tags) && a.title === b.title;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
