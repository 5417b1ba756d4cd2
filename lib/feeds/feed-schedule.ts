/** A feed is checked once a day. */
export const DAILY_MS = 24 * 60 * 60 * 1000;
/** The first retry after a network failure or a server error; each further one doubles it… */
export const FIRST_RETRY_MS = 60 * 1000;
/** …up to this. */
export const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
/** When GitHub says how long to wait, a little more: its reset time is in whole seconds. */
const RESET_MARGIN_MS = 5 * 1000;
/** A rate limit whose reset GitHub did not say: its window is an hour. */
const UNKNOWN_RESET_MS = 60 * 60 * 1000;

/** Why a feed could not go on, in terms the status line words. */
export type FeedProblemKind = 'offline' | 'server' | 'rate-limited' | 'not-found' | 'refused' | 'permission' | 'malformed-listing';

/** What a response means for the sync. */
export type ResponseVerdict =
  | { kind: 'ok' }
  | { kind: 'not-modified' }
  | { kind: 'rate-limited'; until: number }
  | { kind: 'server' | 'not-found' | 'refused'; status: number };

/** The headers the verdict reads; a `Headers` fits. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * What a GitHub response means. A 403 or 429 that says the limit is spent (`X-RateLimit-Remaining: 0`)
 * waits until `X-RateLimit-Reset` (epoch seconds); one with `Retry-After` (a secondary limit) waits
 * that many seconds. Any other 429 waits an hour; any other 403 is a refusal.
 */
export function judgeResponse(status: number, headers: HeaderReader, now: number): ResponseVerdict {
  if (status === 304) return { kind: 'not-modified' };
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers.get('retry-after'));
    if (headers.get('retry-after') !== null && Number.isFinite(retryAfter) && retryAfter >= 0) return { kind: 'rate-limited', until: now + retryAfter * 1000 + RESET_MARGIN_MS };
    if (headers.get('x-ratelimit-remaining') === '0') {
      const reset = Number(headers.get('x-ratelimit-reset'));
      return { kind: 'rate-limited', until: Number.isFinite(reset) && reset > 0 ? Math.max(now, reset * 1000) + RESET_MARGIN_MS : now + UNKNOWN_RESET_MS };
    }
    if (status === 429) return { kind: 'rate-limited', until: now + UNKNOWN_RESET_MS };
  }
  if (status === 404) return { kind: 'not-found', status };
  if (status >= 500) return { kind: 'server', status };
  return { kind: 'refused', status };
}

/** The wait before retry number `failures` (1 for the first) after a failure that may pass: 1, 2, 4… minutes, at most 6 hours. */
export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * When a feed that just failed is tried again. A rate limit says when; a network failure or a
 * server error backs off; a missing repository, a refusal or a listing that is no git tree waits
 * for the next daily check, as it will not pass by itself within minutes. A missing permission
 * waits for the user, who grants it in the options page.
 */
export function retryAt(problem: { kind: FeedProblemKind; until?: number }, failures: number, now: number): number | null {
  switch (problem.kind) {
    case 'rate-limited':
      return problem.until ?? now + UNKNOWN_RESET_MS;
    case 'offline':
    case 'server':
      return now + retryDelay(failures);
    case 'permission':
      return null;
    default:
      return now + DAILY_MS;
  }
}

/** What the scheduler knows of a feed. */
export interface FeedTiming {
  /** When the folder was last listed (successfully or not); null before the first time. */
  lastCheckAt: number | null;
  /** Not before this (a rate limit, a backoff); null when nothing holds it back. */
  waitUntil: number | null;
  /** True while files the last listing found are still to be fetched. */
  unfinished: boolean;
  /** A feed that waits for the user's permission is never due. */
  blocked: boolean;
}

/** When a feed is next due: now for an unfinished or never checked feed, after a wait, or a day after its last check. */
export function dueAt(feed: FeedTiming, now: number): number | null {
  if (feed.blocked) return null;
  if (feed.waitUntil !== null && feed.waitUntil > now) return feed.waitUntil;
  if (feed.unfinished || feed.lastCheckAt === null) return now;
  return Math.max(now, feed.lastCheckAt + DAILY_MS);
}

/** When the alarm must next ring for some feeds: the earliest due time, or null when none is due ever. */
export function nextAlarmAt(feeds: readonly FeedTiming[], now: number): number | null {
  let earliest: number | null = null;
  for (const feed of feeds) {
    const due = dueAt(feed, now);
    if (due !== null && (earliest === null || due < earliest)) earliest = due;
  }
  return earliest;
}
