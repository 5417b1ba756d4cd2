import type { FeedRow } from '../store/database';
import type { FeedStore } from '../store/feed-store';
import { dueAt, type FeedTiming } from './feed-schedule';

/** The reads that say where each feed's syncing stands. */
export type FeedStateReader = Pick<FeedStore, 'feeds' | 'pendingFiles'>;

/** Every feed with its timing: when it was checked, its wait, whether files are left, whether it lacks the permission. */
export function feedTimings(store: FeedStateReader): Promise<{ feed: FeedRow; timing: FeedTiming }[]> {
  return store.feeds().then((feeds) =>
    Promise.all(
      feeds.map(async (feed) => {
        const pending = (await store.pendingFiles(feed.id)).length;
        return { feed, timing: { lastCheckAt: feed.lastCheckAt, waitUntil: feed.waitUntil, unfinished: pending > 0, blocked: feed.problem?.kind === 'permission' } };
      }),
    ),
  );
}

/** Whether a feed with this timing should sync at `now`: never checked, unfinished, past its wait, or a day after its last check. */
export function isFeedDue(timing: FeedTiming, now: number): boolean {
  const due = dueAt(timing, now);
  return due !== null && due <= now;
}

/** Whether any feed should sync at `now`: read without the importer's pipeline, so a waking background can tell whether it needs it. */
export async function anyFeedDue(store: FeedStateReader, now: number): Promise<boolean> {
  return (await feedTimings(store)).some(({ timing }) => isFeedDue(timing, now));
}
