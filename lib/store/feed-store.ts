import { feedId, type FeedFileRef, type FeedSpec } from '../feeds/feed-spec';
import type { TreeDiff } from '../feeds/tree-diff';
import { planImport } from '../import/plan-import';
import type { PreparedFile } from '../import/prepare-import-file';
import type { CompanionDatabase, FeedFileRow, FeedRow, ImportBatchRow } from './database';
import type { ImportStore } from './import-store';
import { StoreError, toStoreError } from './store-error';

/** A feed with its files counted, for the options page. */
export interface FeedSummary {
  feed: FeedRow;
  files: { inFeed: number; done: number; pending: number; failed: number; gone: number };
  papers: number;
  /** The files the pipeline refused, with the reason. */
  errors: { path: string; error: string }[];
}

/** A paper a feed brought that no one had before, for the popup. */
export interface FeedNewPaper {
  arxivId: string;
  title: string;
  /** "ChatPaperFree archive · Diffusion Models · 2024-06-20". */
  from: string;
  arrivedAt: number;
}

/**
 * Digest feeds and their files. Every file's papers go in as one import of their own (see
 * `ImportStore`), written in the same transaction that marks the file done, so a sync cut short at
 * any point resumes with no paper missing and none twice.
 */
export class FeedStore {
  constructor(
    private readonly db: CompanionDatabase,
    private readonly imports: ImportStore,
  ) {}

  /** Every feed, oldest subscription first. */
  async feeds(): Promise<FeedRow[]> {
    return (await this.db.feeds.toArray()).sort((a, b) => a.subscribedAt - b.subscribedAt);
  }

  async feed(id: string): Promise<FeedRow | undefined> {
    return this.db.feeds.get(id);
  }

  /**
   * Subscribes to a folder, or changes the topics and window of a feed of the same folder (its
   * next listing is then read whole again, whatever the ETag says).
   */
  async subscribe(spec: FeedSpec, now: number): Promise<FeedRow> {
    const id = feedId(spec);
    return this.write(async () => {
      const before = await this.db.feeds.get(id);
      const row: FeedRow = before
        ? { ...before, ...spec, etag: null, waitUntil: before.problem?.kind === 'permission' ? null : before.waitUntil, problem: before.problem?.kind === 'permission' ? null : before.problem }
        : { ...spec, id, subscribedAt: now, etag: null, lastCheckAt: null, lastSyncAt: null, failures: 0, waitUntil: null, problem: null };
      await this.db.feeds.put(row);
      return row;
    });
  }

  /** Changes a feed's sync state; a feed unsubscribed meanwhile stays gone. */
  async update(id: string, patch: Partial<Omit<FeedRow, 'id'>>): Promise<void> {
    await this.write(() => this.db.feeds.update(id, patch));
  }

  async files(id: string): Promise<FeedFileRow[]> {
    return this.db.feedFiles.where('feedId').equals(id).toArray();
  }

  /** Files still to fetch, newest day first, so that the first cards come from the latest digests. */
  async pendingFiles(id: string): Promise<FeedFileRow[]> {
    const files = (await this.files(id)).filter((file) => file.state === 'pending');
    return files.sort((a, b) => b.date.localeCompare(a.date) || a.topic.localeCompare(b.topic));
  }

  /**
   * Records a listing in one transaction: new and changed files become pending (a changed file keeps
   * its import until the new one replaces it), vanished files are marked gone (their papers stay),
   * and files back unchanged are done again.
   */
  async applyListing(id: string, diff: TreeDiff, patch: Partial<FeedRow>): Promise<void> {
    await this.write(() =>
      this.db.transaction('rw', this.db.feeds, this.db.feedFiles, this.db.importBatches, async () => {
        if (!(await this.db.feeds.get(id))) return;
        const known = new Map((await this.files(id)).map((file) => [file.path, file]));
        await this.db.feedFiles.bulkPut(diff.fetch.map((file) => pendingRow(id, file, known.get(file.path))));
        for (const [paths, state, gone] of [
          [diff.gone, 'gone', true],
          [diff.back, 'done', false],
        ] as const) {
          for (const path of paths) {
            const file = known.get(path);
            if (!file) continue;
            // A file refused before it vanished has no import; coming back unchanged it is still refused.
            await this.db.feedFiles.put({ ...file, state: file.batchId === null && !gone ? 'failed' : state });
            if (file.batchId) await this.db.importBatches.update(file.batchId, { feed: { feedId: id, path, gone } });
          }
        }
        await this.db.feeds.update(id, patch);
      }),
    );
  }

