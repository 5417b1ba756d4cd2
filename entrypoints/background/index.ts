import browser from 'webextension-polyfill';
import { companionApi } from '../../lib/background/companion-api';
import { handleMessage } from '../../lib/messages';
import { CompanionDatabase } from '../../lib/store/database';
import { CompanionStore } from '../../lib/store/companion-store';
import { registerContextMenu } from './context-menu';
import { keepAwakeWhile } from './keep-awake';
import { broadcastReadingListChanges } from './reading-list-changes';
import { registerFeeds } from './feeds';
import { registerReadingListSync } from './reading-list-sync';
import { openSidePanelOn } from './side-panel';
import { registerSaveCommand } from './save-command';
import { registerTabBadge } from './tab-badge';
import { sendToZotero } from './zotero';
import { registerPdfTitles } from './pdf-title';
import { registerViewSwitch } from './view-switch';

function main(): void {
  const store = new CompanionStore(
    new CompanionDatabase(),
    {
      hash: async () => ((await (await fetch(browser.runtime.getURL('/corpus-version.json'))).json()) as { hash: string }).hash,
      load: async () => (await fetch(browser.runtime.getURL('/corpus.json'))).json(),
    },
  );
  const api = companionApi(store, {
    openSidePanel: openSidePanelOn,
    sendToZotero,
    sync: registerReadingListSync(store),
    feeds: registerFeeds(store),
    openOptions: () => browser.runtime.openOptionsPage(),
  });

  // Registered synchronously, so a message that wakes the worker finds its listener.
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => keepAwakeWhile(handleMessage(api, message, sender, browser.runtime.id)));

  browser.runtime.onInstalled.addListener(() => {
    void keepAwakeWhile(store.ensureCorpus()).catch((error: unknown) => console.error('[arxiv-digest] seeding failed:', error));
  });
  // unlimitedStorage already exempts the extension from eviction; persist() asks for the same where it is honoured.
  void navigator.storage?.persist?.().catch(() => false);

  broadcastReadingListChanges(store);
  const refreshBadge = registerTabBadge(store);
  registerContextMenu(store, refreshBadge);
  registerSaveCommand(store, refreshBadge);
  registerPdfTitles(store);
  registerViewSwitch();
}

// An event page in Firefox (MV2), like Chrome's service worker: it sleeps when idle, and the context
// menu it creates on install outlives a browser restart (Firefox forgets a persistent page's menus).
export default defineBackground({ persistent: false, main });
