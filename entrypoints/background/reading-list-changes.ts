import browser from 'webextension-polyfill';
import type { ReadingListChangedNotice } from '../../lib/messages/notices';
import type { CompanionStore } from '../../lib/store/companion-store';

/**
 * Tells every open side panel and popup when the reading list changed, whoever changed it (another
 * panel, the card, an import, the sync), so none of them keeps editing a stale copy (issue 13,
 * finding 7c). Nobody may be listening: then the message has no receiver, which is fine.
 */
export function broadcastReadingListChanges(store: CompanionStore): void {
  store.readingList.onChange((keys) => {
    const notice: ReadingListChangedNotice = { type: 'readingList.changed', keys };
    void browser.runtime.sendMessage(notice).catch(() => undefined);
  });
}