  /**
   * Writes one file's papers as one import and marks the file done, in one transaction. A file
   * that changed replaces its earlier import there too. Does nothing when the file is no longer
   * pending at this sha (an earlier run finished it, or a newer listing changed it).
   * @returns the papers written and those no one had before; null when nothing was to be done.
   */
  async commitFile(id: string, file: FeedFileRef, prepared: PreparedFile, batch: { id: string; importedAt: number }): Promise<{ papers: number; added: string[] } | null> {
    return this.write(() =>
      this.db.transaction('rw', [this.db.feedFiles, this.db.papers, this.db.importedPapers, this.db.importBatches, this.db.searchIndexes], async () => {
        const row = await this.db.feedFiles.get([id, file.path]);
        if (!row || row.state !== 'pending' || row.sha !== file.sha) return null;
        const ids = [...new Set(prepared.papers.map((paper) => paper.arxivId))];
        const before = await this.imports.visiblePapers(ids);
        // Each file's import holds every paper it gives, known or not: removing another import, or
        // another feed, can then never take away a paper this file still gives.
        const plan = planImport([prepared], new Map(), batch);
        const added = ids.filter((arxivId) => !before.has(arxivId));
        const report = plan.batch.files[0];
        if (report) Object.assign(report, { added, updated: ids.filter((arxivId) => before.has(arxivId)) });
        if (row.batchId && (await this.db.importBatches.get(row.batchId))) await this.imports.remove(row.batchId);
        const importBatch: ImportBatchRow = { ...plan.batch, feed: { feedId: id, path: file.path } };
        await this.imports.commit(importBatch, plan.rows);
        await this.db.feedFiles.put({ ...row, state: 'done', batchId: batch.id, papers: plan.rows.length, added, error: null, doneAt: batch.importedAt });
        return { papers: plan.rows.length, added };
      }),
    );
  }

  /** Marks a file the pipeline refused: it is not fetched again until it changes. */
  async failFile(id: string, file: FeedFileRef, error: string): Promise<void> {
    await this.write(() =>
      this.db.transaction('rw', this.db.feedFiles, async () => {
        const row = await this.db.feedFiles.get([id, file.path]);
        if (row && row.sha === file.sha) await this.db.feedFiles.put({ ...row, state: 'failed', error });
      }),
    );
  }

  /**
   * Ends a subscription. With `keepPapers`, its imports stay and join the ordinary imports, where
   * each can still be removed; otherwise they go with it. The reading list is never touched.
   * @returns how many imported digests were removed.
   */
  async unsubscribe(id: string, keepPapers: boolean): Promise<{ papers: number }> {
    return this.write(() =>
      this.db.transaction('rw', [this.db.feeds, this.db.feedFiles, this.db.importedPapers, this.db.importBatches, this.db.searchIndexes], async () => {
        if (!(await this.db.feeds.get(id))) throw new StoreError('not-found', `no feed ${id}`);
        const batchIds = (await this.files(id)).flatMap((file) => (file.batchId ? [file.batchId] : []));
        let papers = 0;
        for (const batchId of batchIds) {
          const batch = await this.db.importBatches.get(batchId);
          if (!batch) continue;
          if (keepPapers) await this.db.importBatches.put(withoutFeed(batch));
          else papers += (await this.imports.remove(batchId)).papers;
        }
        await this.db.feedFiles.where('feedId').equals(id).delete();
        await this.db.feeds.delete(id);
        return { papers };
      }),
    );
  }

  /** Every feed with its files counted. */
  async summaries(): Promise<FeedSummary[]> {
    const feeds = await this.feeds();
    return Promise.all(
      feeds.map(async (feed) => {
        const files = await this.files(feed.id);
        const count = (state: FeedFileRow['state']) => files.filter((file) => file.state === state).length;
        return {
          feed,
          files: { inFeed: files.length - count('gone'), done: count('done'), pending: count('pending'), failed: count('failed'), gone: count('gone') },
          papers: files.reduce((sum, file) => sum + file.papers, 0),
          errors: files.flatMap((file) => (file.state === 'failed' && file.error ? [{ path: file.path, error: file.error }] : [])),
        };
      }),
    );
  }

  /**
   * Papers feeds brought since `since` that no one had before, newest first, as the user sees them
   * now (a paper whose import was removed since is left out).
   */
  async newPapers(since: number, limit: number): Promise<{ total: number; papers: FeedNewPaper[] }> {
    const files = (await this.db.feedFiles.where('doneAt').aboveOrEqual(Math.max(1, since)).toArray()).sort((a, b) => b.doneAt - a.doneAt);
    const arrivals = new Map<string, number>();
    for (const file of files) for (const arxivId of file.added) if (!arrivals.has(arxivId)) arrivals.set(arxivId, file.doneAt);
    const visible = await this.imports.visiblePapers([...arrivals.keys()]);
    const papers = [...arrivals].flatMap(([arxivId, arrivedAt]) => {
      const paper = visible.get(arxivId);
      return paper && 'imported' in paper ? [{ arxivId, title: paper.title, from: paper.imported.file, arrivedAt }] : [];
    });
    return { total: papers.length, papers: papers.slice(0, limit) };
  }

  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toStoreError(error);
    }
  }
}

function pendingRow(feedId: string, file: FeedFileRef, before: FeedFileRow | undefined): FeedFileRow {
  return { feedId, ...file, state: 'pending', batchId: before?.batchId ?? null, papers: before?.papers ?? 0, added: before?.added ?? [], error: null, doneAt: before?.doneAt ?? 0 };
}

function withoutFeed(batch: ImportBatchRow): ImportBatchRow {
  const { feed: _feed, ...rest } = batch;
  return rest;
}
