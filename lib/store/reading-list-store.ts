import * as v from 'valibot';
import { readingListKey } from '../reading-list/entry-key';
import {
  ReadingListPatchSchema,
  SavePaperSchema,
  type ReadingListEntry,
  type ReadingListPatch,
  type SavePaper,
} from '../reading-list/reading-list-entry';
import type { CompanionDatabase } from './database';
import { StoreError, toStoreError } from './store-error';

/** The outcome of a save: the entry as stored, and whether it is new. */
export interface SaveResult {
  entry: ReadingListEntry;
  created: boolean;
}

/**
 * The reading list. Every write is one IndexedDB transaction, so two tabs saving at once both
 * land (IndexedDB runs overlapping read-write transactions one after the other) and a failed
 * write leaves the list exactly as it was.
 */
export class ReadingListStore {
  constructor(private readonly db: CompanionDatabase) {}

  /** Every entry, most recently saved first. */
  async list(): Promise<ReadingListEntry[]> {
    return (await this.db.readingList.orderBy('savedAt').reverse().toArray());
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
    return this.write(async () => {
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
      const now = Date.now();
      const entry: ReadingListEntry = {
        key,
        arxivId: paper.arxivId,
        version: paper.version,
        title: paper.title.trim().replace(/\s+/g, ' '),
        authors: paper.authors,
        url: paper.url,
        source: paper.source,
        savedAt: now,
        updatedAt: now,
        status: 'to-read',
        note: '',
        tags: [],
      };
      await this.db.readingList.add(entry);
      return { entry, created: true };
    });
  }

  /**
   * Changes an entry's status, note or tags.
   * @throws StoreError `not-found` when the entry was removed meanwhile.
   */
  async update(key: string, patch: ReadingListPatch): Promise<ReadingListEntry> {
    const changes = parse(ReadingListPatchSchema, patch);
    return this.write(async () => {
      const existing = await this.db.readingList.get(key);
      if (!existing) throw new StoreError('not-found', key);
      const tags = changes.tags ? [...new Set(changes.tags)] : existing.tags;
      const updated: ReadingListEntry = { ...existing, ...changes, tags, updatedAt: Date.now() };
      await this.db.readingList.put(updated);
      return updated;
    });
  }

  /** Removes an entry; removing one that is not there is not an error. */
  async remove(key: string): Promise<void> {
    await this.write(() => this.db.readingList.delete(key));
  }

  /** One read-write transaction; its failure, a full disk included, reaches the caller as a StoreError. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction('rw', this.db.readingList, operation);
    } catch (error) {
      throw toStoreError(error);
    }
  }
}

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new StoreError('invalid', result.issues.map((issue) => `${v.getDotPath(issue) ?? 'value'}: ${issue.message}`).join('; '));
}
