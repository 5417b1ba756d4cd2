import browser from 'webextension-polyfill';
import { t } from './i18n';
import { CONTENT_SCRIPT_MATCHES, PAPER_LINK_PATTERNS } from '../../lib/sites/paper-sites';
import type { CompanionStore } from '../../lib/store/companion-store';
import { savePaperInTab } from './save-from-tab';

const MENU_ID = 'save-to-reading-list';

/** "Save to reading list" on arXiv links, and on the paper sites' pages themselves. */
export function registerContextMenu(store: CompanionStore, refreshBadge: (tabId: number, url: string | undefined) => Promise<void>): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: `${MENU_ID}:link`, title: t('contextMenuSave'), contexts: ['link'], targetUrlPatterns: PAPER_LINK_PATTERNS });
      browser.contextMenus.create({ id: `${MENU_ID}:page`, title: t('contextMenuSave'), contexts: ['page'], documentUrlPatterns: CONTENT_SCRIPT_MATCHES });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (!tab || !String(info.menuItemId).startsWith(MENU_ID)) return;
    void savePaperInTab(store, tab, 'context-menu', info.linkUrl)
      .then(async () => {
        if (tab.id !== undefined) await refreshBadge(tab.id, tab.url);
      })
      .catch((error: unknown) => console.warn('[arxiv-digest] saving from the menu failed:', error));
  });
}
