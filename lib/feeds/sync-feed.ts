import * as v from 'valibot';
import type { CorpusTaxonomyEntry } from '../corpus';
import { readImportFile } from '../import/read-import-file';
import { prepareOrReject, rejectionOf } from '../import/prepare-files';
import type { PreparedFile } from '../import/prepare-import-file';
import type { RejectedFile } from '../import/plan-import';
import { looksLikeMojibake, type RepairModel } from '../mojibake';
import type { FeedRow } from '../store/database';
import type { FeedStore } from '../store/feed-store';
import { feedFileLabel, type FeedFileRef } from './feed-spec';
import { judgeResponse, retryAt, type FeedProblemKind } from './feed-schedule';
import { rawFileUrl, treeUrl } from './github-urls';
import { diffTree } from './tree-diff';

/** What a sync needs from its surroundings; the background passes the browser's, tests their own. */
export interface FeedSyncDependencies {
  store: FeedStore;
  fetch: (url: string, init: { headers: Record<string, string>; cache: 'no-store' }) => Promise<Response>;
  /** Whether the user granted the two hosts; without it no request leaves. */
  hasPermission(): Promise<boolean>;
  taxonomyEntries(): Promise<CorpusTaxonomyEntry[]>;
  /** Loads the compact repair model; called only for a damaged file. */
  loadRepairModel(): Promise<RepairModel>;
  now(): number;
  newBatchId(): string;
  /** Called between files: an extension API call keeps Chrome's service worker from idling out. */
  keepAlive?(): Promise<void>;
  /** After each file whose papers were written. */
  onFileDone?(result: { file: FeedFileRef; papers: number; added: string[] }): void;
}

/** How a sync ended. */
export type SyncOutcome =
  | { status: 'done'; fetched: number; requests: number }
  | { status: 'stopped'; problem: FeedProblemKind; fetched: number; requests: number }
  | { status: 'skipped'; reason: 'no-feed' | 'waiting' };

const TreeSchema = v.object({
  tree: v.array(v.object({ path: v.string(), type: v.string(), sha: v.string() })),
  truncated: v.optional(v.boolean(), false),
});

class Stop extends Error {
  constructor(
    readonly kind: FeedProblemKind,
    readonly detail: string,
    readonly until?: number,
  ) {
    super(detail);
  }
}

/**
 * Syncs one feed: lists the folder (one request, conditional on the last ETag), records what is new,
 * changed and gone, then fetches each pending file from raw.githubusercontent.com and runs it
 * through the importer's pipeline, newest day first. Each file is written in its own transaction,
 * so a sync stopped at any point (the service worker killed, the network gone, the rate limit
 * spent) resumes from the next file. A problem stops the sync and says when to try again; a
 * malformed file is recorded and skipped.
 * @param force Sync now even when a backoff says wait (*Check now*); a rate limit still holds.
 */
