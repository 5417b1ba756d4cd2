/**
 * `feedScale`: a whole subscription, about 2,500 papers (the size of the generator's archive), synced
 * as a digest feed into the built extension from synthetic digests in the archive's format and
 * folder layout, routed as GitHub. Search and card speed are measured in the same profile before the
 * subscription (the bundled corpus only: the baseline), while the background indexes the new
 * papers after the sync, and after it; then the first search of a woken worker.
 */
import type { Page } from 'playwright-core';
import { sendFromPage, subscribeToWholeArchive } from '../e2e/support/feed-routes';
import { openFeedBenchSession } from './feed-bench-session';
import { ARCHIVE, DigestRepo } from '../support/digest-repo';
import { round, summarize, type Timing } from './measure';
import { syntheticDigestFiles } from './synthetic-digests';

/** Search and card timings at one moment, medians and p95 in ms. */
export interface SearchAndCard {
  search: Timing;
  card: Timing;
}

export type FeedScaleFigures = {
  files: number;
  papers: number;
  /** Subscribe click to the last file written. */
  syncMs: number;
  /** The sync's end to the index over the feed's papers built and cached (the background builds it in slices). */
  indexedAfterMs: number;
  /** The sync's end to the first search that found the feed's last paper (0: none before the index was cached). */
  foundAfterMs: number;
  /** Card lookups (`page.lookup` of a feed paper) sent every 20 ms or so while the papers are indexed: the longest is the longest wait a page had. */
  cardDuringIndexing: Timing & { maxMs: number };
  /** Searches sent meanwhile (they answer from the index as it was). */
  searchDuringIndexing: Timing & { maxMs: number };
  /** Baseline: the same profile before subscribing, the bundled corpus only. */
  before: SearchAndCard;
  after: SearchAndCard;
  /** After / before, medians. */
  ratio: { search: number; card: number };
  /** The first search after the worker was stopped (it loads the cached index), median of `coldRuns`; before the subscription and after. */
  coldSearchBeforeMs: number;
  coldSearchAfterMs: number;
};

const QUERIES = ['diffusion', 'gaussian splatting', 'nerf', '扩散模型', 'talking head', 'controlnet', 'video generation', 'segment', 'text to image editing', 'difusion', 'lora', '3d'];

