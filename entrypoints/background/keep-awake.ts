import browser from 'webextension-polyfill';

/**
 * How often a busy background calls into the browser. Firefox suspends an event page that has been idle for
 * `extensions.background.idle.timeout` (30 s by default) even while it is still seeding the corpus or answering a
 * request: a pending answer does not count as activity, and the content script that waited for it gets an error
 * instead of its card. A call into the browser's extension API does count (Chrome's worker likewise stays up while
 * it calls extension APIs), so a beat far shorter than any timeout keeps it awake while there is work in hand.
 */
const HEARTBEAT_MS = 1000;

let busy = 0;
let heartbeat: ReturnType<typeof setInterval> | undefined;

/** Keeps the background awake until `work` settles, then lets it sleep again; returns what `work` returns. */
export function keepAwakeWhile<T>(work: Promise<T>): Promise<T> {
  if (busy++ === 0) heartbeat = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), HEARTBEAT_MS);
  return work.finally(() => {
    if (--busy === 0) clearInterval(heartbeat);
  });
}