export async function syncFeed(id: string, deps: FeedSyncDependencies, { force = false } = {}): Promise<SyncOutcome> {
  const feed = await deps.store.feed(id);
  if (!feed) return { status: 'skipped', reason: 'no-feed' };
  const now = deps.now();
  const rateLimited = feed.problem?.kind === 'rate-limited';
  if (feed.waitUntil !== null && feed.waitUntil > now && (!force || rateLimited)) return { status: 'skipped', reason: 'waiting' };

  let requests = 0;
  let fetched = 0;
  const get = async (url: string, headers: Record<string, string>) => {
    requests++;
    let response: Response;
    try {
      response = await deps.fetch(url, { headers, cache: 'no-store' });
    } catch (error) {
      throw new Stop('offline', error instanceof Error ? error.message : String(error));
    }
    const verdict = judgeResponse(response.status, response.headers, deps.now());
    if (verdict.kind === 'rate-limited') throw new Stop('rate-limited', `HTTP ${response.status}`, verdict.until);
    if (verdict.kind === 'server' || verdict.kind === 'refused' || verdict.kind === 'not-found') throw new Stop(verdict.kind, `HTTP ${verdict.status} from ${new URL(url).host}`);
    return { response, notModified: verdict.kind === 'not-modified' };
  };

  try {
    if (!(await deps.hasPermission())) throw new Stop('permission', 'api.github.com and raw.githubusercontent.com are not granted');
    await listFolder(feed, deps, get);
    const pending = await deps.store.pendingFiles(id);
    let context: { taxonomyEntries: CorpusTaxonomyEntry[]; repairModel: RepairModel | null | undefined } | null = null;
    for (const file of pending) {
      await deps.keepAlive?.();
      if (!(await deps.store.feed(id))) return { status: 'skipped', reason: 'no-feed' };
      let response: Response;
      try {
        ({ response } = await get(rawFileUrl(feed, file.path), {}));
      } catch (error) {
        // One file missing from raw.githubusercontent.com (removed since the listing) is that file's problem.
        if (error instanceof Stop && error.kind === 'not-found') {
          await deps.store.failFile(id, file, 'the file was listed but could not be fetched (404); it is tried again when it changes');
          continue;
        }
        throw error;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        throw new Stop('offline', error instanceof Error ? error.message : String(error));
      }
      fetched++;
      context ??= { taxonomyEntries: await deps.taxonomyEntries(), repairModel: undefined };
      const prepared = await prepareFeedFile(feedFileLabel(feed.title, file), bytes, context, deps);
      if ('error' in prepared) {
        await deps.store.failFile(id, file, prepared.error);
        continue;
      }
      const done = await deps.store.commitFile(id, file, prepared, { id: deps.newBatchId(), importedAt: deps.now() });
      if (done) deps.onFileDone?.({ file, ...done });
    }
    await deps.store.update(id, { lastSyncAt: deps.now(), failures: 0, waitUntil: null, problem: null });
    return { status: 'done', fetched, requests };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const failures = (feed.failures ?? 0) + 1;
    const at = deps.now();
    await deps.store.update(id, { failures, problem: { kind: error.kind, detail: error.detail }, waitUntil: retryAt({ kind: error.kind, until: error.until }, failures, at) });
    return { status: 'stopped', problem: error.kind, fetched, requests };
  }
}

/** Lists the folder and records the difference; a 304 (nothing changed) leaves the files as they are. */
async function listFolder(feed: FeedRow, deps: FeedSyncDependencies, get: (url: string, headers: Record<string, string>) => Promise<{ response: Response; notModified: boolean }>) {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
  if (feed.etag) headers['if-none-match'] = feed.etag;
  const { response, notModified } = await get(treeUrl(feed), headers);
  const checked = { lastCheckAt: deps.now() };
  if (notModified) return deps.store.update(feed.id, checked);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Stop('malformed-listing', 'the folder listing is not JSON');
  }
  const parsed = v.safeParse(TreeSchema, body);
  if (!parsed.success) throw new Stop('malformed-listing', 'the folder listing is not a git tree');
  const diff = diffTree(feed, parsed.output.tree, await deps.store.files(feed.id));
  await deps.store.applyListing(feed.id, diff, { ...checked, etag: response.headers.get('etag') });
}

/**
 * One fetched file through the importer's own checks and pipeline (read checks, mojibake repair,
 * parsers, KaTeX, sanitising, linking). The repair model is loaded only for the first damaged file.
 */
async function prepareFeedFile(
  label: string,
  bytes: Uint8Array,
  context: { taxonomyEntries: CorpusTaxonomyEntry[]; repairModel: RepairModel | null | undefined },
  deps: Pick<FeedSyncDependencies, 'loadRepairModel'>,
): Promise<PreparedFile | RejectedFile> {
  try {
    const text = readImportFile(label, bytes);
    const damaged = looksLikeMojibake(text);
    if (damaged && context.repairModel === undefined) context.repairModel = await deps.loadRepairModel().catch(() => null);
    return prepareOrReject({ file: label, text, looksLikeMojibake: damaged }, { taxonomyEntries: context.taxonomyEntries, repairModel: context.repairModel ?? null });
  } catch (error) {
    return rejectionOf(label, error);
  }
}
