import { join } from 'node:path';
import { expect } from 'vitest';
import { FEED_HOST_PERMISSIONS } from '../../../lib/feeds/github-urls';
import { packedItems, packForSync, unpackFromSync } from '../../../lib/sync/sync-codec';
import { newRecord } from '../../../lib/sync/sync-record';
import { zoteroOriginPattern } from '../../../lib/zotero/connector-client';
import { DigestRepo, realDigestFiles, REAL_DIGESTS_DIR } from '../../support/digest-repo';
import { startFakeZotero } from '../../support/zotero-connector-server';
import { CONDITION_TIMEOUT_MS, type BrowserName, type E2eDriver, type E2eTab } from './e2e-driver';
import { GITHUB_HOSTS } from './feed-routes';

/**
 * The end-to-end cases both browsers' suites share, one row per user flow: each row says in which browsers it runs
 * and, where it does not, why. `test/e2e/shared-cases.test.ts` runs the table in Chromium and
 * `test/e2e-firefox/shared-cases.test.ts` in Firefox, both against the same fixture pages (`../fixtures/`). The
 * README's *Browsers* table is this table in words. Cases run in order in one browser profile, each on its own
 * papers, so none depends on another.
 */
export interface E2eCase {
  /** The flow the README's *Browsers* table names. */
  flow: 'card' | 'pdf tab' | 'popup' | 'reading list' | 'panel' | 'save shortcut' | 'background' | 'import' | 'feeds' | 'Zotero' | 'sync';
  title: string;
  /** `true` where the case runs; otherwise why it does not (yet). */
  runs: Record<BrowserName, true | string>;
  /** None while the feature it covers is still being built: pending everywhere, with the reason in `runs`. */
  run?: (driver: E2eDriver) => Promise<void>;
}

const IMPORT_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'import');

/** Opens a URL in a new tab and waits until the content script has decided what to show (`<html data-arxiv-digest>`). */
export async function openPaper(driver: E2eDriver, url: string): Promise<E2eTab> {
  const tab = await driver.newTab();
  await tab.goto(url);
  await tab.waitUntil(() => document.documentElement.hasAttribute('data-arxiv-digest'), null);
  return tab;
}

/** Text of the first match inside the card's open shadow root, or null. */
export function cardText(tab: E2eTab, selector: string): Promise<string | null> {
  return tab.evaluate((sel) => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector(sel)?.textContent ?? null, selector);
}

/** Opens one of the extension's own pages (`popup.html`, `sidepanel.html`, `options.html`) in a tab of its own. */
export async function openExtensionPage(driver: E2eDriver, path: string, readySelector: string): Promise<E2eTab> {
  const tab = await driver.newTab();
  await tab.goto(`${driver.extensionOrigin}/${path}`);
  await tab.waitUntil((sel) => document.querySelector(sel), readySelector);
  return tab;
}

/** Types a query into a search box and returns the titles listed for that very query (the list names its query). */
export async function searchTitles(tab: E2eTab, query: string): Promise<string[]> {
  await tab.type('[role="combobox"]', query);
  await tab.waitUntil((q) => [...document.querySelectorAll('.results')].some((list) => list.getAttribute('data-query') === q), query);
  return tab.evaluate(() => [...document.querySelectorAll('.result .result-title')].map((el) => el.textContent ?? ''), null);
}

/**
 * The toolbar badge of the tab showing `url`, read from an extension page (which has the APIs): `action` in Chrome,
 * `browserAction` in Firefox's MV2 build. Waits for a non-empty badge unless `expectEmpty`.
 */
async function badgeOf(extensionPage: E2eTab, url: string, expectEmpty = false): Promise<string> {
  const read = () =>
    extensionPage.evaluate(async (wanted) => {
      const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
        tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
        action?: { getBadgeText(details: { tabId: number }): Promise<string> };
        browserAction?: { getBadgeText(details: { tabId: number }): Promise<string> };
      };
      const [tab] = await api.tabs.query({ url: wanted });
      if (tab?.id === undefined) return null;
      return (api.action ?? api.browserAction)!.getBadgeText({ tabId: tab.id });
    }, url);
  if (!expectEmpty) await expect.poll(read, { timeout: 30_000, interval: 200 }).toBeTruthy();
  else await expect.poll(read, { timeout: 30_000, interval: 200 }).toBe('');
  return (await read()) ?? '';
}

