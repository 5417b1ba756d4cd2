/**
 * `feedSync`: the 42 real digests (`../shared/real-digests/`) synced as a digest feed into a fresh
 * profile of the built extension, with api.github.com and raw.githubusercontent.com routed to a
 * repository built from them. Baseline in the same run: the same 42 files imported by hand through
 * the options page's import worker, in another fresh profile.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openFeedOptions, sendFromPage, subscribeToWholeArchive } from '../e2e/support/feed-routes';
import { launchExtension } from '../e2e/support/launch-extension';
import { openFeedBenchSession } from './feed-bench-session';
import { DigestRepo, REAL_DIGESTS_DIR, realDigestFiles } from '../support/digest-repo';
import { round, summarize } from './measure';

export type FeedSyncFigures = {
  files: number;
  papers: number;
  /** The Subscribe click to the last file's papers written. */
  firstMs: number;
  /** The click to the first paper the feed brings found by `paper.get` (what a card asks). */
  firstCardMs: number;
  filesPerSecond: number;
  papersPerSecond: number;
  /** After the first sync, the background lays the papers over the search index; then a search answers. */
  searchReadyAfterMs: number;
  /** Check now with nothing new, to the sync finished: median of `runs`. */
  againMs: number;
  againP95Ms: number;
  /** Requests a sync with nothing new makes (each run; the most of them). */
  requestsAgain: number;
  /** Baseline: the same files picked in the options page's import box, to its report. */
  baselineImportByHandMs: number;
  targets: { firstMs: number; againMs: number; requestsAgain: number };
  met: { firstMs: boolean; againMs: boolean; requestsAgain: boolean };
};

type FeedList = { feeds: { files: { done: number; pending: number; failed: number; inFeed: number }; papers: number; feed: { lastSyncAt: number | null } }[]; syncing: string[] };
const FEED_ID = 'github:kedreamix/myblog@head/source/_posts/paper';

/** Null (with the reason) when the real digests are not beside the repository. */
export async function benchFeedSync({ runs = 7 } = {}): Promise<FeedSyncFigures | { skipped: string }> {
  const files = realDigestFiles();
  if (!files) return { skipped: `no ${REAL_DIGESTS_DIR}MANIFEST.tsv` };
  const repo = new DigestRepo(files);
  // The first paper of the newest file: the one the sync writes first.
  const newest = [...files.keys()].sort().at(-1)!;
  const firstId = /arxiv\.org\/abs\/(\d{4}\.\d{4,5})/.exec(new TextDecoder().decode(files.get(newest)))![1]!;

  const { session, page } = await openFeedBenchSession(repo);
  try {

    const start = Date.now();
    await subscribeToWholeArchive(page);
    let firstCardMs = 0;
    let list: FeedList;
    for (;;) {
      if (!firstCardMs && (await sendFromPage(page, { type: 'paper.get', arxivId: firstId })).ok) firstCardMs = Date.now() - start;
      list = (await sendFromPage<FeedList>(page, { type: 'feeds.list' })).value;
      const feed = list.feeds[0];
      if (feed && feed.feed.lastSyncAt !== null && feed.files.pending === 0 && list.syncing.length === 0) break;
      if (Date.now() - start > 300_000) throw new Error('the feed did not sync in 5 minutes');
      await page.waitForTimeout(25);
    }
    const firstMs = Date.now() - start;
    const summary = list.feeds[0]!;
    const searchStart = Date.now();
    await sendFromPage(page, { type: 'search.query', query: 'NeRF' });
    const searchReadyAfterMs = Date.now() - searchStart;

    const again: number[] = [];
    let requestsAgain = 0;
    for (let run = 0; run < runs; run++) {
      const before = repo.requests.length;
      const t0 = Date.now();
      await sendFromPage(page, { type: 'feeds.check', feedId: FEED_ID });
      while ((await sendFromPage<FeedList>(page, { type: 'feeds.list' })).value.syncing.length > 0) await page.waitForTimeout(5);
      again.push(Date.now() - t0);
      requestsAgain = Math.max(requestsAgain, repo.requests.length - before);
    }
    const againTiming = summarize(again);
    const baselineImportByHandMs = await importByHand([...files.keys()].length);
    const figures = {
      files: summary.files.done,
      papers: summary.papers,
      firstMs,
      firstCardMs,
      filesPerSecond: round(summary.files.done / (firstMs / 1000), 1),
      papersPerSecond: round(summary.papers / (firstMs / 1000), 1),
      searchReadyAfterMs,
      againMs: againTiming.medianMs,
      againP95Ms: againTiming.p95Ms,
      requestsAgain,
      baselineImportByHandMs,
      targets: { firstMs: 10_000, againMs: 1_000, requestsAgain: 1 },
    };
    return { ...figures, met: { firstMs: firstMs <= 10_000, againMs: againTiming.medianMs <= 1_000, requestsAgain: requestsAgain <= 1 } };
  } finally {
    await session.close();
  }
}

/** The same files through the options page's import box in a fresh profile: the click to the report. */
async function importByHand(count: number): Promise<number> {
  const dir = REAL_DIGESTS_DIR.replace(/\/?$/, '/');
  const { readFileSync } = await import('node:fs');
  const names = readFileSync(`${dir}MANIFEST.tsv`, 'utf8').split('\n').slice(1).map((line) => line.split('\t')[0]).filter((name): name is string => !!name).slice(0, count);
  const session = await launchExtension();
  try {
    const page: Page = await openFeedOptions(session);
    await sendFromPage(page, { type: 'search.query', query: 'diffusion' });
    const start = Date.now();
    await page.locator('.import-digests input[type=file]').setInputFiles(names.map((name) => fileURLToPath(new URL(name, `file://${dir}`))));
    await page.waitForFunction(() => document.querySelector('.import-digests')?.getAttribute('data-import-step') === 'done', null, { timeout: 300_000 });
    return Date.now() - start;
  } finally {
    await session.close();
  }
}

/** The bench's met/missed lines for `feedSync`. */
export function feedSyncTargets(figures: FeedSyncFigures | { skipped: string }): string[] {
  if ('skipped' in figures) return [`skipped feedSync: ${figures.skipped}`];
  const line = (ok: boolean, text: string) => `${ok ? 'met   ' : 'MISSED'} ${text}`;
  return [
    line(figures.met.firstMs, `feed sync of ${figures.files} real digests, first sync ms: ${figures.firstMs} (target ≤ 10000; by hand in the import box: ${figures.baselineImportByHandMs})`),
    line(figures.met.againMs, `second sync with nothing new, median ms: ${figures.againMs} (target ≤ 1000)`),
    line(figures.met.requestsAgain, `requests of a second sync with nothing new: ${figures.requestsAgain} (target 1)`),
  ];
}
