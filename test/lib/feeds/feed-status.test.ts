import { describe, expect, it } from 'vitest';
import { CHATPAPER_ARCHIVE } from '../../../lib/feeds/feed-spec';
import { feedStatus } from '../../../lib/feeds/feed-status';
import type { FeedRow } from '../../../lib/store/database';
import type { FeedSummary } from '../../../lib/store/feed-store';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const LATER = NOW + 65 * 60_000;

function summary(feed: Partial<FeedRow>, files: Partial<FeedSummary['files']> = {}): FeedSummary {
  return {
    feed: { ...CHATPAPER_ARCHIVE, topics: null, window: 'all', id: 'f', subscribedAt: 0, etag: null, lastCheckAt: null, lastSyncAt: null, failures: 0, waitUntil: null, problem: null, ...feed },
    files: { inFeed: 265, done: 140, pending: 123, failed: 2, gone: 0, ...files },
    papers: 0,
    errors: [],
  };
}

describe('feedStatus', () => {
  it.each([
    ['syncing', summary({}), true, { key: 'feedStatusSyncing', args: ['142', '265'], at: null }],
    ['rate-limited: "142 of 265 files; the rest after 14:05"', summary({ problem: { kind: 'rate-limited', detail: 'HTTP 403' }, waitUntil: LATER }), false, { key: 'feedStatusRateLimited', args: ['142', '265'], at: LATER }],
    ['rate-limited while a sync is asked for', summary({ problem: { kind: 'rate-limited', detail: 'HTTP 403' }, waitUntil: LATER }), true, { key: 'feedStatusRateLimited', args: ['142', '265'], at: LATER }],
    ['rate-limited with every file in', summary({ problem: { kind: 'rate-limited', detail: 'HTTP 403' }, waitUntil: LATER }, { pending: 0 }), false, { key: 'feedStatusRateLimitedIdle', args: ['142'], at: LATER }],
    ['offline', summary({ problem: { kind: 'offline', detail: 'Failed to fetch' }, waitUntil: LATER }), false, { key: 'feedStatusOffline', args: ['142', '265'], at: LATER }],
    ['a 502', summary({ problem: { kind: 'server', detail: 'HTTP 502 from api.github.com' }, waitUntil: LATER }), false, { key: 'feedStatusServer', args: ['HTTP 502 from api.github.com', '142', '265'], at: LATER }],
    ['without the permission', summary({ problem: { kind: 'permission', detail: '' } }), false, { key: 'feedStatusPermission', args: [], at: null }],
    ['never synced', summary({}, { inFeed: 0, done: 0, pending: 0, failed: 0 }), false, { key: 'feedStatusNever', args: [], at: null }],
    ['up to date', summary({ lastSyncAt: NOW - 1000 }, { pending: 0 }), false, { key: 'feedStatusUpToDate', args: [], at: NOW - 1000 }],
    ['cut short, waiting to resume', summary({ lastSyncAt: NOW - 1000 }), false, { key: 'feedStatusSyncing', args: ['142', '265'], at: null }],
  ])('%s', (_case, feed, syncing, line) => {
    expect(feedStatus(feed, syncing, NOW)).toEqual(line);
  });
});
