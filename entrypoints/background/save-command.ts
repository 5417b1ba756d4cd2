import browser from 'webextension-polyfill';
import { SAVE_PAPER_COMMAND } from '../../lib/background/commands';
import type { CompanionStore } from '../../lib/store/companion-store';
import { savePaperInTab } from './save-from-tab';
import { toolbarButton } from './tab-badge';

/** Alt+Shift+S saves the paper in the active tab, PDF tabs included. */
export function registerSaveCommand(store: CompanionStore, refreshBadge: (tabId: number, url: string | undefined) => Promise<void>): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== SAVE_PAPER_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab) return;
    const saved = await savePaperInTab(store, tab, 'command').catch(() => null);
    if (saved && tab.id !== undefined) {
      // A tick on the toolbar button says it worked, then the usual badge returns.
      await toolbarButton().setBadgeText({ tabId: tab.id, text: '✓' });
      setTimeout(() => void refreshBadge(tab.id!, tab.url).catch(() => {}), 1500);
    }
  });
}
