import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { syntheticReadingListJson } from '../bench/synthetic-reading-list';
import { routeFixtures } from './fixtures/fixture-pages';
import { openSidePanel } from './support/extension-pages';
import { launchExtension, type ExtensionSession } from './support/launch-extension';
import { openPaperPage } from './support/overlay-page';

describe('browsing the taxonomy in the side panel', () => {
  let session: ExtensionSession;
  let panel: Page;
  let tab: Page;
  beforeAll(async () => {
    session = await launchExtension();
    await routeFixtures(session.context);
    tab = await session.context.newPage();
    await openPaperPage(tab, 'https://arxiv.org/abs/2403.04692');
    panel = await openSidePanel(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const selectedNode = () => panel.locator('[role="treeitem"][aria-selected="true"]');

  it('opens any level of a breadcrumb, not only the method', async () => {
    await panel.locator('.current-paper[data-arxiv-id="2403.04692"]').waitFor({ timeout: 20_000 });
    const levels = panel.locator('.current-paper .breadcrumb li');
    expect(await levels.allTextContents()).toEqual(['Text-to-Image', 'Awesome', 'PixArt-Σ']);
    await levels.nth(1).getByRole('button').click();
    expect(await panel.getByRole('tab', { name: 'Taxonomy' }).getAttribute('aria-selected')).toBe('true');
    await selectedNode().waitFor();
    expect(await selectedNode().getAttribute('data-node-id')).toBe('text-to-image/awesome');
    expect(await selectedNode().getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the methods beside a paper as links, each its own chip, and the rest on "+N more"', async () => {
    await panel.getByRole('tab', { name: 'This tab' }).click();
    const siblings = panel.locator('.current-paper .siblings');
    await siblings.waitFor();
    const before = await siblings.locator('.sibling').count();
    await siblings.getByRole('button', { name: /^\+\d+ more$/ }).click();
    expect(await siblings.locator('.sibling').count()).toBeGreaterThan(before);
    // "DALL·E-3" is one chip: its own "·" is never taken for a separator between two methods.
    const dalle = siblings.getByRole('button', { name: 'DALL·E-3', exact: true });
    await dalle.click();
    await panel.locator('[role="treeitem"][aria-selected="true"][data-node-id="text-to-image/awesome/dall-e-3"]').waitFor();
  });

  it("shows a method's papers right under it, and gives leaves no expand arrow", async () => {
    const node = selectedNode();
    await node.locator('.node-view').waitFor();
    expect(await node.getAttribute('aria-expanded')).toBeNull();
    expect(await node.locator('button.twisty').count()).toBe(0);
    const row = (await node.locator('.tree-row').boundingBox())!;
    const papers = (await node.locator('.node-view').boundingBox())!;
    expect(papers.y).toBeGreaterThanOrEqual(row.y + row.height - 1);
    expect(papers.y - (row.y + row.height)).toBeLessThan(20);
    // Every branch that opens nothing has no arrow; every arrow opens something.
    const arrows = await panel.locator('[role="treeitem"]').evaluateAll((items) =>
      items.map((item) => ({ arrow: item.querySelector(':scope > .tree-row > button.twisty') !== null, expanded: item.getAttribute('aria-expanded') })),
    );
    expect(arrows.every(({ arrow, expanded }) => arrow === (expanded !== null))).toBe(true);
  });

  it('keeps every count on one line', async () => {
    const lines = await panel.locator('.tree .count').evaluateAll((counts) => counts.map((count) => count.getClientRects().length));
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.every((n) => n === 1)).toBe(true);
  });

  it('filters the tree to the matching nodes and the branches that lead to them', async () => {
    await panel.getByRole('searchbox', { name: 'Filter the taxonomy' }).fill('dall');
    await panel.getByText('2 matching nodes').waitFor();
    expect(await panel.locator('.tree .node-label.match').allTextContents()).toEqual(['DALLE-2 (unCLIP)', 'DALL·E-3']);
    expect(await panel.locator('.tree .node-label').allTextContents()).toEqual(['Text-to-Image', 'Awesome', 'DALLE-2 (unCLIP)', 'DALL·E-3']);
    await panel.getByRole('searchbox', { name: 'Filter the taxonomy' }).fill('zzqqxx');
    await panel.getByText('No method or category is called “zzqqxx”.').waitFor();
    await panel.getByRole('searchbox', { name: 'Filter the taxonomy' }).fill('');
  });

  it('draws only the rows on screen of a long reading list, and sorts and filters all of it', async () => {
    const reply = await panel.evaluate(
      (text) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { added: number } }> } } }).chrome.runtime.sendMessage({ type: 'readingList.import', text }),
      syntheticReadingListJson(3000),
    );
    expect(reply.value.added).toBe(3000);
    await panel.getByRole('tab', { name: 'Reading list' }).click();
    await panel.getByText('3000 papers').waitFor();
    expect(await panel.locator('.entry').count()).toBeLessThan(60);

    await panel.getByLabel('Sort by').selectOption('title');
    // The count and the rows are drawn in separate frames: wait for the rows themselves.
    await expect.poll(async () => (await panel.locator('.entry .paper-title').first().textContent()) ?? '').toMatch(/^Consistency /);
    const titles = await panel.locator('.entry .paper-title').allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true })));
    await panel.getByLabel('Sort by').selectOption('status');
    await expect.poll(() => panel.locator('.entry').first().getAttribute('data-status')).toBe('reading');
    // Scrolled to the end, the last rows are drawn in place of the first.
    await panel.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await panel.locator('.entry[data-status="done"]').last().waitFor();
    expect(await panel.locator('.entry[data-status="reading"]').count()).toBe(0);

    await panel.getByRole('searchbox', { name: 'Filter the reading list' }).fill('2999');
    await panel.getByText('1 of 3000 papers').waitFor();
    await expect.poll(() => panel.locator('.entry').count()).toBe(1);
  });
});
