import { describe, expect, it } from 'vitest';
import { CHATPAPER_ARCHIVE, type FeedSpec } from '../../../lib/feeds/feed-spec';
import { FeedRunner } from '../../../lib/feeds/feed-runner';
import { syncFeed, type FeedSyncDependencies } from '../../../lib/feeds/sync-feed';
import type { CompanionDatabase } from '../../../lib/store/database';
import { FeedStore } from '../../../lib/store/feed-store';
import { ImportStore } from '../../../lib/store/import-store';
import { ReadingListStore } from '../../../lib/store/reading-list-store';
import { DigestRepo } from '../../support/digest-repo';
import { fakeDatabase } from '../../support/fake-database';
import { DAILY, fixtureBytes, fixtureText, weeklyText } from '../import/helpers';

const FOLDER = CHATPAPER_ARCHIVE.folder;
const NOW = Date.UTC(2026, 11, 6, 9, 0, 0);
const spec: FeedSpec = { ...CHATPAPER_ARCHIVE, topics: null, window: 'all' };

const weekly = (prefix: string, count: number, abstract = 'We study') =>
  weeklyText(Array.from({ length: count }, (_, i) => ({ arxivId: `${prefix}.${10000 + i}`, title: `Feed Paper ${prefix} ${i} on Diffusion`, abstract: `${abstract} problem ${i}.` })));

function setup(files: [string, string | Uint8Array][]) {
  const db = fakeDatabase(`feeds-${Math.random()}`);
  const imports = new ImportStore(db);
  const store = new FeedStore(db, imports);
  const repo = new DigestRepo(files.map(([path, content]) => [`${FOLDER}/${path}`, content]));
  let clock = NOW;
  let batch = 0;
  const deps: FeedSyncDependencies & { granted: boolean } = {
    store,
    granted: true,
    fetch: repo.fetch,
    async hasPermission() {
      return this.granted;
    },
    taxonomyEntries: () => imports.taxonomyEntries(),
    loadRepairModel: () => Promise.reject(new Error('no model in this test')),
    now: () => clock,
    newBatchId: () => `batch-${++batch}`,
  };
  return { db, imports, store, repo, deps, id: '', tick: (ms: number) => (clock += ms) };
}

async function subscribed(files: [string, string | Uint8Array][], feed: FeedSpec = spec) {
  const world = setup(files);
  // A seeded corpus (with no taxonomy): the importer links only against a complete one, and waits for it.
  await world.db.meta.put({ key: 'corpus', hash: 'empty', complete: true, startedAt: 0, seededAt: 0, counts: { papers: 0, taxonomyNodes: 0, taxonomyEntries: 0, titles: 0 } });
  world.id = (await world.store.subscribe(feed, NOW)).id;
  return world;
}

const rowsPerPaper = async (db: CompanionDatabase) => {
  const counts = new Map<string, number>();
  for (const row of await db.importedPapers.toArray()) counts.set(row.arxivId, (counts.get(row.arxivId) ?? 0) + 1);
  return counts;
};

const FILES: [string, string][] = [
  ['2024-05-20/Diffusion Models.md', fixtureText(DAILY)],
  ['2024-05-21/3DGS.md', weekly('2405', 3)],
  ['2024-05-22/NeRF.md', weekly('2406', 2)],
];