/** Papers per file as in the archive (about nine a day per topic) and files to make 2,500. */
export async function benchFeedScale({ papers = 2_500, files = 250, rounds = 3, coldRuns = 3 } = {}): Promise<FeedScaleFigures> {
  const { files: digests } = syntheticDigestFiles(papers, files);
  const day = (f: number) => new Date(Date.UTC(2024, 0, 1) + f * 86_400_000).toISOString().slice(0, 10);
  const repo = new DigestRepo(digests.map((file, f) => [`${ARCHIVE.folder}/${day(f)}/Diffusion Models.md`, file.text] as [string, string]));
  const feedIds = [1, Math.floor(papers / 2), papers].map((i) => `2407.${String(i).padStart(5, '0')}`);
  const bundledIds = ['2404.15449', '2403.04692', '2405.12002'];

  const { session, page } = await openFeedBenchSession(repo);
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const coldSearch = async () => {
      const times: number[] = [];
      for (let run = 0; run < coldRuns; run++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await page.waitForTimeout(300);
        const start = performance.now();
        await sendFromPage(page, { type: 'search.query', query: QUERIES[run % QUERIES.length] });
        times.push(performance.now() - start);
      }
      return summarize(times).medianMs;
    };

    const coldSearchBeforeMs = await coldSearch();
    const before = await searchAndCard(page, bundledIds, rounds);

    const start = performance.now();
    await subscribeToWholeArchive(page);
    for (;;) {
      const list = (await sendFromPage<{ feeds: { files: { pending: number }; feed: { lastSyncAt: number | null } }[]; syncing: string[] }>(page, { type: 'feeds.list' })).value;
      const feed = list.feeds[0];
      if (feed && feed.feed.lastSyncAt !== null && feed.files.pending === 0 && list.syncing.length === 0) break;
      if (performance.now() - start > 900_000) throw new Error('the feed did not sync in 15 minutes');
      await page.waitForTimeout(100);
    }
    const syncEnd = performance.now();
    const syncMs = syncEnd - start;

    // While the background indexes the new papers (until it has cached the index over them): a
    // card lookup and a search every 20 ms.
    const cards: number[] = [];
    const searches: number[] = [];
    let foundAfterMs = 0;
    while (!(await indexCachedOverImports(page))) {
      if (performance.now() - syncEnd > 300_000) throw new Error('the feed papers were not indexed 5 minutes after the sync');
      let t0 = performance.now();
      await sendFromPage(page, { type: 'page.lookup', url: `https://arxiv.org/abs/${feedIds[cards.length % feedIds.length]}` });
      cards.push(performance.now() - t0);
      t0 = performance.now();
      const found = await sendFromPage<{ hits: unknown[] }>(page, { type: 'search.query', query: feedIds[2] });
      searches.push(performance.now() - t0);
      if (!foundAfterMs && found.value.hits.length > 0) foundAfterMs = performance.now() - syncEnd;
      await page.waitForTimeout(20);
    }
    const indexedAfterMs = performance.now() - syncEnd;

    const after = await searchAndCard(page, [...feedIds, ...bundledIds], rounds);
    const coldSearchAfterMs = await coldSearch();
    const withMax = (times: number[]) => ({ ...summarize(times), maxMs: round(Math.max(0, ...times)) });
    return {
      files: repo.files.size,
      papers,
      syncMs: round(syncMs),
      indexedAfterMs: round(indexedAfterMs),
      foundAfterMs: round(foundAfterMs),
      cardDuringIndexing: withMax(cards),
      searchDuringIndexing: withMax(searches),
      before,
      after,
      ratio: { search: round(after.search.medianMs / before.search.medianMs, 2), card: round(after.card.medianMs / before.card.medianMs, 2) },
      coldSearchBeforeMs,
      coldSearchAfterMs,
    };
  } finally {
    await session.close();
  }
}

/** Whether the background has cached a search index over imports (its key holds `+`): the end of a build. */
function indexCachedOverImports(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('arxiv-digest-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction('searchIndexes').objectStore('searchIndexes').getAllKeys();
          keys.onsuccess = () => {
            open.result.close();
            resolve(keys.result.some((key) => String(key).includes('+')));
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

/** Every query searched and every paper looked up as a card does, `rounds` times each. */
async function searchAndCard(page: Page, ids: readonly string[], rounds: number): Promise<SearchAndCard> {
  const search: number[] = [];
  const card: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERIES) {
      const t0 = performance.now();
      await sendFromPage(page, { type: 'search.query', query });
      search.push(performance.now() - t0);
    }
    for (const id of ids) {
      const t0 = performance.now();
      await sendFromPage(page, { type: 'page.lookup', url: `https://arxiv.org/abs/${id}` });
      card.push(performance.now() - t0);
    }
  }
  return { search: summarize(search), card: summarize(card) };
}

/** The bench's lines for `feedScale`. */
export function feedScaleLines(figures: FeedScaleFigures): string[] {
  return [
    `feed of ${figures.papers} papers in ${figures.files} files: synced in ${figures.syncMs} ms, searchable ${figures.indexedAfterMs} ms after`,
    `card lookups while indexing: median ${figures.cardDuringIndexing.medianMs} ms, longest ${figures.cardDuringIndexing.maxMs} ms`,
    `search / card medians, bundle only → with the feed: ${figures.before.search.medianMs} → ${figures.after.search.medianMs} ms (×${figures.ratio.search}), ${figures.before.card.medianMs} → ${figures.after.card.medianMs} ms (×${figures.ratio.card})`,
    `first search of a woken worker: ${figures.coldSearchBeforeMs} → ${figures.coldSearchAfterMs} ms`,
  ];
}
