/**
 * The digest feeds' runner with the importer's pipeline (parsers, KaTeX, sanitize-html, the mojibake
 * repair): two thirds of the background's code, which a waking background needs only when a feed
 * syncs. It is a script of its own, loaded on demand (entrypoints/background/feed-pipeline-loader.ts),
 * so that the card after a cold worker does not wait while it is compiled and run.
 */
import { FeedRunner } from '../lib/feeds/feed-runner';
import { FEED_PIPELINE_GLOBAL, type FeedPipeline } from '../lib/feeds/feed-pipeline-global';
import { repairModelFromJSON } from '../lib/mojibake';

export default defineUnlistedScript(() => {
  const pipeline: FeedPipeline = { FeedRunner, repairModelFromJSON };
  (globalThis as Record<string, unknown>)[FEED_PIPELINE_GLOBAL] = pipeline;
});
