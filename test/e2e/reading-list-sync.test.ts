import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSidePanel } from './support/extension-pages';
import { launchExtension, type ExtensionSession } from './support/launch-extension';

/** Sends one request to the background from an extension page, as the panel's client does. */
function call(page: Page, request: unknown): Promise<unknown> {
  return page.evaluate(async (message) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } } };
    const reply = await chrome.runtime.sendMessage(message);
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    return reply.value;
  }, request);
}

const ID_ALIGNER = { arxivId: '2404.15449', version: 1, title: 'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation', authors: ['Weifeng Chen'], url: 'https://arxiv.org/abs/2404.15449v1', source: 'side-panel' };

async function openReadingList(session: ExtensionSession): Promise<Page> {
  const panel = await openSidePanel(session);
  await panel.getByRole('tab', { name: 'Reading list' }).click();
  await panel.locator('.entry[data-key="arxiv:2404.15449"] button.edit-toggle').click();
  await panel.locator('.entry[data-key="arxiv:2404.15449"] textarea.note').waitFor();
  return panel;
}

// Issue 13, finding 7c: two side panels open on one list.
describe('two open side panels', () => {
  let session: ExtensionSession;
  let first: Page;
  let second: Page;
  beforeAll(async () => {
    session = await launchExtension();
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await call(page, { type: 'readingList.save', paper: ID_ALIGNER });
    await page.close();
    first = await openReadingList(session);
    second = await openReadingList(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const note = (panel: Page) => panel.locator('.entry[data-key="arxiv:2404.15449"] textarea.note');
  const tags = (panel: Page) => panel.locator('.entry[data-key="arxiv:2404.15449"] input.tags');

  it('shows in one panel what was saved in the other', async () => {
    await note(first).fill('the reward is in section 3');
    await note(first).blur();
    await expect.poll(() => note(second).inputValue()).toBe('the reward is in section 3');
    await tags(second).fill('identity');
    await tags(second).blur();
    await expect.poll(() => tags(first).inputValue()).toBe('identity');
  });

  it('loses no edit when both panels edit at once', async () => {
    // The second panel begins editing before the first saves; it then saves on top of an older copy.
    await note(second).focus();
    await note(first).fill('the reward is in section 3; ablations in 5');
    await note(first).blur();
    await note(second).fill('the reward is in section 3 (see fig. 2)');
    await note(second).blur();
    await tags(second).focus();
    await tags(first).fill('identity, reward');
    await tags(first).blur();
    await tags(second).fill('identity, rlhf');
    await tags(second).blur();
    const saved = async () => ((await call(first, { type: 'readingList.list' })) as { entries: { note: string; tags: string[] }[] }).entries[0]!;
    await expect.poll(async () => (await saved()).tags).toEqual(['identity', 'reward', 'rlhf']);
    const { note: text } = await saved();
    expect(text).toContain('ablations in 5');
    expect(text).toContain('(see fig. 2)');
    expect(text).toContain('kept both versions of this note');
    // Both panels show it, and neither holds an older copy to save over it.
    await expect.poll(() => note(first).inputValue()).toBe(text);
    await expect.poll(() => note(second).inputValue()).toBe(text);
  });
});

/** Everything the extension holds in `storage.sync`, as the browser's sync engine would carry it. */
function syncItems(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome.storage.sync.get(null));
}

/** Delivers another profile's items into this one's `storage.sync`, as the sync engine does when they arrive. */
function deliver(page: Page, items: Record<string, unknown>): Promise<void> {
  return page.evaluate((arrived) => (globalThis as unknown as { chrome: { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } } }).chrome.storage.sync.set(arrived), items);
}

async function extensionPage(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return page;
}

type Listed = { entries: { key: string; note: string; status: string; source: string }[] };
const list = async (page: Page) => ((await call(page, { type: 'readingList.list' })) as Listed).entries;

// Issue 17, section 1: two browser profiles, A and B, whose storage.sync the test carries across.
describe('the reading list synced between two profiles', () => {
  let a: ExtensionSession;
  let b: ExtensionSession;
  let pageA: Page;
  let pageB: Page;
  beforeAll(async () => {
    a = await launchExtension();
    b = await launchExtension();
    [pageA, pageB] = await Promise.all([extensionPage(a), extensionPage(b)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('is off until turned on, and then holds the list in storage.sync', async () => {
    await call(pageA, { type: 'readingList.save', paper: ID_ALIGNER });
    await call(pageA, { type: 'readingList.update', key: 'arxiv:2404.15449', patch: { note: 'A: the reward model is in section 3', tags: ['identity'] } });
    expect(await call(pageA, { type: 'sync.status' })).toMatchObject({ enabled: false, status: { state: 'off' } });
    expect(await syncItems(pageA)).toEqual({});
    expect(await call(pageA, { type: 'sync.set', enabled: true })).toMatchObject({ enabled: true, status: { state: 'synced', synced: 1, total: 1 } });
    expect(Object.keys(await syncItems(pageA)).sort()).toEqual(['rl.0', 'rl.meta']);
  });

  it('shows A’s list in B, merged with B’s own', async () => {
    await call(pageB, { type: 'readingList.save', paper: { ...ID_ALIGNER, arxivId: '2403.04692', title: 'PixArt-Σ: Weak-to-Strong Training', url: 'https://arxiv.org/abs/2403.04692' } });
    await call(pageB, { type: 'sync.set', enabled: true });
    await deliver(pageB, await syncItems(pageA));
    await expect.poll(async () => (await list(pageB)).map((entry) => entry.key).sort(), { timeout: 15_000 }).toEqual(['arxiv:2403.04692', 'arxiv:2404.15449']);
    const panel = await openSidePanel(b);
    await panel.getByRole('tab', { name: 'Reading list' }).click();
    await panel.locator('.entry[data-key="arxiv:2404.15449"]').waitFor();
    await panel.locator('.entry[data-key="arxiv:2404.15449"] button.edit-toggle').click();
    expect(await panel.locator('.entry[data-key="arxiv:2404.15449"] textarea.note').inputValue()).toBe('A: the reward model is in section 3');
    await panel.close();
  });

  it('brings an edit made in B back to A', async () => {
    await call(pageB, { type: 'readingList.update', key: 'arxiv:2404.15449', patch: { status: 'done' } });
    // B writes after a quiet time, under the browser's write limits; whatever B's storage holds is carried to A, as often as it changes.
    const carried = async () => {
      await deliver(pageA, await syncItems(pageB));
      return (await list(pageA)).map((entry) => [entry.key, entry.status]).sort();
    };
    await expect.poll(carried, { timeout: 30_000, interval: 1000 }).toEqual([
      ['arxiv:2403.04692', 'to-read'],
      ['arxiv:2404.15449', 'done'],
    ]);
    expect((await list(pageA)).find((entry) => entry.key === 'arxiv:2404.15449')?.note).toBe('A: the reward model is in section 3');
  });

  it('says in words when the list outgrows the sync storage, and keeps every entry here', async () => {
    let seed = 11;
    const letters = () => Array.from({ length: 300 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    const entries = Array.from({ length: 500 }, (_, i) => {
      const arxivId = `2405.${String(10000 + i)}`;
      return { key: `arxiv:${arxivId}`, arxivId, version: 1, title: `Paper ${i}`, authors: [], url: null, source: 'popup', savedAt: 1_700_000_000_000 + i, updatedAt: 1_700_000_000_000 + i, status: 'to-read', note: letters(), tags: [] };
    });
    await call(pageA, { type: 'readingList.import', text: JSON.stringify({ format: 'arxiv-digest-companion/reading-list', version: 1, entries }) });
    const panel = await openSidePanel(a);
    await panel.getByRole('tab', { name: 'Reading list' }).click();
    await panel.locator('details.sync-backup summary').click();
    await expect.poll(() => panel.locator('.sync-status').textContent(), { timeout: 30_000 }).toMatch(/^The browser's sync storage \(100 KB\) is full: the newest \d+ of 502 entries sync; the other \d+ stay on this computer/);
    expect(await list(pageA)).toHaveLength(502);
    const bytes = await pageA.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: { getBytesInUse(keys: null): Promise<number> } } } }).chrome.storage.sync.getBytesInUse(null));
    expect(bytes).toBeLessThanOrEqual(102_400);
    await panel.close();
  });

  it('keeps backups of the list, and restores one from the side panel', async () => {
    await expect.poll(async () => ((await call(pageB, { type: 'backup.list' })) as { backups: unknown[] }).backups.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await call(pageB, { type: 'readingList.remove', key: 'arxiv:2403.04692' });
    const panel = await openSidePanel(b);
    await panel.getByRole('tab', { name: 'Reading list' }).click();
    await panel.locator('details.sync-backup summary').click();
    await panel.getByRole('button', { name: 'Restore from backup' }).click();
    await panel.locator('.entry[data-key="arxiv:2403.04692"]').waitFor();
    expect((await list(pageB)).map((entry) => entry.key).sort()).toEqual(['arxiv:2403.04692', 'arxiv:2404.15449']);
  });
});
