import { describe, expect, it } from 'vitest';
import { DAILY_MS, dueAt, judgeResponse, MAX_RETRY_MS, nextAlarmAt, retryAt, retryDelay, type FeedTiming } from '../../../lib/feeds/feed-schedule';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const headers = (values: Record<string, string>) => new Headers(values);

describe('judgeResponse', () => {
  it.each([
    [200, {}, { kind: 'ok' }],
    [304, {}, { kind: 'not-modified' }],
    [403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3600) }, { kind: 'rate-limited', until: NOW + 3600_000 + 5000 }],
    [429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 60) }, { kind: 'rate-limited', until: NOW + 60_000 + 5000 }],
    [403, { 'retry-after': '120' }, { kind: 'rate-limited', until: NOW + 120_000 + 5000 }],
    // A reset already past (clocks differ) still waits a moment, never into the past.
    [403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 - 10) }, { kind: 'rate-limited', until: NOW + 5000 }],
    [403, { 'x-ratelimit-remaining': '0' }, { kind: 'rate-limited', until: NOW + 3600_000 }],
    [429, {}, { kind: 'rate-limited', until: NOW + 3600_000 }],
    [403, { 'x-ratelimit-remaining': '12' }, { kind: 'refused', status: 403 }],
    [404, {}, { kind: 'not-found', status: 404 }],
    [500, {}, { kind: 'server', status: 500 }],
    [503, {}, { kind: 'server', status: 503 }],
    [401, {}, { kind: 'refused', status: 401 }],
  ])('HTTP %i with %o is %o', (status, values, verdict) => {
    expect(judgeResponse(status, headers(values), NOW)).toEqual(verdict);
  });
});

describe('backoff', () => {
  it.each([
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [9, 256 * 60_000],
    [10, MAX_RETRY_MS],
    [50, MAX_RETRY_MS],
  ])('retry %i waits %i ms', (failures, delay) => {
    expect(retryDelay(failures)).toBe(delay);
  });

  it.each([
    ['offline', 3, NOW + 240_000],
    ['server', 1, NOW + 60_000],
    ['rate-limited', 1, NOW + 42],
    ['not-found', 1, NOW + DAILY_MS],
    ['refused', 5, NOW + DAILY_MS],
    ['malformed-listing', 1, NOW + DAILY_MS],
    ['permission', 1, null],
  ] as const)('after %s (failure %i) the feed is tried again at %s', (kind, failures, at) => {
    expect(retryAt({ kind, until: NOW + 42 }, failures, NOW)).toBe(at);
  });
});

describe('the scheduler', () => {
  const timing = (patch: Partial<FeedTiming>): FeedTiming => ({ lastCheckAt: NOW - 1000, waitUntil: null, unfinished: false, blocked: false, ...patch });

  it.each([
    ['never checked', timing({ lastCheckAt: null }), NOW],
    ['checked an hour ago', timing({ lastCheckAt: NOW - 3600_000 }), NOW - 3600_000 + DAILY_MS],
    ['checked two days ago', timing({ lastCheckAt: NOW - 2 * DAILY_MS }), NOW],
    ['unfinished', timing({ unfinished: true }), NOW],
    ['unfinished but rate-limited', timing({ unfinished: true, waitUntil: NOW + 600_000 }), NOW + 600_000],
    ['past its wait', timing({ unfinished: true, waitUntil: NOW - 1 }), NOW],
    ['waiting for the permission', timing({ blocked: true, lastCheckAt: null }), null],
  ])('a feed %s is due at %s', (_case, feed, due) => {
    expect(dueAt(feed, NOW)).toBe(due);
  });

  it('rings for the earliest feed, and not at all without one that can run', () => {
    expect(nextAlarmAt([timing({ lastCheckAt: NOW - 3600_000 }), timing({ unfinished: true, waitUntil: NOW + 60_000 })], NOW)).toBe(NOW + 60_000);
    expect(nextAlarmAt([timing({ blocked: true })], NOW)).toBeNull();
    expect(nextAlarmAt([], NOW)).toBeNull();
  });
});
