/** The timer functions the queue uses; tests pass fake ones. */
export interface StartupTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Work a waking background does on its own account (resuming a feed sync, asking for persistent
 * storage) waits until the requests that woke it are answered, so that a page's card, the usual
 * reason a sleeping background wakes, is not kept waiting behind it. Woken by anything else (an
 * alarm, a browser event), the work starts after `idleMs` at most.
 */
export class StartupTasks {
  private waiting: (() => void)[] | null = [];
  private inFlight = 0;
  private readonly timer: unknown;

  constructor(
    private readonly timers: StartupTimers,
    idleMs: number,
  ) {
    this.timer = timers.setTimeout(() => this.release(), idleMs);
  }

  /** Runs `task` once start-up is over: at once if it is. */
  defer(task: () => void): void {
    if (this.waiting) this.waiting.push(task);
    else task();
  }

  /** Wraps the handling of one request: when the last request in hand is answered, start-up is over. */
  async handle<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work;
    } finally {
      // After the answer has left: the deferred work starts in a task of its own.
      if (--this.inFlight === 0 && this.waiting) this.timers.setTimeout(() => this.release(), 0);
    }
  }

  private release(): void {
    const tasks = this.waiting;
    if (!tasks) return;
    this.waiting = null;
    this.timers.clearTimeout(this.timer);
    for (const task of tasks) task();
  }
}