describe('syncing a feed', () => {
  it('imports each file as one import named after the feed and the day, then a second sync is one request and fetches nothing', async () => {
    const { db, store, repo, deps, id, imports } = await subscribed(FILES);
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'done', fetched: 3, requests: 4 });
    const batches = await db.importBatches.toArray();
    expect(batches.map((batch) => batch.files[0]?.file).sort()).toEqual([
      'ChatPaperFree archive · 3DGS · 2024-05-21',
      'ChatPaperFree archive · Diffusion Models · 2024-05-20',
      'ChatPaperFree archive · NeRF · 2024-05-22',
    ]);
    expect(batches.every((batch) => batch.feed?.feedId === id)).toBe(true);
    const paper = await imports.visiblePaper('2406.10001');
    expect(paper && 'imported' in paper && paper.imported.file).toBe('ChatPaperFree archive · NeRF · 2024-05-22');
    const [summary] = await store.summaries();
    expect(summary).toMatchObject({ files: { inFeed: 3, done: 3, pending: 0, failed: 0 }, feed: { problem: null, lastSyncAt: NOW } });

    const before = repo.requests.length;
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'done', fetched: 0, requests: 1 });
    expect(repo.countSince(before)).toBe(1);
    expect(await db.importBatches.count()).toBe(3);
  });

  it('updates the papers of a file that changed upstream, with no paper twice', async () => {
    const { db, repo, deps, id, imports } = await subscribed(FILES);
    await syncFeed(id, deps);
    repo.put(`${FOLDER}/2024-05-21/3DGS.md`, weekly('2405', 4, 'We now study'));
    const before = repo.requests.length;
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'done', fetched: 1 });
    expect(repo.requests.slice(before).filter((url) => url.includes('raw.githubusercontent.com'))).toHaveLength(1);
    expect((await imports.visiblePaper('2405.10000'))?.abstract).toBe('We now study problem 0.');
    expect((await imports.visiblePaper('2405.10003'))?.title).toBe('Feed Paper 2405 3 on Diffusion');
    expect([...(await rowsPerPaper(db)).values()].every((count) => count === 1)).toBe(true);
    expect(await db.importBatches.count()).toBe(3);
  });

  it('keeps the papers of a file deleted upstream, marked as no longer in the feed', async () => {
    const { db, store, repo, deps, id, imports } = await subscribed(FILES);
    await syncFeed(id, deps);
    repo.files.delete(`${FOLDER}/2024-05-22/NeRF.md`);
    await syncFeed(id, deps);
    expect(await imports.visiblePaper('2406.10001')).toBeDefined();
    const [summary] = await store.summaries();
    expect(summary?.files).toMatchObject({ inFeed: 2, done: 2, gone: 1 });
    expect((await db.importBatches.toArray()).filter((batch) => batch.feed?.gone).map((batch) => batch.feed?.path)).toEqual([`${FOLDER}/2024-05-22/NeRF.md`]);
  });

  it('reports a malformed file with its reason and imports the rest', async () => {
    const { store, deps, id } = await subscribed([...FILES, ['2024-05-23/LLM.md', fixtureBytes('binary.bin')], ['2024-05-24/LLM.md', '# nothing here\n']]);
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'done', fetched: 5 });
    const [summary] = await store.summaries();
    expect(summary?.files).toMatchObject({ done: 3, failed: 2 });
    expect(summary?.errors.map((error) => error.path)).toEqual([`${FOLDER}/2024-05-23/LLM.md`, `${FOLDER}/2024-05-24/LLM.md`]);
    expect(summary?.errors[0]?.error).toMatch(/text|UTF-8|control/i);
  });

  it('offline: says so, keeps what it wrote, backs off, and resumes with the files left', async () => {
    const { db, store, repo, deps, id, tick } = await subscribed(FILES);
    let files = 0;
    deps.onFileDone = () => {
      if (++files === 1) repo.fault = { kind: 'offline', host: 'raw.githubusercontent.com' };
    };
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'stopped', problem: 'offline' });
    let [summary] = await store.summaries();
    expect(summary?.feed).toMatchObject({ problem: { kind: 'offline' }, failures: 1, waitUntil: NOW + 60_000 });
    expect(summary?.files).toMatchObject({ done: 1, pending: 2 });
    expect(await syncFeed(id, deps)).toEqual({ status: 'skipped', reason: 'waiting' });

    repo.fault = null;
    tick(61_000);
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'done', fetched: 2 });
    [summary] = await store.summaries();
    expect(summary?.feed).toMatchObject({ problem: null, failures: 0, waitUntil: null });
    expect([...(await rowsPerPaper(db)).values()].every((count) => count === 1)).toBe(true);
  });

  it('a 5xx backs off longer each time, and Check now does not wait for it', async () => {
    const { store, repo, deps, id, tick } = await subscribed(FILES);
    repo.fault = { kind: 'server-error' };
    await syncFeed(id, deps);
    tick(61_000);
    await syncFeed(id, deps);
    expect((await store.feed(id))?.waitUntil).toBe(NOW + 61_000 + 120_000);
    expect((await store.feed(id))?.problem).toEqual({ kind: 'server', detail: 'HTTP 502 from api.github.com' });
    repo.fault = null;
    expect(await syncFeed(id, deps, { force: true })).toMatchObject({ status: 'done', fetched: 3 });
  });

  it('a spent rate limit waits until its reset, even on Check now, then goes on', async () => {
    const { store, repo, deps, id, tick } = await subscribed(FILES);
    const reset = NOW + 30 * 60_000;
    repo.fault = { kind: 'rate-limit', resetAt: reset };
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'stopped', problem: 'rate-limited', requests: 1 });
    expect((await store.feed(id))?.waitUntil).toBe(reset + 5000);
    const before = repo.requests.length;
    expect(await syncFeed(id, deps, { force: true })).toEqual({ status: 'skipped', reason: 'waiting' });
    expect(repo.requests.length).toBe(before);
    repo.fault = null;
    tick(30 * 60_000 + 5000);
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'done', fetched: 3 });
  });

  it('makes no request at all without the permission', async () => {
    const { store, repo, deps, id } = await subscribed(FILES);
    deps.granted = false;
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'stopped', problem: 'permission', requests: 0 });
    expect(repo.requests).toEqual([]);
    expect((await store.feed(id))?.waitUntil).toBeNull();
  });

  it('a sync killed mid-way resumes where it stopped: no paper missing, none twice', async () => {
    const { db, deps, id, repo } = await subscribed(FILES);
    let files = 0;
    deps.keepAlive = async () => {
      // The worker dies before the third file: the promise is abandoned mid-sync.
      if (++files === 3) throw new Error('worker stopped');
    };
    await expect(syncFeed(id, deps)).rejects.toThrow('worker stopped');
    expect((await db.feedFiles.toArray()).map((file) => file.state).sort()).toEqual(['done', 'done', 'pending']);
    deps.keepAlive = undefined;
    const before = repo.requests.length;
    expect(await syncFeed(id, deps)).toMatchObject({ status: 'done', fetched: 1 });
    expect(repo.countSince(before, 'raw.githubusercontent.com')).toBe(1);
    const counts = await rowsPerPaper(db);
    expect(counts.size).toBe(3 + 3 + 2);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it('takes only the ticked topics', async () => {
    const { db, deps, id } = await subscribed(FILES, { ...spec, topics: ['3DGS', 'NeRF'] });
    await syncFeed(id, deps);
    expect((await db.feedFiles.toArray()).map((file) => file.topic).sort()).toEqual(['3DGS', 'NeRF']);
  });
});

