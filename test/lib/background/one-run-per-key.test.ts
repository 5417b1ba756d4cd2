import { describe, expect, it } from 'vitest';
import { OneRunPerKey } from '../../../lib/background/one-run-per-key';

/** A task that records when it starts and ends, and ends when told. */
function gatedTask(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const task = () => {
    log.push(`${name} starts`);
    return new Promise<void>((resolve, reject) => {
      finish = () => {
        log.push(`${name} ends`);
        resolve();
      };
      fail = (error) => reject(error);
    });
  };
  return { task, finish: () => finish(), fail: (error: Error) => fail(error) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('one run per key', () => {
  it('runs a task asked for while one runs after it, and only the last of those asked meanwhile', async () => {
    const log: string[] = [];
    const runs = new OneRunPerKey<number>();
    const [first, second, third] = ['first', 'second', 'third'].map((name) => gatedTask(log, name));
    const done = [runs.run(1, first!.task), runs.run(1, second!.task), runs.run(1, third!.task)];
    await settle();
    expect(log).toEqual(['first starts']);
    first!.finish();
    await settle();
    expect(log).toEqual(['first starts', 'first ends', 'third starts']);
    third!.finish();
    await Promise.all(done);
    expect(log).toEqual(['first starts', 'first ends', 'third starts', 'third ends']);
  });

  it('runs the tasks of different keys side by side, and a key anew once its runs are over', async () => {
    const log: string[] = [];
    const runs = new OneRunPerKey<number>();
    const [one, two, again] = ['one', 'two', 'again'].map((name) => gatedTask(log, name));
    const done = [runs.run(1, one!.task), runs.run(2, two!.task)];
    await settle();
    expect(log).toEqual(['one starts', 'two starts']);
    one!.finish();
    two!.finish();
    await Promise.all(done);
    const later = runs.run(1, again!.task);
    await settle();
    expect(log.at(-1)).toBe('again starts');
    again!.finish();
    await later;
  });

  it('still runs the task asked for meanwhile after one that failed, then rejects with that failure', async () => {
    const log: string[] = [];
    const runs = new OneRunPerKey<string>();
    const failing = gatedTask(log, 'failing');
    const next = gatedTask(log, 'next');
    const done = runs.run('tab', failing.task);
    const asked = runs.run('tab', next.task);
    failing.fail(new Error('refused'));
    await settle();
    next.finish();
    await expect(done).rejects.toThrow('refused');
    await expect(asked).rejects.toThrow('refused');
    expect(log.at(-1)).toBe('next ends');
    // Over: the key runs anew.
    await expect(runs.run('tab', async () => undefined)).resolves.toBeUndefined();
  });
});
