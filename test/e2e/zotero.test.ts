import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { routeFixtures } from './fixtures/fixture-pages';
import { openSidePanel } from './support/extension-pages';
import { EXTENSION_DIR, launchExtension, type ExtensionSession } from './support/launch-extension';
import { clickInCard, openPaperPage } from './support/overlay-page';
import { startFakeZotero, type FakeZotero } from '../support/zotero-connector-server';

/**
 * Save to Zotero in Chromium, with a loopback Zotero on its real port. The connector's host
 * permission is optional and a fresh profile has not granted it; the browser's prompt cannot be
 * answered from a test, so this covers the path without it: the click asks, nothing reaches
 * Zotero, and the user gets the citation instead. Saving with the permission is covered against
 * the same loopback Zotero by the shared cases (support/e2e-cases.ts, both browsers) and the unit tests (test/lib/zotero).
 */
describe('Save to Zotero', () => {
  let session: ExtensionSession;
  let zotero: FakeZotero;
  let tab: Page;
  beforeAll(async () => {
    zotero = await startFakeZotero({ port: 23119 });
    session = await launchExtension();
    await routeFixtures(session.context);
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://arxiv.org' });
    tab = await session.context.newPage();
    expect(await openPaperPage(tab, 'https://arxiv.org/abs/2404.15449')).toBe('card');
  });
  afterAll(async () => {
    await session?.close();
    await zotero?.close();
  });

  it('on the card, says in words that access to Zotero is not allowed yet, sends nothing, and offers the citation', async () => {
    await clickInCard(tab, 'button.zotero-save');
    const message = tab.locator('arxiv-digest-card .zotero [role="alert"]');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/^The extension may not reach Zotero on this computer yet: use Save to Zotero once in the toolbar popup or the side panel/);
    expect(zotero.requests).toEqual([]);

    await clickInCard(tab, 'button.copy-bibtex');
    await tab.locator('arxiv-digest-card .zotero-fallback [role="status"]').waitFor();
    expect(await tab.evaluate(() => navigator.clipboard.readText())).toMatch(/^@misc\{chen2024idaligner,\n {2}title = \{\{ID-Aligner/);

    const download = tab.waitForEvent('download');
    await clickInCard(tab, 'button.download-ris');
    const file = await download;
    expect(file.suggestedFilename()).toBe('2404.15449.ris');
    const ris = readFileSync((await file.path())!, 'utf8');
    expect(ris).toMatch(/^TY {2}- UNPB\r\nTI {2}- ID-Aligner: Enhancing Identity-Preserving/);
    expect(ris).toContain('DO  - 10.48550/arXiv.2404.15449\r\n');
    // The download left the card as it was.
    expect(await tab.locator('arxiv-digest-card .zotero [role="alert"]').count()).toBe(1);
  });

  it.each([
    ['the connector client', '/connector/saveItems'],
    ['the Zotero note builder', 'data-schema-version'],
    ['the RIS writer', 'UNPB'],
    ['the name parser', 'non-dropping-particle'],
  ])('keeps %s in the background and out of the content script: the card only asks', (_, marker) => {
    expect(readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8')).toContain(marker);
    expect(readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'), 'utf8')).not.toContain(marker);
  });

  it('in the side panel, asks the browser for access in the click itself, and sends nothing while it is not given', async () => {
    const panel = await openSidePanel(session);
    const button = panel.locator('.current-paper[data-arxiv-id="2404.15449"] button.zotero-save');
    await button.waitFor({ timeout: 20_000 });
    await button.click();
    // The browser's prompt is open (a test cannot answer it): the button waits, and Zotero has heard nothing.
    await panel.getByText('Saving to Zotero…').waitFor();
    const granted = await session.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({ origins: ['http://127.0.0.1:23119/*'] }),
    );
    expect(granted).toBe(false);
    expect(zotero.requests).toEqual([]);
    await panel.close();
  });
});
