import { nextAlarmAt } from './feed-schedule';
import { feedTimings, isFeedDue } from './feeds-due';
import { syncFeed, type FeedSyncDependencies, type SyncOutcome } from './sync-feed';

/** What the runner needs besides a sync's dependencies: a way to be woken at a time. */
export interface FeedRunnerDependencies extends FeedSyncDependencies {
  /** Sets the one wake-up (`alarms` in the extension) to `when`, or clears it for null. */
  schedule(when: number | null): Promise<void>;
  /** After any sync that wrote papers: caches over the imports are stale. */
  onImportsChanged?(): void;
}

/**
 * Runs feed syncs one at a time, whoever asks (the daily alarm, *Check now*, a subscription, a
 * worker waking with a sync unfinished), and sets the next wake-up after each.
 */
export class FeedRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: FeedRunnerDependencies) {}

  /** Syncs one feed now (after any sync already running); `force` skips a backoff, never a rate limit. */
  sync(id: string, { force = false } = {}): Promise<SyncOutcome> {
    return this.enqueue(async () => {
      const outcome = await this.syncTracked(id, force);
      await this.reschedule();
      return outcome;
    });
  }

  /** Syncs every feed that is due: never checked, unfinished, past its wait, or a day after its last check. */
  runDue(): Promise<void> {
    return this.enqueue(async () => {
      const now = this.deps.now();
      for (const { feed, timing } of await feedTimings(this.deps.store)) {
        if (isFeedDue(timing, now)) await this.syncTracked(feed.id, false);
      }
      await this.reschedule();
    });
  }

  /** Sets the wake-up for the earliest feed due. */
  async reschedule(): Promise<void> {
    await this.deps.schedule(nextAlarmAt((await feedTimings(this.deps.store)).map(({ timing }) => timing), this.deps.now()));
  }

  private async syncTracked(id: string, force: boolean): Promise<SyncOutcome> {
    let wrote = false;
    try {
      return await syncFeed(id, { ...this.deps, onFileDone: (result) => ((wrote = true), this.deps.onFileDone?.(result)) }, { force });
    } finally {
      if (wrote) this.deps.onImportsChanged?.();
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
