/**
 * Digest feeds in Chromium with the built extension: api.github.com and raw.githubusercontent.com are
 * routed to a repository built at test time from the real digests in `../shared/real-digests/`
 * (never copied into the project); without them this suite is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderArxivAbsTemplate } from './fixtures/fixture-pages';
import { openPopup, readTables } from './support/extension-pages';
import { grantFeedHosts, openFeedOptions as openOptions, routeGithub, sendFromPage as send, subscribeToWholeArchive } from './support/feed-routes';
import { launchExtension, type ExtensionSession } from './support/launch-extension';
import { cardText, openPaperPage } from './support/overlay-page';
import { DigestRepo, realDigestFiles, REAL_DIGESTS_DIR } from '../support/digest-repo';

// Eight of the 42 keep the suite quick; the bench syncs all of them (`feedSync`).
const files = (() => {
  const all = realDigestFiles();
  return all && new Map([...all].sort(([a], [b]) => a.localeCompare(b)).slice(0, 8));
})();
const FILES = files?.size ?? 0;
if (!files) console.warn(`feeds e2e: skipped, no ${REAL_DIGESTS_DIR}MANIFEST.tsv (the shared folder sits beside the repository clone)`);

const FEED_ID = 'github:kedreamix/myblog@head/source/_posts/paper';
const NERF = 'source/_posts/Paper/2024-01-24/NeRF.md';

/** The feed's status key (`data-feed-state`) once it is one of `states`. */
async function waitForFeed(page: Page, states: string[], timeout = 60_000): Promise<string> {
  await page.waitForFunction((wanted) => wanted.includes(document.querySelector('.feed')?.getAttribute('data-feed-state') ?? ''), states, { timeout });
  return (await page.locator('.feed').getAttribute('data-feed-state'))!;
}

/** Rows of the feed tables, read straight from the extension's IndexedDB. */
async function tables(page: Page): Promise<{ rows: number; ids: number; done: number; batches: number }> {
  const { importedPapers, feedFiles, importBatches } = await readTables(page, ['importedPapers', 'feedFiles', 'importBatches']);
  const rows = importedPapers as { arxivId: string }[];
  const done = (feedFiles as { state: string }[]).filter((file) => file.state === 'done').length;
  return { rows: rows.length, ids: new Set(rows.map((row) => row.arxivId)).size, done, batches: importBatches!.length };
}

