import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderArxivAbsTemplate, routeFixtures } from './fixtures/fixture-pages';
import { openPopup, openSidePanel, search } from './support/extension-pages';
import { launchExtension, type ExtensionSession } from './support/launch-extension';
import { clickInCard, openPaperPage } from './support/overlay-page';

describe('the popup', () => {
  let session: ExtensionSession;
  let popup: Page;
  beforeAll(async () => {
    session = await launchExtension();
    await routeFixtures(session.context);
    popup = await openPopup(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('has focus in the search box when it opens', async () => {
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
  });

  it.each([
    ['a Chinese query', '身份保持', /^ID-Aligner/],
    ['an English prefix', 'multibo', /^MultiBooth/],
    ['a typo', 'dreembooth', /^DreamBooth/],
    ['an arXiv id with a version', '2403.04692v2', /^PixArt-Σ/],
    ['an author', 'Kate Saenko', /^Concept Arithmetics/],
  ])('finds the right paper first for %s', async (_, query, first) => {
    const titles = await search(popup, query);
    expect(titles[0]).toMatch(first);
  });

  it('says in words when nothing matches, and offers the same search on arXiv', async () => {
    expect(await search(popup, 'zzqqxxyy')).toEqual([]);
    expect(await popup.locator('.status').textContent()).toBe('No paper matches “zzqqxxyy”.');
    const elsewhere = popup.getByRole('link', { name: 'Search arXiv for “zzqqxxyy”' });
    expect(await elsewhere.getAttribute('href')).toBe('https://arxiv.org/search/?query=zzqqxxyy&searchtype=all');
  });

  it('says why a result matched when its title does not: the author, for an author search', async () => {
    await search(popup, 'Kate Saenko');
    expect(await popup.locator('.result').first().locator('.result-why').textContent()).toBe('Author: Kate Saenko');
  });

  it('shows what a taxonomy result is about, not a bare list number', async () => {
    await search(popup, 'multinomial diffusion');
    await popup.getByRole('radio', { name: 'Taxonomy' }).click();
    await popup.waitForFunction(() => [...document.querySelectorAll('.result-meta')].every((m) => m.textContent === 'Taxonomy'));
    const snippets = await popup.locator('.result .result-summary').allTextContents();
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.every((snippet) => !/^\d+\.\s/.test(snippet) && snippet.length > 12)).toBe(true);
    await popup.getByRole('radio', { name: 'All' }).click();
  });

  it('copies the selected result as BibTeX', async () => {
    // What reaches the clipboard, kept aside: the page may not read the clipboard back.
    await popup.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => ((globalThis as unknown as { copied: string }).copied = text, write(text));
    });
    await search(popup, '2404.15449');
    await popup.locator('.result.selected').getByRole('button', { name: 'Copy BibTeX' }).click();
    await popup.getByText(/^BibTeX of “ID-Aligner.*” copied\.$/).waitFor();
    const bib = await popup.evaluate(() => (globalThis as unknown as { copied: string }).copied);
    expect(bib).toMatch(/^@misc\{chen2024idaligner,[\s\S]*author = \{Weifeng Chen and[\s\S]*eprint = \{2404\.15449\}/);
  });

  it('never scrolls sideways at 400 px, with results or without', async () => {
    await popup.setViewportSize({ width: 400, height: 600 });
    await search(popup, 'personalization');
    const overflow = () => popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await popup.getByRole('combobox').fill('');
    await popup.getByText('Recently saved').waitFor();
    expect(await overflow()).toBe(0);
    await popup.setViewportSize({ width: 480, height: 600 });
  });

  it('filters by kind', async () => {
    await search(popup, 'personalization');
    await popup.getByRole('radio', { name: 'Taxonomy' }).click();
    await popup.waitForFunction(() => [...document.querySelectorAll('.result-meta')].every((m) => m.textContent === 'Taxonomy'));
    expect(await popup.locator('.result').count()).toBeGreaterThan(0);
    await popup.getByRole('radio', { name: 'All' }).click();
  });

  it('is driven by the keyboard: arrows move, Ctrl+S saves, Enter opens, Esc clears', async () => {
    await search(popup, 'diffusion');
    const selected = () => popup.locator('[role="option"][aria-selected="true"] .result-title').textContent();
    const first = await selected();
    await popup.keyboard.press('ArrowDown');
    const second = await selected();
    expect(second).not.toBe(first);
    expect(await popup.getByRole('combobox').getAttribute('aria-activedescendant')).toBe('popup-result-1');
    await popup.keyboard.press('ArrowUp');
    expect(await selected()).toBe(first);

    await popup.keyboard.press('Control+s');
    await popup.locator('[role="option"][aria-selected="true"] .saved-marker').waitFor();

    const opened = session.context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const tab = await opened;
    await tab.waitForURL(/^https:\/\/arxiv\.org\/(abs\/\d{4}\.\d{4,5}|search\/\?query=)/);
    await tab.close();

    await popup.keyboard.press('Escape');
    expect(await popup.getByRole('combobox').inputValue()).toBe('');
    await popup.getByText('Recently saved').waitFor();
    await popup.locator('.recent li').first().waitFor();
    expect(await popup.locator('.recent li').count()).toBe(1);
  });
});

describe('the side panel and the reading list', () => {
  let session: ExtensionSession;
  let profile: string;
  let panel: Page;
  let tab: Page;
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'adc-restart-'));
    session = await launchExtension(profile);
    await routeFixtures(session.context);
    tab = await session.context.newPage();
    panel = await openSidePanel(session);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('follows the active tab, PDF tabs included', async () => {
    await tab.goto('https://arxiv.org/pdf/2404.15449v1');
    await panel.locator('.current-paper[data-arxiv-id="2404.15449"]').waitFor({ timeout: 20_000 });
    expect(await panel.locator('.current-paper .summary').textContent()).toContain('身份保持');
    await tab.goto('https://arxiv.org/abs/2403.04692');
    await panel.locator('.current-paper[data-arxiv-id="2403.04692"]').waitFor();
  });

  it('shows an entry saved from the card in the reading list', async () => {
    await openPaperPage(tab, 'https://arxiv.org/abs/2404.15449');
    await clickInCard(tab, 'button.save');
    await tab.locator('arxiv-digest-card button.save[aria-pressed="true"]').waitFor();
    await panel.getByRole('tab', { name: 'Reading list' }).click();
    await panel.locator('.entry[data-key="arxiv:2404.15449"]').waitFor();
    expect(await panel.locator('.entry .paper-title').first().textContent()).toMatch(/^ID-Aligner/);
  });

  it('keeps a status, a note and tags per entry, and filters by them', async () => {
    const entry = panel.locator('.entry[data-key="arxiv:2404.15449"]');
    await entry.locator('select.status-select').selectOption('reading');
    await panel.locator('.entry[data-status="reading"]').waitFor();
    await entry.getByRole('button', { name: 'Note and tags' }).click();
    await entry.locator('textarea.note').fill('读第三节的奖励设计');
    await entry.locator('input.tags').fill('identity, rlhf');
    await entry.locator('input.tags').blur();
    await panel.getByLabel('Tagged').selectOption('rlhf');
    expect(await panel.locator('.entry').count()).toBe(1);
    await panel.getByLabel('Show').selectOption('done');
    expect(await panel.locator('.entry').count()).toBe(0);
    expect(await panel.getByText('No saved paper matches these filters.').count()).toBe(1);
    await panel.getByLabel('Show').selectOption('');
    await panel.getByLabel('Tagged').selectOption('');
    const filter = panel.getByRole('searchbox', { name: 'Filter the reading list' });
    await filter.fill('奖励');
    await panel.locator('.entry').first().waitFor();
    await filter.fill('nothing like this');
    await panel.getByText('No saved paper matches these filters.').waitFor();
    await filter.fill('');
    await panel.locator('.entry').first().waitFor();
  });

  it('opens a node of the taxonomy browser from a card breadcrumb', async () => {
    await openPaperPage(tab, 'https://arxiv.org/abs/2404.15449');
    await clickInCard(tab, '.breadcrumb li:last-child button');
    // The node's papers open in place, under the node's own row, its ancestors open above it.
    const node = panel.locator('[role="treeitem"][aria-selected="true"]');
    await node.locator('.node-view').waitFor({ timeout: 10_000 });
    expect(await panel.getByRole('tab', { name: 'Taxonomy' }).getAttribute('aria-selected')).toBe('true');
    expect(await node.locator('.node-label').first().textContent()).toBe('ID-Aligner');
    expect(await node.locator('.node-papers li').first().textContent()).toContain('ID-Aligner');
    expect(await panel.locator('[role="treeitem"][aria-expanded="true"]').count()).toBeGreaterThanOrEqual(2);
  });

  it('exports JSON, BibTeX and Markdown, and re-imports the JSON without duplicates', async () => {
    await panel.getByRole('tab', { name: 'Reading list' }).click();
    const download = async (name: string) => {
      const waiting = panel.waitForEvent('download');
      await panel.getByRole('button', { name, exact: true }).click();
      const file = await waiting;
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    const json = await download('JSON');
    expect(json.name).toMatch(/^reading-list-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(json.text).entries).toHaveLength(1);
    expect((await download('BibTeX')).text).toMatch(/@misc\{chen2024\w+,[\s\S]*eprint = \{2404\.15449\}/);
    expect((await download('Markdown')).text).toContain('ID-Aligner');

    const path = join(profile, '..', `${Date.now()}-list.json`);
    writeFileSync(path, json.text);
    await panel.locator('input[type="file"]').setInputFiles(path);
    await panel.getByText(/Imported: 0 added, 0 updated, 1 already there\./).waitFor();
    expect(await panel.locator('.entry').count()).toBe(1);
    rmSync(path);
  });

  it('refuses a bad import file, says what is wrong, and changes nothing', async () => {
    const before = await panel.locator('.entries').innerText();
    const path = join(profile, '..', `${Date.now()}-bad.json`);
    writeFileSync(path, JSON.stringify({ format: 'arxiv-digest-companion/reading-list', version: 1, exportedAt: new Date().toISOString(), entries: [{ key: 'arxiv:2404.15449', status: 'skimmed' }] }));
    await panel.locator('input[type="file"]').setInputFiles(path);
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Nothing was imported\..*entries\[0\]/);
    expect(await panel.locator('.entries').innerText()).toBe(before);
    rmSync(path);
  });

  it('still has the reading list after the browser restarts with the same profile', async () => {
    await session.context.close();
    session = await launchExtension(profile);
    await routeFixtures(session.context);
    panel = await openSidePanel(session);
    await panel.getByRole('tab', { name: 'Reading list' }).click();
    const entry = panel.locator('.entry[data-key="arxiv:2404.15449"]');
    await entry.waitFor();
    expect(await entry.locator('select.status-select').inputValue()).toBe('reading');
    await entry.getByRole('button', { name: 'Note and tags' }).click();
    expect(await entry.locator('textarea.note').inputValue()).toBe('读第三节的奖励设计');
    expect(await entry.locator('input.tags').inputValue()).toBe('identity, rlhf');
  });
});

describe('in a browser whose language is 简体中文', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension(undefined, { uiLanguage: 'zh-CN' });
    await routeFixtures(session.context);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('speaks Chinese in the popup and on the card, and leaves the digest text as written', async () => {
    const popup = await openPopup(session);
    expect(await popup.getByRole('combobox').getAttribute('placeholder')).toBe('搜索标题、方法、作者、中文或 arXiv 编号…');
    expect(await popup.getByRole('radio').allTextContents()).toEqual(['全部', '速览', '分类表', '已保存']);
    const page = await session.context.newPage();
    // A page without its own abstract, so the card shows the digest's (it repeats none the page shows).
    await page.route('https://arxiv.org/abs/2404.15449', async (route) =>
      route.fulfill({ contentType: 'text/html', body: await renderArxivAbsTemplate({ id: '2404.15449', title: 'ID-Aligner', authors: ['Weifeng Chen'], abstract: '' }, { abstractBlock: false }) }),
    );
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
    expect(await page.locator('arxiv-digest-card button.save').textContent()).toBe('保存到阅读列表');
    await clickInCard(page, 'details > summary');
    expect(await page.locator('arxiv-digest-card .abstract').textContent()).toMatch(/^The rapid development of diffusion models/);
  });
});
