import browser from 'webextension-polyfill';
import type { FeedRunner } from '../../lib/feeds/feed-runner';
import { anyFeedDue } from '../../lib/feeds/feeds-due';
import { FEED_HOST_PERMISSIONS } from '../../lib/feeds/github-urls';
import type { SerializedRepairModel } from '../../lib/mojibake';
import type { CompanionStore } from '../../lib/store/companion-store';
import { loadFeedPipeline } from './feed-pipeline-loader';

/** The one alarm: it rings when the earliest feed is due (daily, or after a wait). */
const FEED_ALARM = 'digest-feeds';
/** Chrome rings no alarm sooner than 30 s from now. */
const MIN_ALARM_DELAY_MS = 30_000;

/**
 * Digest feeds in the background: syncs run here, through the importer's pipeline, whenever the
 * alarm rings, a page asks, or the worker wakes with a sync cut short. Nothing is requested
 * without the optional host permissions (`FEED_HOST_PERMISSIONS`), and only from those two hosts.
 * The runner and the pipeline are a script of their own (entrypoints/feed-pipeline.ts), loaded the
 * first time a feed has something to do: a background woken for a page's card never evaluates it.
 * @param afterStartup Runs a task once the background has answered what woke it.
 */
export function registerFeeds(store: CompanionStore, afterStartup: (task: () => void) => void): { sync(feedId: string): void; syncing(): string[] } {
  const syncing = new Set<string>();
  let runner: Promise<FeedRunner> | null = null;
  const loadRunner = () =>
    (runner ??= loadFeedPipeline().then(
      ({ FeedRunner, repairModelFromJSON }) =>
        new FeedRunner({
          store: store.feeds,
          fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer' }),
          hasPermission: () => browser.permissions.contains({ origins: [...FEED_HOST_PERMISSIONS] }),
          taxonomyEntries: async () => (await store.ensureCorpus(), store.imports.taxonomyEntries()),
          async loadRepairModel() {
            // Shipped with the extension (1.8 MB), fetched only for a damaged file.
            const response = await fetch(browser.runtime.getURL('/repair-model.json'));
            return repairModelFromJSON((await response.json()) as SerializedRepairModel);
          },
          now: () => Date.now(),
          newBatchId: () => crypto.randomUUID(),
          // Any extension API call resets the service worker's idle timer, so a long sync is not cut at 30 s.
          keepAlive: async () => void (await browser.runtime.getPlatformInfo()),
          // A paper is found by its id at once; titles are read again for the title matcher.
          onFileDone: () => store.papers.forgetTitles(),
          // Only the new papers are indexed, in slices; searches answer from the index as it was meanwhile.
          onImportsChanged: () => store.importsAdded(),
          async schedule(when) {
            if (when === null) await browser.alarms.clear(FEED_ALARM);
            else await browser.alarms.create(FEED_ALARM, { when: Math.max(when, Date.now() + MIN_ALARM_DELAY_MS) });
          },
        }),
      (error: unknown) => {
        runner = null;
        throw error;
      },
    ));
  const report = (error: unknown) => console.error('[arxiv-digest] feed sync failed:', error);
  const runDue = async () => (await loadRunner()).runDue();
  // Which feeds are due is read at once, as the runner would read it, so that a feed subscribed
  // meanwhile is left to its own sync; the pipeline is loaded only when one is due.
  const runDueIfAny = async () => {
    if (await anyFeedDue(store.feeds, Date.now())) await runDue();
  };

  // The alarm always goes through the runner, which sets the next one.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void runDue().catch(report);
  });
  // A feed that waited for the permission goes on once it is granted (from the options page or the browser's settings).
  browser.permissions.onAdded.addListener(() => void runDueIfAny().catch(report));
  // A worker stopped mid-sync resumes the files left as soon as it has answered what woke it, whatever that was.
  afterStartup(() => void runDueIfAny().catch(report));

  return {
    sync(feedId) {
      syncing.add(feedId);
      void loadRunner()
        .then((loaded) => loaded.sync(feedId, { force: true }))
        .catch(report)
        .finally(() => syncing.delete(feedId));
    },
    syncing: () => [...syncing],
  };
}
