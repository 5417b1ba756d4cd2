import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConfigEnv, UserManifest } from 'wxt';
import browser from 'webextension-polyfill';
import config from '../../wxt.config';
import background from '../../entrypoints/background';
import { openSidePanelOn } from '../../entrypoints/background/side-panel';
import { registerTabBadge, toolbarButton } from '../../entrypoints/background/tab-badge';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/sites/paper-sites';
import type { PageLookup } from '../../lib/messages/protocol';
import type { CompanionStore } from '../../lib/store/companion-store';

// The fake browser has every namespace; these take away or add what one browser lacks or has.
const fake = fakeBrowser as unknown as Record<string, unknown>;
const withoutAction = () => {
  const action = fake.action;
  fake.action = undefined;
  return () => void (fake.action = action);
};

async function manifestFor(browserName: 'chrome' | 'firefox', manifestVersion: 2 | 3): Promise<UserManifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: the manifest is a function of the browser');
  return manifest({ browser: browserName, manifestVersion, mode: 'production', command: 'build' } satisfies ConfigEnv);
}

describe('the manifest per browser (wxt.config.ts)', () => {
  it('asks Chrome for the side panel and scripting, and Firefox, which has a sidebar instead, for webRequest (the PDF tab\'s title)', async () => {
    expect((await manifestFor('chrome', 3)).permissions).toEqual(['unlimitedStorage', 'storage', 'contextMenus', 'alarms', 'sidePanel', 'scripting']);
    expect((await manifestFor('firefox', 2)).permissions).toEqual(['unlimitedStorage', 'storage', 'contextMenus', 'alarms', 'webRequest', 'webRequestBlocking']);
  });

  it('asks for the digest feeds\' two hosts only as optional permissions, each browser in its own key', async () => {
    const hosts = ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'];
    const chrome = await manifestFor('chrome', 3);
    const firefox = await manifestFor('firefox', 2);
    expect([chrome.optional_host_permissions?.filter((origin) => hosts.includes(origin)), chrome.optional_permissions]).toEqual([hosts, undefined]);
    expect([firefox.optional_permissions?.filter((origin) => hosts.includes(origin)), firefox.optional_host_permissions]).toEqual([hosts, undefined]);
  });

  it('asks both for host access to the paper sites and nothing else', async () => {
    for (const [name, version] of [['chrome', 3], ['firefox', 2]] as const) {
      const manifest = await manifestFor(name, version);
      expect(manifest.host_permissions).toEqual(CONTENT_SCRIPT_MATCHES);
      expect(manifest.content_security_policy).toBeUndefined();
    }
  });

  it('asks for Zotero desktop’s connector only as an optional permission, in each browser’s key', async () => {
    const chrome = await manifestFor('chrome', 3);
    const firefox = await manifestFor('firefox', 2);
    // Beside the digest feeds' two GitHub hosts (the test above).
    const zotero = (origins: string[] | undefined) => origins?.filter((origin) => !origin.includes('github'));
    expect([zotero(chrome.optional_host_permissions), chrome.optional_permissions]).toEqual([['http://127.0.0.1:23119/*'], undefined]);
    // Firefox's match patterns take no port: one with a port is granted and then matches nothing (see zoteroOriginPattern).
    expect([zotero(firefox.optional_permissions), firefox.optional_host_permissions]).toEqual([['http://127.0.0.1/*'], undefined]);
  });

  it('gives Firefox an add-on id, a minimum version and a data-collection declaration, and Chrome none of them', async () => {
    expect((await manifestFor('firefox', 2)).browser_specific_settings).toEqual({
      gecko: { id: 'arxiv-digest-companion@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    });
    expect((await manifestFor('chrome', 3)).browser_specific_settings).toBeUndefined();
  });

  it('makes the background an event page in Firefox, so the context menu survives a restart', () => {
    expect(background.persistent).toBe(false);
  });
});

describe('the toolbar button', () => {
  it('is browser.action in Chrome (MV3) and browser.browserAction in Firefox (MV2)', () => {
    expect(toolbarButton()).toBe(fakeBrowser.action);
    const restore = withoutAction();
    try {
      expect(toolbarButton()).toBe(fakeBrowser.browserAction);
    } finally {
      restore();
    }
  });

  describe('badge in Firefox', () => {
    // Only the lookup matters here: the corpus knows the paper, with a digest.
    const store = { papers: { page: async () => ({ digest: {}, placements: [] }) as unknown as PageLookup } } as unknown as CompanionStore;
    let restore: () => void;
    beforeEach(() => {
      fakeBrowser.reset();
      restore = withoutAction();
    });
    afterEach(() => {
      restore();
      vi.restoreAllMocks();
    });

    it('marks a PDF tab whose paper has a digest, through browserAction', async () => {
      const setBadgeText = vi.spyOn(browser.browserAction, 'setBadgeText').mockResolvedValue();
      const setColor = vi.spyOn(browser.browserAction, 'setBadgeBackgroundColor').mockResolvedValue();
      const setTitle = vi.spyOn(browser.browserAction, 'setTitle').mockResolvedValue();
      const refresh = registerTabBadge(store);
      await refresh(7, 'https://arxiv.org/pdf/2403.04692v2');
      expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '文' });
      expect(setColor).toHaveBeenCalledWith({ tabId: 7, color: '#b31b1b' });
      expect(setTitle).toHaveBeenCalledWith({ tabId: 7, title: expect.any(String) });
      await refresh(7, 'https://arxiv.org/list/cs.CV/new');
      expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '' });
    });
  });
});

describe('opening the side panel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
  });
  afterEach(() => {
    delete fake.sidePanel;
    vi.restoreAllMocks();
  });

  it('opens Chrome’s side panel in the tab', async () => {
    const open = vi.fn().mockResolvedValue(undefined);
    fake.sidePanel = { open };
    const sidebarOpen = vi.spyOn(browser.sidebarAction, 'open');
    expect(await openSidePanelOn(7, 'node-1')).toBe(true);
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    expect(sidebarOpen).not.toHaveBeenCalled();
  });

  it('in Firefox, leaves an open sidebar be: it has heard the node already', async () => {
    vi.spyOn(browser.sidebarAction, 'isOpen').mockResolvedValue(true);
    const open = vi.spyOn(browser.sidebarAction, 'open');
    expect(await openSidePanelOn(7, 'node-1')).toBe(true);
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'panel.showNode', nodeId: 'node-1' });
    expect(open).not.toHaveBeenCalled();
  });

  it('in Firefox, opens a closed sidebar, and fails as Firefox does without a user action', async () => {
    vi.spyOn(browser.sidebarAction, 'isOpen').mockResolvedValue(false);
    const open = vi.spyOn(browser.sidebarAction, 'open').mockResolvedValue();
    expect(await openSidePanelOn(7, 'node-1')).toBe(true);
    expect(open).toHaveBeenCalledOnce();
    open.mockRejectedValue(new Error('sidebarAction.open may only be called from a user input handler'));
    await expect(openSidePanelOn(7, 'node-1')).rejects.toThrow(/user input/);
  });
});
