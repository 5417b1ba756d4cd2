import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StartupTasks } from '../../../lib/background/startup-tasks';

const IDLE_MS = 1000;

/** A request the test answers when it likes. */
function pending() {
  let answer!: () => void;
  const promise = new Promise<string>((resolve) => (answer = () => resolve('answer')));
  return { promise, answer };
}

describe('StartupTasks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const make = () => new StartupTasks({ setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as number) }, IDLE_MS);

  it.each([
    ['woken by a request: once it is answered', 1, [0], 1],
    ['woken by two requests: only when both are answered', 2, [0, 1], 1],
    ['a request still in hand when the other is answered: not yet', 2, [0], 0],
  ])('runs deferred work %s', async (_, requests, answered, expectedRuns) => {
    const startup = make();
    let runs = 0;
    startup.defer(() => runs++);
    const inHand = Array.from({ length: requests }, () => pending());
    const handled = inHand.map(({ promise }) => startup.handle(promise));
    for (const index of answered) {
      inHand[index]!.answer();
      await expect(handled[index]).resolves.toBe('answer');
    }
    // Not within the answer's own task: the answer leaves first.
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(expectedRuns);
  });

  it.each([
    ['with no request at all', false],
    ['while a request is never answered', true],
  ])('runs deferred work after the idle time %s', async (_, withRequest) => {
    const startup = make();
    let runs = 0;
    startup.defer(() => runs++);
    if (withRequest) void startup.handle(new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
  });

  it('runs work deferred after start-up at once, and each task once', async () => {
    const startup = make();
    const ran: string[] = [];
    startup.defer(() => ran.push('early'));
    await startup.handle(Promise.resolve());
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    startup.defer(() => ran.push('late'));
    await startup.handle(Promise.resolve());
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(ran).toEqual(['early', 'late']);
  });

  it('passes a failed request on, and still ends start-up', async () => {
    const startup = make();
    let runs = 0;
    startup.defer(() => runs++);
    await expect(startup.handle(Promise.reject(new Error('no')))).rejects.toThrow('no');
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
  });
});
