import type { MessageKey } from '../i18n/ui-strings';
import type { FeedSummary } from '../store/feed-store';

/** A status line: a UI string and what fills it; `at` is a time the UI writes in the user's clock. */
export interface FeedStatusLine {
  key: MessageKey;
  /** Filled in order; a number that is a time is given in `at`, and stands last. */
  args: string[];
  at: number | null;
}

/**
 * What a feed's status line says: syncing, up to date, or why it stopped and when it goes on
 * ("142 of 265 files; the rest after 14:05").
 * @param syncing Whether a sync of it runs now.
 */
export function feedStatus(summary: FeedSummary, syncing: boolean, now: number): FeedStatusLine {
  const { feed, files } = summary;
  const handled = String(files.done + files.failed);
  const total = String(files.inFeed);
  const waiting = feed.waitUntil !== null && feed.waitUntil > now ? feed.waitUntil : null;
  if (syncing && !(feed.problem && waiting)) return { key: 'feedStatusSyncing', args: [handled, total], at: null };
  const problem = feed.problem;
  if (problem) {
    switch (problem.kind) {
      case 'permission':
        return { key: 'feedStatusPermission', args: [], at: null };
      case 'rate-limited':
        // With every file in, only the next listing waits: there is no "rest" to speak of.
        if (files.pending === 0) return { key: 'feedStatusRateLimitedIdle', args: [handled], at: waiting ?? now };
        return { key: 'feedStatusRateLimited', args: [handled, total], at: waiting ?? now };
      case 'offline':
        return { key: 'feedStatusOffline', args: [handled, total], at: waiting ?? now };
      case 'server':
        return { key: 'feedStatusServer', args: [problem.detail, handled, total], at: waiting ?? now };
      case 'not-found':
        return { key: 'feedStatusNotFound', args: [], at: waiting ?? now };
      case 'refused':
        return { key: 'feedStatusRefused', args: [problem.detail], at: waiting ?? now };
      case 'malformed-listing':
        return { key: 'feedStatusMalformed', args: [], at: waiting ?? now };
    }
  }
  if (files.pending > 0) return { key: 'feedStatusSyncing', args: [handled, total], at: null };
  if (feed.lastSyncAt === null) return { key: 'feedStatusNever', args: [], at: null };
  return { key: 'feedStatusUpToDate', args: [], at: feed.lastSyncAt };
}
