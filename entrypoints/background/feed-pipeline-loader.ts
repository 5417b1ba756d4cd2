import { FEED_PIPELINE_GLOBAL, type FeedPipeline } from '../../lib/feeds/feed-pipeline-global';

/** The unlisted script entrypoints/feed-pipeline.ts, as WXT writes it. */
const FEED_PIPELINE_SCRIPT = '/feed-pipeline.js';

type PipelineScope = typeof globalThis & {
  [FEED_PIPELINE_GLOBAL]?: FeedPipeline;
  importScripts?: (...urls: string[]) => void;
};
const scope = globalThis as PipelineScope;

/** Chrome's service worker has `importScripts` and no document; Firefox's event page is a document. */
const inServiceWorker = typeof document === 'undefined' && typeof scope.importScripts === 'function';

/**
 * Chrome's service worker may `importScripts` a script after its first evaluation only if it imported
 * that script while it was being installed ("importScripts() of new scripts after service worker
 * installation is not allowed"), and it has no `import()`. So the script is imported once at install,
 * which keeps it in the worker's installed scripts; every later wake-up imports it only when needed.
 * Must be called during the background's first, synchronous evaluation.
 */
export function importFeedPipelineOnInstall(): void {
  if (inServiceWorker) scope.addEventListener('install', () => void loadFeedPipeline().catch((error: unknown) => console.error('[arxiv-digest] the feed pipeline did not load:', error)));
}

let loading: Promise<FeedPipeline> | null = null;

/** The feed pipeline, evaluated on the first call: `importScripts` in Chrome, a script element in Firefox's event page. */
export function loadFeedPipeline(): Promise<FeedPipeline> {
  loading ??= evaluate().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function evaluate(): Promise<FeedPipeline> {
  if (!scope[FEED_PIPELINE_GLOBAL]) {
    if (inServiceWorker) scope.importScripts!(FEED_PIPELINE_SCRIPT);
    else {
      await new Promise<void>((resolve, reject) => {
        const script = Object.assign(document.createElement('script'), { src: FEED_PIPELINE_SCRIPT });
        script.addEventListener('load', () => resolve());
        script.addEventListener('error', () => reject(new Error(`${FEED_PIPELINE_SCRIPT} did not load`)));
        (document.head ?? document.documentElement).append(script);
      });
    }
  }
  const pipeline = scope[FEED_PIPELINE_GLOBAL];
  if (!pipeline) throw new Error(`${FEED_PIPELINE_SCRIPT} left no pipeline`);
  return pipeline;
}
