import browser from 'webextension-polyfill';
import { t } from '../../components/i18n';
import { badgeFor, mayShowPaper } from '../../lib/background/tab-badge';
import type { CompanionStore } from '../../lib/store/companion-store';

/**
 * PDF tabs get no content script: the toolbar badge says that a digest exists.
 * @returns A function that redraws one tab's badge, for after a save.
 */
export function registerTabBadge(store: CompanionStore): (tabId: number, url: string | undefined) => Promise<void> {
  const update = async (tabId: number, url: string | undefined) => {
    if (!mayShowPaper(url)) return void (await browser.action.setBadgeText({ tabId, text: '' }));
    const badge = badgeFor(await store.lookupPage({ url }), { digest: t('badgeDigest'), taxonomy: t('badgeTaxonomy') });
    await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b31b1b' });
      await browser.action.setTitle({ tabId, title: badge.title });
    }
  };
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url || change.status === 'loading') void update(tabId, change.url ?? tab.url).catch(() => {});
  });
  return update;
}
