import browser from 'webextension-polyfill';
import { badgeFor, mayShowPaper } from '../lib/background/tab-badge';
import { handleMessage } from '../lib/messages';
import { CompanionDatabase } from '../lib/store/database';
import { CompanionStore } from '../lib/store/companion-store';
import { t } from '../components/i18n';

export default defineBackground(() => {
  const store = new CompanionStore(
    new CompanionDatabase(),
    {
      hash: async () => ((await (await fetch(browser.runtime.getURL('/corpus-version.json'))).json()) as { hash: string }).hash,
      load: async () => (await fetch(browser.runtime.getURL('/corpus.json'))).json(),
    },
    {
      // Chrome opens the side panel only in answer to a user gesture; a card click counts.
      openSidePanel: async (tabId) => {
        const sidePanel = (globalThis as { chrome?: { sidePanel?: { open(options: { tabId: number }): Promise<void> } } }).chrome?.sidePanel;
        if (!sidePanel || tabId === undefined) return false;
        await sidePanel.open({ tabId });
        return true;
      },
    },
  );

  // Registered synchronously, so a message that wakes the worker finds its listener.
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => handleMessage(store, message, sender, browser.runtime.id));

  browser.runtime.onInstalled.addListener(() => {
    void store.ensureCorpus().catch((error: unknown) => console.error('[arxiv-digest] seeding failed:', error));
  });
  // unlimitedStorage already exempts the extension from eviction; persist() asks for the same where it is honoured.
  void navigator.storage?.persist?.().catch(() => false);

  // PDF tabs get no content script: the toolbar badge says that a digest exists.
  const updateBadge = async (tabId: number, url: string | undefined) => {
    if (!mayShowPaper(url)) return browser.action.setBadgeText({ tabId, text: '' });
    const badge = badgeFor(await store.lookupPage({ url }), { digest: t('badgeDigest'), taxonomy: t('badgeTaxonomy') });
    await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b31b1b' });
      await browser.action.setTitle({ tabId, title: badge.title });
    }
  };
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url || change.status === 'loading') void updateBadge(tabId, change.url ?? tab.url).catch(() => {});
  });
});
