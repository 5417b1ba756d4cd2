import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFixturePage, renderArxivAbsTemplate } from './fixtures/fixture-pages';
import type { ExtensionSession } from './support/launch-extension';
import { cardText, clickInCard, launchWithCardTab, openPaperPage } from './support/overlay-page';

function cardBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelector('.card')!).backgroundColor);
}

describe('what the card offers besides the digest, in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    ({ session, page } = await launchWithCardTab());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('gives a paper with no digest a bar with its title, Save and the way to import digests', async () => {
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2501.00001')).toBe('no-digest');
    expect(await cardText(page, '.no-digest-title')).toBe('Unrelated Paper About Robots');
    expect(await cardText(page, '.no-digest-note')).toContain('No digest yet.');
    await clickInCard(page, 'button.save');
    await page.locator('arxiv-digest-card button.save[aria-pressed="true"]').waitFor();
    const options = session.context.waitForEvent('page', (opened) => opened.url().endsWith('/options.html'));
    await clickInCard(page, '.no-digest-note button.link');
    await (await options).close();
  });

  it("shows the same bar in the side panel's This tab, whose Save saves the paper", async () => {
    const title = 'Another Paper Without a Digest';
    await page.route('https://arxiv.org/abs/2501.00002', async (route) =>
      route.fulfill({ contentType: 'text/html', body: await renderArxivAbsTemplate({ id: '2501.00002', title, authors: ['Alex Example'], abstract: 'A made-up fixture.' }) }),
    );
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2501.00002')).toBe('no-digest');
    await page.bringToFront();
    // The panel's page in a window of its own follows the active tab of the normal window, as the side panel does.
    const url = `chrome-extension://${session.extensionId}/sidepanel.html`;
    const opened = session.context.waitForEvent('page', (opening) => opening.url() === url);
    await session.worker.evaluate((windowUrl) => {
      const { chrome } = globalThis as unknown as { chrome: { windows: { create(options: object): Promise<unknown> } } };
      return chrome.windows.create({ url: windowUrl, type: 'popup', width: 420, height: 900 });
    }, url);
    const panel = await opened;
    await panel.locator('.no-digest-title').waitFor();
    expect(await panel.locator('.no-digest-title').textContent()).toBe(title);
    expect(await panel.locator('.no-digest-note').textContent()).toContain('No digest yet.');
    await panel.locator('.no-digest button.save').click();
    await panel.locator('.no-digest button.save[aria-pressed="true"]').waitFor();
    await panel.click('#tab-reading-list');
    await panel.locator('.entry .paper-title', { hasText: title }).waitFor();
    await panel.close();
    await page.unroute('https://arxiv.org/abs/2501.00002');
  });

  it('switches between the abs, PDF and HTML views from the menu, and declares Alt+Shift+V for it', async () => {
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449v1');
    await clickInCard(page, 'button.menu-button');
    expect(await page.locator('arxiv-digest-card .menu-views a').allTextContents()).toEqual(['PDF', 'HTML']);
    await clickInCard(page, '.menu-views a.view-html');
    await page.waitForURL('https://arxiv.org/html/2404.15449v1');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-arxiv-digest'));
    await clickInCard(page, 'button.menu-button');
    expect(await page.locator('arxiv-digest-card .menu-views a').allTextContents()).toEqual(['Abstract page', 'PDF']);
    await clickInCard(page, '.menu-views a.view-pdf');
    await page.waitForURL('https://arxiv.org/pdf/2404.15449v1');
    // Headless Chromium delivers no extension shortcuts, so the command itself is checked in the
    // manifest; where it goes is nextPaperViewUrl's table test.
    const commands = await session.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { commands: Record<string, { suggested_key?: { default?: string } }> } } } }).chrome.runtime.getManifest().commands);
    expect(commands['switch-view']?.suggested_key?.default).toBe('Alt+Shift+V');
  });

  it('copies the BibTeX the reading list would export', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://arxiv.org' });
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
    await clickInCard(page, 'button.menu-button');
    await clickInCard(page, 'button.copy-bibtex');
    await page.locator('arxiv-digest-card .menu-status').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@misc\{chen2024idaligner,/);
    expect(copied).toContain('eprint = {2404.15449}');
  });

  it("follows the page's background, else the system, and the user's choice over both", async () => {
    const template = await readFixturePage('arxiv-abs-2404.15449.html');
    const withBackground = (css: string) => template.replace('</style>', `${css}</style>`);
    await page.emulateMedia({ colorScheme: 'dark' });
    // White arXiv in a dark system: a light card.
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
    expect(await cardBackground(page)).toBe('rgb(255, 255, 255)');
    // A dark page (a reader's dark theme) in a light system: a dark card.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.route('https://arxiv.org/abs/2404.15449v1', (route) => route.fulfill({ contentType: 'text/html', body: withBackground('html{background-color:#0d1117!important;color:#ddd}') }));
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449v1');
    expect(await cardBackground(page)).toBe('rgb(28, 33, 40)');
    // Nothing to read: the system decides.
    await page.unroute('https://arxiv.org/abs/2404.15449v1');
    await page.route('https://arxiv.org/abs/2404.15449v1', (route) => route.fulfill({ contentType: 'text/html', body: withBackground('html{background-color:transparent!important}') }));
    await page.emulateMedia({ colorScheme: 'dark' });
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449v1');
    expect(await cardBackground(page)).toBe('rgb(28, 33, 40)');
    await page.unroute('https://arxiv.org/abs/2404.15449v1');
    // The user's choice, from the card's menu, holds on the next page too.
    await page.emulateMedia({ colorScheme: 'light' });
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
    await clickInCard(page, 'button.menu-button');
    await clickInCard(page, '[data-theme-choice="dark"]');
    expect(await cardBackground(page)).toBe('rgb(28, 33, 40)');
    await page.waitForTimeout(200);
    await openPaperPage(page, 'https://arxiv.org/abs/2403.04692');
    expect(await cardBackground(page)).toBe('rgb(28, 33, 40)');
    await clickInCard(page, 'button.menu-button');
    await clickInCard(page, '[data-theme-choice="auto"]');
    expect(await cardBackground(page)).toBe('rgb(255, 255, 255)');
  });
});
