import type { FeedRunner } from './feed-runner';
import type { repairModelFromJSON } from '../mojibake';

/**
 * What the feed pipeline's script (entrypoints/feed-pipeline.ts) leaves on the global object: the feed
 * runner and the importer's pipeline behind it, which the background loads only when a feed syncs.
 */
export interface FeedPipeline {
  FeedRunner: typeof FeedRunner;
  repairModelFromJSON: typeof repairModelFromJSON;
}

/** The global's name: the background and the script it loads share one global scope. */
export const FEED_PIPELINE_GLOBAL = 'arxivDigestFeedPipeline';