/** Opens the panel's page in a tab, waits until its reading list lists the entry `key`, and returns that entry's title. */
async function waitForReadingListEntry(driver: E2eDriver, key: string): Promise<string> {
  const panel = await openExtensionPage(driver, 'sidepanel.html', '[role="tablist"]');
  await panel.click('#tab-reading-list');
  await panel.waitUntil((k) => document.querySelector(`.entry[data-key="${k}"] .paper-title`), key);
  const title = await panel.evaluate((k) => document.querySelector(`.entry[data-key="${k}"] .paper-title`)!.textContent ?? '', key);
  await panel.close();
  return title;
}

/** What the Firefox-only case calls in an extension page: the sidebar and the views of the add-on's own pages. */
interface FirefoxSidebarApis {
  browser: {
    sidebarAction: { isOpen(details: object): Promise<boolean> };
    extension: { getViews(filter: { type: 'sidebar' }): Window[] };
  };
}

/** Sends a request to the background from an extension page, as the pages' client does, and returns its answer. */
async function sendToBackground<T>(page: E2eTab, message: unknown): Promise<T> {
  const reply = await page.evaluate((msg) => {
    const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } };
    return api.runtime.sendMessage(msg);
  }, message);
  if (!reply.ok) throw new Error(`${JSON.stringify(message)} failed: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/** Everything the extension holds in `storage.sync` (Firefox keeps it under the add-on's gecko id). */
function syncStorage(page: E2eTab): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as { storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } } };
    return api.storage.sync.get(null);
  }, null);
}

/** One day of the generator's archive, from the real digests beside the repository (22 NeRF papers); null when absent. */
const NERF_DAY = 'source/_posts/Paper/2024-01-24/NeRF.md';
const NERF_DAY_FILE = realDigestFiles()?.get(NERF_DAY) ?? null;

const BOTH = { chromium: true, firefox: true } as const;

export const E2E_CASES: E2eCase[] = [
  {
    flow: 'card',
    title: 'the card on an arXiv abs page: summary and Save first, then takeaways and placement, above the abstract, covering nothing',
    runs: BOTH,
    async run(driver) {
      const tab = await openPaper(driver, 'https://arxiv.org/abs/2404.15449');
      expect(await tab.evaluate(() => document.documentElement.getAttribute('data-arxiv-digest'), null)).toBe('card');
      expect(await cardText(tab, '.summary')).toContain('身份保持');
      expect(await cardText(tab, '.placements')).toContain('ID-Aligner (image + text)');
      expect(await cardText(tab, 'button.save')).toBe('Save to reading list');
      const layout = await tab.evaluate(() => {
        const root = document.querySelector('arxiv-digest-card')!.shadowRoot!;
        const card = root.querySelector('.card')!.getBoundingClientRect();
        const covers = (sel: string) => {
          const r = document.querySelector(sel)!.getBoundingClientRect();
          return r.right > card.left && card.right > r.left && r.bottom > card.top && card.bottom > r.top;
        };
        return {
          // The summary and Save share the first row; the rest follows in this order.
          order: ['.summary', '.takeaways', '.placements', 'details'].map((sel) => root.querySelector(sel)!.getBoundingClientRect().top),
          saveInFirstRow: root.querySelector('button.save')!.getBoundingClientRect().top < root.querySelector('.takeaways')!.getBoundingClientRect().top,
          aboveAbstract: card.bottom <= document.querySelector('blockquote.abstract')!.getBoundingClientRect().top + 1,
          covers: ['h1.title', 'div.authors', 'blockquote.abstract'].map(covers),
        };
      }, null);
      expect(layout.order).toEqual([...layout.order].sort((a, b) => a - b));
      expect(layout).toMatchObject({ saveInFirstRow: true, aboveAbstract: true, covers: [false, false, false] });
      await tab.close();
    },
  },
  {
    flow: 'card',
    title: 'Save on the card: the button says Saved, and still does when the paper is opened again',
    runs: BOTH,
    async run(driver) {
      const tab = await openPaper(driver, 'https://arxiv.org/abs/2403.04692v2');
      await tab.click('button.save', 'arxiv-digest-card');
      await tab.waitUntil(() => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector('button.save[aria-pressed="true"]'), null);
      expect(await cardText(tab, 'button.save')).toBe('✓ Saved');
      await tab.close();
      const again = await openPaper(driver, 'https://arxiv.org/abs/2403.04692');
      expect(await cardText(again, 'button.save')).toBe('✓ Saved');
      await again.close();
    },
  },
  {
    flow: 'card',
    title: "a hostile page's scripts learn nothing of the extension, and can neither shut the card down nor click in it (issue 13, 7a and 7b)",
    runs: BOTH,
    async run(driver) {
      const extensionPage = await openExtensionPage(driver, 'popup.html', '[role="combobox"]');
      const extensionId = await extensionPage.evaluate(() => (((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as { runtime: { id: string } }).runtime.id, null);
      await extensionPage.close();
      // The fixture's first inline script keeps every window message, as a page fishing for the id would.
      const tab = await openPaper(driver, 'https://arxiv.org/abs/2404.14239');
      await tab.waitUntil(() => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector('button.save'), null);
      const heard = await tab.evaluate(() => (window as unknown as { __pageMessages: string[] }).__pageMessages, null);
      expect(heard.filter((message) => message.includes(extensionId) || message.includes('content-script-started'))).toEqual([]);
      // Knowing the id anyway, the page forges the "newer script started" event, then clicks Save inside the open root.
      await tab.evaluate((id) => {
        document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
        document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelector<HTMLButtonElement>('button.save')!.click();
      }, extensionId);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await cardText(tab, 'button.save')).toBe('Save to reading list');
      // The card is still there and still answers the user.
      await tab.click('button.save', 'arxiv-digest-card');
      await tab.waitUntil(() => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector('button.save[aria-pressed="true"]'), null);
      await tab.close();
    },
  },
  {
    flow: 'pdf tab',
    title: "a PDF tab's toolbar badge: 文 when its paper has a digest, none when it has not",
    runs: BOTH,
    async run(driver) {
      const known = await driver.newTab();
      await known.goto('https://arxiv.org/pdf/2404.15449v1');
      const unknown = await driver.newTab();
      await unknown.goto('https://arxiv.org/pdf/2501.00001');
      const extensionPage = await openExtensionPage(driver, 'popup.html', '[role="combobox"]');
      expect(await badgeOf(extensionPage, 'https://arxiv.org/pdf/2404.15449v1')).toBe('文');
      expect(await badgeOf(extensionPage, 'https://arxiv.org/pdf/2501.00001', true)).toBe('');
      await Promise.all([known.close(), unknown.close(), extensionPage.close()]);
    },
  },
  {
    flow: 'pdf tab',
    title: "a PDF tab's title names the paper, and the PDF stays in the browser's viewer",
    runs: {
      chromium: true,
      firefox:
        "in its own file, test/e2e-firefox/pdf-title.test.ts: Firefox names the tab from the PDF response's headers, and this suite's request interception answers before the extension's webRequest listener sees a response",
    },
    async run(driver) {
      const pdf = await driver.newTab();
      await pdf.goto('https://arxiv.org/pdf/2404.15449v1');
      const extensionPage = await openExtensionPage(driver, 'popup.html', '[role="combobox"]');
      const tabOf = () =>
        extensionPage.evaluate(async (wanted) => {
          const api = (globalThis as unknown as { chrome: { tabs: { query(filter: { url: string }): Promise<{ title?: string; url?: string }[]> } } }).chrome;
          const [tab] = await api.tabs.query({ url: wanted });
          return { title: tab?.title ?? '', url: tab?.url };
        }, 'https://arxiv.org/pdf/2404.15449v1');
      await expect.poll(async () => (await tabOf()).title, { timeout: 30_000, interval: 200 }).toBe('ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning (arXiv:2404.15449)');
      expect((await tabOf()).url).toBe('https://arxiv.org/pdf/2404.15449v1');
      await Promise.all([pdf.close(), extensionPage.close()]);
    },
  },
  {
    flow: 'popup',
    title: "the popup's search finds papers by Chinese, English prefix, typo, arXiv id and author",
    runs: BOTH,
    async run(driver) {
      const popup = await openExtensionPage(driver, 'popup.html', '[role="combobox"]');
      for (const [query, first] of [
        ['身份保持', /^ID-Aligner/],
        ['multibo', /^MultiBooth/],
        ['dreembooth', /^DreamBooth/],
        ['2403.04692v2', /^PixArt-Σ/],
        ['Kate Saenko', /^Concept Arithmetics/],
      ] as const) {
        expect((await searchTitles(popup, query))[0], query).toMatch(first);
      }
      await popup.close();
    },
  },
  {
    flow: 'reading list',
    title: "a paper saved from the card is in the panel's reading list (the panel's page opened in a tab)",
    runs: BOTH,
    async run(driver) {
      const tab = await openPaper(driver, 'https://arxiv.org/abs/2404.15449');
      await tab.click('button.save', 'arxiv-digest-card');
      await tab.waitUntil(() => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector('button.save[aria-pressed="true"]'), null);
      expect(await waitForReadingListEntry(driver, 'arxiv:2404.15449')).toMatch(/^ID-Aligner/);
      await tab.close();
    },
  },
  {
    flow: 'panel',
    title: 'the panel (in a window of its own) follows the active tab, PDF tabs included',
    runs: BOTH,
    async run(driver) {
      const panel = await driver.openWindow('sidepanel.html', '[role="tablist"]');
      const tab = await driver.newTab();
      await tab.goto('https://arxiv.org/pdf/2404.15449v1');
      await panel.waitUntil(() => document.querySelector('.current-paper[data-arxiv-id="2404.15449"] .summary'), null);
      expect(await panel.evaluate(() => document.querySelector('.current-paper .summary')!.textContent, null)).toContain('身份保持');
      await tab.goto('https://arxiv.org/abs/2403.04692');
      await panel.waitUntil(() => document.querySelector('.current-paper[data-arxiv-id="2403.04692"]'), null);
      await Promise.all([tab.close(), panel.close()]);
    },
  },
  {
    flow: 'panel',
    title: "Firefox's own sidebar: it follows the active tab, and a card's breadcrumb opens its node there",
    runs: {
      chromium: "Chrome's side panel is not reachable from a test (no view of it in extension.getViews, no target in playwright); the panel's page in a window stands in for it above",
      firefox: true,
    },
    async run(driver) {
      // Firefox opens the sidebar once on install. Its document is an extension view, which another extension page
      // of the same add-on can read (extension.getViews): WebDriver cannot reach the sidebar itself.
      const viewer = await openExtensionPage(driver, 'popup.html', '[role="combobox"]');
      const sidebarOpen = await viewer.evaluate(() => (globalThis as unknown as FirefoxSidebarApis).browser.sidebarAction.isOpen({}), null);
      expect(sidebarOpen, 'Firefox opens the sidebar on install').toBe(true);
      const inSidebar = (selector: string) =>
        viewer.waitUntil((sel) => (globalThis as unknown as FirefoxSidebarApis).browser.extension.getViews({ type: 'sidebar' })[0]?.document.querySelector(sel), selector);
      const sidebarText = (selector: string) =>
        viewer.evaluate((sel) => (globalThis as unknown as FirefoxSidebarApis).browser.extension.getViews({ type: 'sidebar' })[0]?.document.querySelector(sel)?.textContent ?? null, selector);

      const tab = await openPaper(driver, 'https://arxiv.org/abs/2404.15449');
      await inSidebar('.current-paper[data-arxiv-id="2404.15449"]');
      await tab.click('.breadcrumb li:last-child button', 'arxiv-digest-card');
      // The node's papers open in place, under the node's own row in the tree.
      await inSidebar('[role="treeitem"][aria-selected="true"] .node-view');
      expect(await sidebarText('[role="treeitem"][aria-selected="true"] .node-label')).toBe('ID-Aligner');
      expect(await sidebarText('[role="treeitem"][aria-selected="true"] .node-papers li')).toContain('ID-Aligner');
      expect(await sidebarText('[role="tab"][aria-selected="true"]')).toBe('Taxonomy');
      await Promise.all([tab.close(), viewer.close()]);
    },
  },
  {
    flow: 'save shortcut',
    title: 'the browser has the save shortcut, Alt+Shift+S (pressing it is not testable: see the table)',
    runs: BOTH,
    async run(driver) {
      // WebDriver's and DevTools' key events are dispatched in the page; neither browser matches them against
      // extension shortcuts, which it handles outside the page (tried: the page sees the keys, no command fires).
      const page = await openExtensionPage(driver, 'popup.html', '[role="combobox"]');
      const commands = await page.evaluate(() => {
        const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
        return api.commands.getAll();
      }, null);
      expect(commands.find((command) => command.name === 'save-paper')?.shortcut).toMatch(/^(Alt\+Shift\+S|⌥⇧S)$/);
      await page.close();
    },
  },
  {
    flow: 'background',
    title: 'after the background went to sleep, a paper page still gets its card and a PDF tab its badge',
    runs: BOTH,
    async run(driver) {
      await driver.sleepBackground();
      const tab = await openPaper(driver, 'https://arxiv.org/abs/2404.15449v1');
      await tab.waitUntil(() => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector('.summary'), null);
      await driver.sleepBackground();
      await tab.goto('https://arxiv.org/pdf/2403.04692v2');
      const extensionPage = await openExtensionPage(driver, 'popup.html', '[role="combobox"]');
      expect(await badgeOf(extensionPage, 'https://arxiv.org/pdf/2403.04692v2')).toBe('文');
      await Promise.all([tab.close(), extensionPage.close()]);
    },
  },
  {
    flow: 'import',
    title: 'importing a daily digest on the options page gives its papers a card and search results',
    runs: BOTH,
    async run(driver) {
      const options = await openExtensionPage(driver, 'options.html', '.import-digests input[type=file]');
      await options.setInputFiles('.import-digests input[type=file]', [join(IMPORT_FIXTURES, 'daily-2024-05-20.txt')]);
      await options.waitUntil(() => ['done', 'cancelled', 'failed'].includes(document.querySelector('.import-digests')?.getAttribute('data-import-step') ?? ''), null, 120_000);
      const report = await options.evaluate(() => {
        const file = document.querySelector('.import-file[data-file="daily-2024-05-20.txt"]');
        return { step: document.querySelector('.import-digests')!.getAttribute('data-import-step'), status: file?.getAttribute('data-status'), added: [...(file?.querySelectorAll('.import-ids.added a') ?? [])].map((a) => a.textContent) };
      }, null);
      expect(report).toEqual({ step: 'done', status: 'imported', added: ['2405.12001', '2405.12002', '2405.12003'] });
      const tab = await openPaper(driver, 'https://arxiv.org/abs/2405.12001');
      await tab.waitUntil(() => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector('.summary'), null);
      expect(await cardText(tab, '.summary')).toContain('扰动注意力引导');
      const popup = await openExtensionPage(driver, 'popup.html', '[role="combobox"]');
      expect((await searchTitles(popup, 'perturbed attention guidance'))[0]).toMatch(/^Self-Rectifying Diffusion Sampling/);
      await Promise.all([options.close(), tab.close(), popup.close()]);
    },
  },
  {
    flow: 'feeds',
    title: "subscribing to a feed in the click that grants GitHub's hosts: one listing, its files fetched, their papers found; a second check fetches nothing; unsubscribing removes them",
    runs: NERF_DAY_FILE ? BOTH : { chromium: `no ${REAL_DIGESTS_DIR}MANIFEST.tsv to build the feed from`, firefox: `no ${REAL_DIGESTS_DIR}MANIFEST.tsv to build the feed from` },
    async run(driver) {
      const repo = new DigestRepo([[NERF_DAY, NERF_DAY_FILE!]]);
      await driver.routeHosts(GITHUB_HOSTS, (url, headers) => repo.answer(url, headers));
      await driver.allowOptionalOrigins(FEED_HOST_PERMISSIONS);
      const options = await openExtensionPage(driver, 'options.html', '.feed-subscribe');
      await options.click('.feed-topics input[value="NeRF"]');
      await options.click('input[name="feed-window"][value="all"]');
      await options.click('.feed-subscribe');
      await options.waitUntil(() => document.querySelector('.feed')?.getAttribute('data-feed-state') === 'feedStatusUpToDate', null, 60_000);
      expect(await options.evaluate(() => document.querySelector('.feed-counts')?.textContent, null)).toBe('1 files, 22 papers');
      expect(repo.requests.map((url) => new URL(url).host)).toEqual(['api.github.com', 'raw.githubusercontent.com']);
      // *Check now* with nothing new upstream: the listing alone (answered 304), no file fetched again.
      await options.click('.feed-actions button:first-child');
      await expect.poll(() => repo.requests.length, { timeout: CONDITION_TIMEOUT_MS }).toBe(3);
      await options.waitUntil(() => document.querySelector('.feed')?.getAttribute('data-feed-state') === 'feedStatusUpToDate', null);
      expect(new URL(repo.requests[2]!).host).toBe('api.github.com');

      // A PDF tab of one of its papers gets the badge, and the popup's search finds it.
      const pdf = await driver.newTab();
      await pdf.goto('https://arxiv.org/pdf/2401.08140');
      const popup = await openExtensionPage(driver, 'popup.html', '[role="combobox"]');
      expect(await badgeOf(popup, 'https://arxiv.org/pdf/2401.08140')).toBe('文');
      await expect.poll(async () => (await searchTitles(popup, 'ProvNeRF'))[0], { timeout: 60_000, interval: 1000 }).toMatch(/^ProvNeRF/);

      const feeds = await sendToBackground<{ feeds: { feed: { id: string } }[] }>(options, { type: 'feeds.list' });
      await sendToBackground(options, { type: 'feeds.unsubscribe', feedId: feeds.feeds[0]!.feed.id, keepPapers: false });
      // The badge is the tab's since it loaded: loaded again, the tab finds the paper gone.
      await pdf.goto('https://arxiv.org/pdf/2401.08140');
      expect(await badgeOf(popup, 'https://arxiv.org/pdf/2401.08140', true)).toBe('');
      await Promise.all([options.close(), pdf.close(), popup.close()]);
    },
  },
  {
    flow: 'Zotero',
    title: 'Save to Zotero in the panel, with the optional permission granted in the click, reaches a loopback Zotero with the digest as a note',
    runs: BOTH,
    async run(driver) {
      // Zotero's own port: the Chromium suite's zotero.test.ts uses it too, one file after the other, never at once.
      const zotero = await startFakeZotero({ port: 23119 });
      try {
        await driver.allowOptionalOrigins([zoteroOriginPattern(driver.browser === 'firefox' ? 'firefox' : 'chrome')]);
        const panel = await driver.openWindow('sidepanel.html', '[role="tablist"]');
        const tab = await driver.newTab();
        await tab.goto('https://arxiv.org/abs/2403.04692');
        await panel.waitUntil(() => document.querySelector('.current-paper[data-arxiv-id="2403.04692"] button.zotero-save'), null);
        await panel.click('.current-paper button.zotero-save');
        await panel.waitUntil(() => document.querySelector('.current-paper .zotero [role="status"], .current-paper .zotero [role="alert"]'), null);
        expect(await panel.evaluate(() => document.querySelector('.current-paper .zotero [role="status"], .current-paper .zotero [role="alert"]')!.textContent, null)).toBe('Saved to Zotero, with the digest as a note.');
        expect(zotero.saves).toHaveLength(1);
        const [item] = zotero.saves[0]!.items;
        expect(item).toMatchObject({ itemType: 'preprint', title: expect.stringMatching(/^PixArt-Σ/), notes: [{ note: expect.stringContaining('PixArt-Σ') }] });
        await Promise.all([tab.close(), panel.close()]);
      } finally {
        await zotero.close();
      }
    },
  },
  {
    flow: 'sync',
    title: 'sync, turned on in the panel, writes the reading list into storage.sync, and merges in an entry another device wrote there',
    runs: BOTH,
    async run(driver) {
      const panel = await openExtensionPage(driver, 'sidepanel.html', '[role="tablist"]');
      await sendToBackground(panel, { type: 'readingList.save', paper: { arxivId: '2405.12001', title: 'Self-Rectifying Diffusion Sampling with Perturbed-Attention Guidance', url: 'https://arxiv.org/abs/2405.12001', source: 'side-panel' } });
      await panel.click('#tab-reading-list');
      await panel.click('details.sync-backup summary');
      await panel.click('.sync-toggle input');
      await panel.waitUntil(() => document.querySelector('.sync-status')?.textContent?.startsWith('Synced: all'), null);
      const remote = await unpackFromSync(await syncStorage(panel));
      if (remote.kind !== 'list') throw new Error(`storage.sync holds no list: ${JSON.stringify(remote)}`);
      expect(remote.records.map((record) => record.key)).toContain('arxiv:2405.12001');

      // Another device adds a paper to the synced list; the browser's sync engine delivers its items here.
      const now = Date.now();
      const laptop = newRecord({ key: 'arxiv:2501.00001', title: 'Unrelated Paper About Robots', savedAt: now, status: 'to-read', tags: ['laptop'], note: 'saved on the laptop' }, { t: now, d: 'laptop' });
      const items = packedItems(await packForSync([...remote.records, laptop], 100_000, 'laptop', now));
      await panel.evaluate((arrived) => {
        const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as { storage: { sync: { set(items: object): Promise<void> } } };
        return api.storage.sync.set(arrived);
      }, items);
      await panel.waitUntil(() => document.querySelector('.entry[data-key="arxiv:2501.00001"] .paper-title')?.textContent === 'Unrelated Paper About Robots', null);
      await panel.close();
    },
  },
];
