/**
 * Runs a task per key one at a time: asked again while a key's task runs, it runs once more after
 * it, however often it was asked meanwhile, with the task it was last given.
 */
export class OneRunPerKey<K> {
  private readonly runs = new Map<K, { next: (() => Promise<void>) | null; done: Promise<void> }>();

  /**
   * Runs `task` for `key`, now or after the run in hand.
   * @returns Settles when the key has no task left to run; rejects with the first failure of those runs.
   */
  run(key: K, task: () => Promise<void>): Promise<void> {
    const running = this.runs.get(key);
    if (running) {
      running.next = task;
      return running.done;
    }
    const run = { next: task as (() => Promise<void>) | null, done: Promise.resolve() };
    this.runs.set(key, run);
    run.done = this.drain(key, run);
    return run.done;
  }

  private async drain(key: K, run: { next: (() => Promise<void>) | null }): Promise<void> {
    let failure: { error: unknown } | null = null;
    for (let task = run.next; task; task = run.next) {
      run.next = null;
      try {
        await task();
      } catch (error) {
        // A failed run does not cancel the one asked for meanwhile.
        failure ??= { error };
      }
    }
    this.runs.delete(key);
    if (failure) throw failure.error;
  }
}
