import type { CompanionApi, ResponseMap } from '../messages/protocol';
import type { CompanionStore } from '../store/companion-store';
import { withReopen } from '../store/database';
import { saveZoteroPapers, type ZoteroSender } from '../zotero/save-papers';
import { StoreError } from '../store/store-error';

/** What the API needs of the browser. */
export interface CompanionHooks {
  /** Opens the side panel in a tab on a taxonomy node; false when the browser would not (no user gesture). */
  openSidePanel?: (tabId: number | undefined, nodeId: string) => Promise<boolean>;
  /** Hands items to Zotero desktop; without it, Zotero counts as not running. */
  sendToZotero?: ZoteroSender;
  /** Digest feeds: starts a sync (after any running one) without waiting for it, and says which are running. */
  feeds?: { sync(feedId: string): void; syncing(): string[] };
  /** The reading list's sync through the browser's sync storage, which only the background can reach. */
  sync?: {
    status(): Promise<ResponseMap['sync.status']>;
    setEnabled(enabled: boolean): Promise<ResponseMap['sync.set']>;
  };
  /** Opens the options page (importing digests). */
  openOptions?: () => Promise<void>;
}

/** "New papers since yesterday": what feeds brought in the last day. */
const NEWS_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The background's side of the protocol: each request goes straight to the part of the store that
 * owns it. Every call may reopen the database once, since the browser closes an idle worker's
 * connection (see `withReopen`).
 */
export function companionApi(store: CompanionStore, hooks: CompanionHooks = {}): CompanionApi {
  const sendToZotero: ZoteroSender = hooks.sendToZotero ?? (async () => ({ status: 'not-running' }));
  const syncHooks = () => {
    if (!hooks.sync) throw new StoreError('internal', 'the sync is not wired here');
    return hooks.sync;
  };
  const api: CompanionApi = {
    'page.lookup': (request) => store.papers.page(request),
    'paper.get': ({ arxivId }) => store.papers.paper(arxivId),
    'paper.status': ({ arxivIds }) => store.papers.status(arxivIds),
    'search.query': ({ query, filters, limit }) => store.search.search(query, filters, limit),
    'taxonomy.node': ({ id }) => store.taxonomy.node(id),
    'taxonomy.tree': () => store.taxonomy.tree(),
    // The node is remembered first, so a panel that opens later still lands on it.
    'taxonomy.open': async ({ nodeId }, { tabId }) => {
      await store.settings.update({ pendingTaxonomyNode: nodeId });
      return { opened: (await hooks.openSidePanel?.(tabId, nodeId).catch(() => false)) ?? false };
    },
    'settings.get': () => store.settings.get(),
    'settings.update': ({ patch }) => store.settings.update(patch),
    'readingList.list': async ({ limit }) => ({ entries: await store.readingList.list(limit) }),
    'readingList.save': ({ paper }) => store.readingList.save(paper),
    'readingList.update': async ({ key, patch, base }) => ({ entry: await store.readingList.update(key, patch, base) }),
    'readingList.remove': async ({ key }) => (await store.readingList.remove(key), { removed: true as const }),
    'readingList.export': ({ format }) => store.readingList.exportAs(format),
    'readingList.import': ({ text }) => store.readingList.importJson(text),
    'zotero.save': ({ keys }) => saveZoteroPapers(store, keys, sendToZotero),
    'zoteroPaper.save': ({ arxivId }) => saveZoteroPapers(store, [`arxiv:${arxivId}`], sendToZotero),
    'sync.status': () => syncHooks().status(),
    'sync.set': ({ enabled }) => syncHooks().setEnabled(enabled),
    'backup.list': async () => ({ backups: await store.backups.list() }),
    'backup.restore': ({ id }) => store.backups.restore(id),
    'imports.list': async () => ({ batches: await store.imports.batches() }),
    'imports.remove': ({ batchId }) => store.removeImport(batchId),
    'imports.changed': async () => (store.importsChanged(), { ok: true as const }),
    'feeds.list': async () => ({ feeds: await store.feeds.summaries(), syncing: hooks.feeds?.syncing() ?? [] }),
    'feeds.subscribe': async ({ spec }) => {
      const { id } = await store.feeds.subscribe(spec, Date.now());
      hooks.feeds?.sync(id);
      return { feedId: id };
    },
    'feeds.unsubscribe': async ({ feedId, keepPapers }) => {
      const removed = await store.feeds.unsubscribe(feedId, keepPapers);
      if (removed.papers > 0) store.importsChanged();
      return removed;
    },
    'feeds.check': async ({ feedId }) => (hooks.feeds?.sync(feedId), { started: true as const }),
    'feeds.news': async ({ since = Date.now() - NEWS_WINDOW_MS }) => ({ since, ...(await store.feeds.newPapers(since, 50)) }),
    'options.open': async () => (await hooks.openOptions?.(), { ok: true as const }),
  };
  return Object.fromEntries(
    Object.entries(api).map(([type, handler]) => [type, (request: never, context: never) => withReopen(store.db, () => (handler as (r: never, c: never) => Promise<unknown>)(request, context))]),
  ) as CompanionApi;
}
