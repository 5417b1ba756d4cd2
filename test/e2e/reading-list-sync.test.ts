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
