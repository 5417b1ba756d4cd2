import { describe, expect, it } from 'vitest';
import { anyFeedDue, isFeedDue } from '../../../lib/feeds/feeds-due';
import { DAILY_MS } from '../../../lib/feeds/feed-schedule';
import type { FeedFileRow, FeedRow } from '../../../lib/store/database';

const NOW = 1_750_000_000_000;

describe('isFeedDue', () => {
  it.each([
    ['never checked', { lastCheckAt: null, waitUntil: null, unfinished: false, blocked: false }, true],
    ['checked an hour ago, all files in', { lastCheckAt: NOW - 3_600_000, waitUntil: null, unfinished: false, blocked: false }, false],
    ['checked a day ago', { lastCheckAt: NOW - DAILY_MS, waitUntil: null, unfinished: false, blocked: false }, true],
    ['files left (a sync cut short)', { lastCheckAt: NOW - 1000, waitUntil: null, unfinished: true, blocked: false }, true],
    ['files left, but a rate limit holds', { lastCheckAt: NOW - 1000, waitUntil: NOW + 60_000, unfinished: true, blocked: false }, false],
    ['files left, the wait over', { lastCheckAt: NOW - 1000, waitUntil: NOW - 1, unfinished: true, blocked: false }, true],
    ['waiting for the permission', { lastCheckAt: null, waitUntil: null, unfinished: true, blocked: true }, false],
  ])('%s → %s', (_, timing, expected) => {
    expect(isFeedDue(timing, NOW)).toBe(expected);
  });
});

describe('anyFeedDue', () => {
  const feed = (id: string, patch: Partial<FeedRow>) => ({ id, lastCheckAt: NOW - 1000, waitUntil: null, problem: null, ...patch }) as FeedRow;
  it.each([
    ['no feed', [], {}, false],
    ['one feed checked a moment ago', [feed('a', {})], {}, false],
    ['a second feed with files left', [feed('a', {}), feed('b', {})], { b: 2 }, true],
    ['a feed never checked', [feed('a', { lastCheckAt: null })], {}, true],
    ['files left, but the permission is missing', [feed('a', { problem: { kind: 'permission', detail: '' } })], { a: 1 }, false],
  ])('%s → %s', async (_, feeds, pendingByFeed: Record<string, number>, expected) => {
    const store = {
      feeds: async () => feeds,
      pendingFiles: async (id: string) => Array.from({ length: pendingByFeed[id] ?? 0 }, () => ({}) as FeedFileRow),
    };
    await expect(anyFeedDue(store, NOW)).resolves.toBe(expected);
  });
});
