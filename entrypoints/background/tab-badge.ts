import browser from 'webextension-polyfill';
import { t } from './i18n';
import { badgeFor, mayShowPaper } from '../../lib/background/badge-rules';
import type { CompanionStore } from '../../lib/store/companion-store';

/** The toolbar button's badge and title calls, the same in both APIs that name the button. */
export type ToolbarButton = Pick<browser.Action.Static, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;

/** The toolbar button: `action` in MV3 (Chrome), `browserAction` in Firefox's MV2 build. */
export function toolbarButton(): ToolbarButton {
  return (browser.action as browser.Action.Static | undefined) ?? browser.browserAction;
}

/**
 * PDF tabs get no content script: the toolbar badge says that a digest exists.
 * @returns A function that redraws one tab's badge, for after a save.
 */
export function registerTabBadge(store: CompanionStore): (tabId: number, url: string | undefined) => Promise<void> {
  const button = toolbarButton();
  const update = async (tabId: number, url: string | undefined) => {
    if (!mayShowPaper(url)) return void (await button.setBadgeText({ tabId, text: '' }));
    const badge = badgeFor(await store.papers.page({ url }), { digest: t('badgeDigest'), taxonomy: t('badgeTaxonomy') });
    await button.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) {
      await button.setBadgeBackgroundColor({ tabId, color: '#b31b1b' });
      await button.setTitle({ tabId, title: badge.title });
    }
  };
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Chrome clears a tab's badge when its navigation commits, which can follow a quick lookup made
    // at `loading`: drawn again at `complete`, it stays.
    if (change.url || change.status === 'loading' || change.status === 'complete') void update(tabId, change.url ?? tab.url).catch(() => {});
  });
  // Tabs that loaded before a fresh install's first run had registered the listener above never
  // told it, and an update clears every badge: the open tabs are drawn once.
  browser.runtime.onInstalled.addListener(() => {
    void browser.tabs.query({}).then((tabs) => Promise.all(tabs.map((tab) => tab.id !== undefined && update(tab.id, tab.url).catch(() => {}))));
  });
  return update;
}
