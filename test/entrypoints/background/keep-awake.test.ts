import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import browser from 'webextension-polyfill';
import { keepAwakeWhile } from '../../../entrypoints/background/keep-awake';

describe('keeping the background awake while it has work in hand (Firefox suspends a busy event page)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('calls into the browser every second while any work is pending, and stops when the last settles', async () => {
    const beat = vi.spyOn(browser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'linux', arch: 'x86-64' } as never);
    let finishFirst!: () => void;
    let failSecond!: (error: Error) => void;
    const first = keepAwakeWhile(new Promise<string>((resolve) => (finishFirst = () => resolve('answer'))));
    const second = keepAwakeWhile(new Promise<string>((_, reject) => (failSecond = reject)));
    await vi.advanceTimersByTimeAsync(3_500);
    expect(beat).toHaveBeenCalledTimes(3);

    finishFirst();
    expect(await first).toBe('answer');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(beat).toHaveBeenCalledTimes(4);

    failSecond(new Error('storage-unavailable'));
    await expect(second).rejects.toThrow('storage-unavailable');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(beat).toHaveBeenCalledTimes(4);
  });
});