describe('new papers and unsubscribing', () => {
  it('lists the papers feeds brought that no one had, newest first', async () => {
    const { store, deps, id, tick } = await subscribed(FILES.slice(0, 2));
    await syncFeed(id, deps);
    const news = await store.newPapers(NOW - 1, 50);
    expect(news.total).toBe(6);
    expect(news.papers.find((paper) => paper.arxivId === '2405.10000')).toMatchObject({ title: 'Feed Paper 2405 0 on Diffusion', from: 'ChatPaperFree archive · 3DGS · 2024-05-21' });
    tick(1000);
    expect((await store.newPapers(NOW + 1, 50)).total).toBe(0);
  });

  it.each([
    [true, 6, 0],
    [false, 0, 6],
  ])('unsubscribing with keepPapers=%s keeps %i papers (removes %i) and never touches the reading list', async (keep, kept, removed) => {
    const { db, store, deps, id, imports } = await subscribed(FILES.slice(0, 2));
    const readingList = new ReadingListStore(db);
    await readingList.save({ arxivId: '2405.10000', title: 'Feed Paper 2405 0 on Diffusion', url: 'https://arxiv.org/abs/2405.10000', source: 'popup' });
    await syncFeed(id, deps);
    expect(await store.unsubscribe(id, keep)).toEqual({ papers: removed });
    expect((await imports.visibleImports()).length).toBe(kept);
    expect(await db.feeds.count()).toBe(0);
    expect(await db.feedFiles.count()).toBe(0);
    expect((await imports.batches()).every((batch) => !('feed' in batch))).toBe(true);
    expect((await readingList.list()).map((entry) => entry.arxivId)).toEqual(['2405.10000']);
  });
});

describe('the runner', () => {
  it('syncs what is due, one at a time, and sets the next wake-up a day later', async () => {
    const { store, deps, id } = await subscribed(FILES);
    const alarms: (number | null)[] = [];
    let changed = 0;
    const runner = new FeedRunner({ ...deps, schedule: async (when) => void alarms.push(when), onImportsChanged: () => changed++ });
    await Promise.all([runner.runDue(), runner.sync(id)]);
    expect((await store.summaries())[0]?.files.done).toBe(3);
    expect(alarms.at(-1)).toBe(NOW + 24 * 3600_000);
    expect(changed).toBe(1);
  });
});