describe.skipIf(!files)('digest feeds (Chromium)', () => {
  let session: ExtensionSession;
  let repo: DigestRepo;
  let options: Page;
  let firstSync: { rows: number; ids: number };
  const delay = { ms: 0 };

  beforeAll(async () => {
    repo = new DigestRepo(files!);
    session = await launchExtension();
    await routeGithub(session.context, repo, delay);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('makes no request before the permission is granted', async () => {
    options = await openOptions(session);
    await options.getByRole('button', { name: 'Subscribe' }).first().click();
    await options.waitForTimeout(1500);
    expect(repo.requests).toEqual([]);
    expect(await options.locator('.feed').count()).toBe(0);
    await options.close();
  });

  it('subscribes with the grant and finds the papers on their arXiv pages, in the popup and in the tree', async () => {
    await grantFeedHosts(session);
    options = await openOptions(session);
    await subscribeToWholeArchive(options);
    expect(await waitForFeed(options, ['feedStatusUpToDate'])).toBe('feedStatusUpToDate');
    expect(await options.locator('.feed-counts').textContent()).toMatch(new RegExp(`^${FILES} files, \\d+ papers$`));
    // One import per file, each holding every paper its file gives (a paper in two topics is in both).
    firstSync = await tables(options);
    expect(firstSync).toMatchObject({ done: FILES, batches: FILES });
    expect(repo.countSince(0, 'api.github.com')).toBe(1);
    expect(repo.countSince(0, 'raw.githubusercontent.com')).toBe(FILES);

    await session.context.route('https://arxiv.org/abs/2401.08140', async (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: await renderArxivAbsTemplate({ id: '2401.08140', title: 'ProvNeRF: Modeling per Point Provenance in NeRFs as a Stochastic Process', authors: ['Kiyohiro Nakayama'], abstract: 'Neural radiance fields.' }) }),
    );
    const paper = await session.context.newPage();
    expect(await openPaperPage(paper, 'https://arxiv.org/abs/2401.08140')).toBe('card');
    expect(await cardText(paper, '.imported-from')).toContain('ChatPaperFree archive · NeRF · 2024-01-24');
    await paper.close();

    const popup = await openPopup(session);
    // Search finds them too, once the worker has laid them over the search index.
    await popup.getByRole('combobox').fill('ProvNeRF');
    await popup.locator('.result .result-title', { hasText: 'ProvNeRF' }).first().waitFor({ timeout: 60_000 });
    await popup.getByRole('combobox').fill('');
    await popup.locator('#feed-news').waitFor();
    // New to the user: every paper of the feed but those the bundled corpus already had.
    const news = Number((await popup.locator('#feed-news').textContent())?.match(/^(\d+) new papers since yesterday$/)?.[1]);
    expect(news).toBeGreaterThan(firstSync.ids * 0.9);
    expect(news).toBeLessThanOrEqual(firstSync.ids);
    expect(await popup.locator('.feed-news li').count()).toBeGreaterThan(0);
    await popup.close();

    // In the tree: a taxonomy entry a feed paper was linked to by title lists it.
    const { importedPapers } = await readTables(options, ['importedPapers']);
    const row = (importedPapers as { arxivId: string; taxonomyEntryIds: string[] }[]).find((paper) => paper.taxonomyEntryIds.length > 0);
    const linked = row ? { arxivId: row.arxivId, entryId: row.taxonomyEntryIds[0]! } : null;
    if (linked) {
      const nodeId = linked.entryId.replace(/#\d+$/, '');
      const view = (await send(options, { type: 'taxonomy.node', id: nodeId })) as { ok: boolean; value: { entries: { arxivIds: string[] }[] } };
      expect(view.value.entries.flatMap((entry) => entry.arxivIds)).toContain(linked.arxivId);
    }
  });

  it('a second sync is one request and fetches nothing; a changed file updates its papers', async () => {
    const before = repo.requests.length;
    expect(await options.getByRole('button', { name: 'Check now' }).isEnabled()).toBe(true);
    await options.getByRole('button', { name: 'Check now' }).click();
    await waitForFeed(options, ['feedStatusUpToDate']);
    await expect.poll(() => repo.requests.length - before).toBe(1);
    expect(repo.requests.at(-1)).toContain('api.github.com');

    const text = new TextDecoder().decode(repo.files.get(NERF));
    repo.put(NERF, text.replace('ProvNeRF: Modeling per Point Provenance in NeRFs as a Stochastic Process', 'ProvNeRF: Per-Point Provenance in NeRFs, Revised'));
    const changed = repo.requests.length;
    await options.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(async () => ((await send(options, { type: 'paper.get', arxivId: '2401.08140' })) as { value: { digest: { title: string } } }).value.digest.title, { timeout: 30_000 }).toBe('ProvNeRF: Per-Point Provenance in NeRFs, Revised');
    expect(repo.requests.slice(changed).filter((url) => url.includes('raw.githubusercontent.com'))).toHaveLength(1);
    expect(await tables(options)).toMatchObject({ rows: firstSync.rows, ids: firstSync.ids });
  });

  it('offline says so in words and loses nothing; a rate limit met part-way says how many files are in and when the rest come; a spent one waits until its reset', async () => {
    repo.fault = { kind: 'offline' };
    await options.getByRole('button', { name: 'Check now' }).click();
    expect(await waitForFeed(options, ['feedStatusOffline'])).toBe('feedStatusOffline');
    expect(await options.locator('.feed-status').textContent()).toMatch(new RegExp(`^Offline, or GitHub cannot be reached: ${FILES} of ${FILES} files so far; trying again at `));
    expect(await tables(options)).toMatchObject({ rows: firstSync.rows, done: FILES });

    // A limit met part-way: two files changed upstream (their papers the same), and GitHub refuses them until its
    // reset, due at once; the status says how many files are in and when the rest come.
    const changed = [...repo.files.keys()].filter((path) => path !== NERF).slice(0, 2);
    for (const path of changed) repo.put(path, `${new TextDecoder().decode(repo.files.get(path))}\n`);
    repo.fault = { kind: 'rate-limit', host: 'raw.githubusercontent.com', resetAt: Date.now() };
    await options.getByRole('button', { name: 'Check now' }).click();
    expect(await waitForFeed(options, ['feedStatusRateLimited'])).toBe('feedStatusRateLimited');
    expect(await options.locator('.feed-status').textContent()).toMatch(new RegExp(`^${FILES - 2} of ${FILES} files; the rest after [^(]*\\d\\d:\\d\\d[^(]* \\(GitHub allows 60 listings an hour\\)$`));
    expect(await tables(options)).toMatchObject({ rows: firstSync.rows, done: FILES - 2 });
    // Once the reset has passed (plus the few seconds' margin), the rest come in, and nothing is doubled.
    repo.fault = null;
    const { value } = await send<{ feeds: { feed: { waitUntil: number } }[] }>(options, { type: 'feeds.list' });
    await options.waitForTimeout(Math.max(0, value.feeds[0]!.feed.waitUntil - Date.now()) + 200);
    await options.getByRole('button', { name: 'Check now' }).click();
    expect(await waitForFeed(options, ['feedStatusUpToDate'])).toBe('feedStatusUpToDate');
    expect(await tables(options)).toMatchObject({ rows: firstSync.rows, ids: firstSync.ids, done: FILES, batches: FILES });

    repo.fault = { kind: 'rate-limit', resetAt: Date.now() + 3600_000 };
    await options.getByRole('button', { name: 'Check now' }).click();
    expect(await waitForFeed(options, ['feedStatusRateLimitedIdle'])).toBe('feedStatusRateLimitedIdle');
    expect(await options.locator('.feed-status').textContent()).toMatch(new RegExp(`^All ${FILES} files in; GitHub’s hourly limit is spent, so the next check waits until .+\\d\\d:\\d\\d`));
    const before = repo.requests.length;
    await options.getByRole('button', { name: 'Check now' }).click();
    await options.waitForTimeout(1000);
    expect(repo.requests.length).toBe(before);
    repo.fault = null;
  });

  it('without the permission a check asks nothing of GitHub', async () => {
    await send(options, { type: 'feeds.unsubscribe', feedId: FEED_ID, keepPapers: true });
    // Subscribing anew clears the rate limit; the page then withdraws the permission.
    await options.reload();
    await options.getByLabel('everything').check();
    await options.locator('.feed-subscribe').click();
    await waitForFeed(options, ['feedStatusUpToDate']);
    await options.evaluate(() => (globalThis as unknown as { chrome: { permissions: { remove(p: unknown): Promise<boolean> } } }).chrome.permissions.remove({ origins: ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'] }));
    const before = repo.requests.length;
    await options.getByRole('button', { name: 'Check now' }).click();
    expect(await waitForFeed(options, ['feedStatusPermission'])).toBe('feedStatusPermission');
    expect(repo.requests.length).toBe(before);
  });

  it('unsubscribing asks: removing takes the feed\'s papers and leaves the reading list alone', async () => {
    await send(options, { type: 'readingList.save', paper: { arxivId: '2401.08140', title: 'ProvNeRF', url: 'https://arxiv.org/abs/2401.08140', source: 'popup' } });
    await options.reload();
    await options.getByRole('button', { name: 'Unsubscribe' }).click();
    await options.getByRole('button', { name: 'Remove its papers' }).click();
    await options.locator('.feed').waitFor({ state: 'detached' });
    // The papers kept from the earlier subscription stay, as plain imports.
    expect(await tables(options)).toMatchObject({ rows: firstSync.rows, ids: firstSync.ids, batches: FILES });
    const list = (await send(options, { type: 'readingList.list' })) as { value: { entries: { arxivId: string }[] } };
    expect(list.value.entries.map((entry) => entry.arxivId)).toEqual(['2401.08140']);
  });

  it('a service worker stopped mid-sync resumes with no paper missing and none twice, and keeping the papers keeps them', async () => {
    // The imports kept from the first subscription stay; the new feed writes its own import of every file beside them.
    await options.reload();
    // Slow files, so that the worker is stopped with some done and some not.
    delay.ms = 400;
    await subscribeToWholeArchive(options);
    await expect.poll(async () => (await tables(options)).done, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    const cdp = await session.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    delay.ms = 0;
    expect((await tables(options)).done).toBeLessThan(FILES);
    // Any message wakes the worker (here the page's next poll), which resumes the files left.
    expect(await waitForFeed(options, ['feedStatusUpToDate'])).toBe('feedStatusUpToDate');
    expect(await tables(options)).toMatchObject({ rows: 2 * firstSync.rows, ids: firstSync.ids, done: FILES, batches: 2 * FILES });

    await options.getByRole('button', { name: 'Unsubscribe' }).click();
    await options.getByRole('button', { name: 'Keep its papers' }).click();
    await options.locator('.feed').waitFor({ state: 'detached' });
    expect(await tables(options)).toMatchObject({ rows: 2 * firstSync.rows, batches: 2 * FILES });
  });
});
