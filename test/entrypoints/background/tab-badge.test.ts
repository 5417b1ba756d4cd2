import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import browser from 'webextension-polyfill';
import { registerTabBadge, toolbarButton } from '../../../entrypoints/background/tab-badge';
import type { PageLookup } from '../../../lib/messages/protocol';
import type { CompanionStore } from '../../../lib/store/companion-store';

// Only the lookup matters here: every paper has a digest.
const store = { papers: { page: async () => ({ digest: {}, placements: [] }) as unknown as PageLookup } } as unknown as CompanionStore;
const KNOWN_PDF = 'https://arxiv.org/pdf/2403.04692v2';

describe('the toolbar badge of a PDF tab', () => {
  let setBadgeText: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    const button = toolbarButton();
    setBadgeText = vi.spyOn(button, 'setBadgeText').mockResolvedValue() as unknown as ReturnType<typeof vi.fn>;
    vi.spyOn(button, 'setBadgeBackgroundColor').mockResolvedValue();
    vi.spyOn(button, 'setTitle').mockResolvedValue();
  });
  afterEach(() => vi.restoreAllMocks());

  const drawn = (tabId: number) => vi.waitFor(() => expect(setBadgeText).toHaveBeenCalledWith({ tabId, text: '文' }));

  // Chrome clears a tab's badge when its navigation commits, which may follow a quick lookup at `loading`.
  it.each([
    ['loading', { status: 'loading', url: KNOWN_PDF }],
    ['complete, after the commit that cleared it', { status: 'complete' }],
  ])('draws it when the tab is %s', async (_, change) => {
    registerTabBadge(store);
    const tab = await browser.tabs.create({ url: KNOWN_PDF });
    setBadgeText.mockClear();
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, change, { ...tab, url: KNOWN_PDF });
    await drawn(tab.id!);
  });

  it('draws every open tab after an install or update, whose loading the worker never heard of', async () => {
    const tabs = await Promise.all([KNOWN_PDF, 'https://arxiv.org/pdf/2404.15449v1'].map((url) => browser.tabs.create({ url })));
    registerTabBadge(store);
    expect(setBadgeText).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    for (const tab of tabs) await drawn(tab.id!);
  });
});
