import browser from 'webextension-polyfill';
import { companionApi } from '../../lib/background/companion-api';
import { handleMessage } from '../../lib/messages';
import { CompanionDatabase } from '../../lib/store/database';
import { CompanionStore } from '../../lib/store/companion-store';
import { registerContextMenu } from './context-menu';
import { keepAwakeWhile } from './keep-awake';
import { broadcastReadingListChanges } from './reading-list-changes';
import { registerFeeds } from './feeds';
import { importFeedPipelineOnInstall } from './feed-pipeline-loader';
import { StartupTasks } from '../../lib/background/startup-tasks';
import { registerReadingListSync } from './reading-list-sync';
import { openSidePanelOn } from './side-panel';
import { registerSaveCommand } from './save-command';
import { registerTabBadge } from './tab-badge';
import { sendToZotero } from './zotero';
import { registerPdfTitles } from './pdf-title';
import { registerViewSwitch } from './view-switch';

/** At most this long after waking without a request, the background does its own deferred work. */
const STARTUP_IDLE_MS = 1000;

function main(): void {
  // First of all, while the worker is being installed: see feed-pipeline-loader.ts.
  importFeedPipelineOnInstall();
  const startup = new StartupTasks({ setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as number) }, STARTUP_IDLE_MS);
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
    feeds: registerFeeds(store, (task) => startup.defer(task)),
    openOptions: () => browser.runtime.openOptionsPage(),
  });

  // Registered synchronously, so a message that wakes the worker finds its listener.
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => keepAwakeWhile(startup.handle(handleMessage(api, message, sender, browser.runtime.id))));

  browser.runtime.onInstalled.addListener(() => {
    void keepAwakeWhile(store.ensureCorpus()).catch((error: unknown) => console.error('[arxiv-digest] seeding failed:', error));
  });
  // unlimitedStorage already exempts the extension from eviction; persist() asks for the same where it is honoured.
  startup.defer(() => void navigator.storage?.persist?.().catch(() => false));

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
