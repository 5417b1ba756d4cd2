/**
 * Change times for merging one reading list kept on several devices: a hybrid logical clock. A
 * stamp's time is the wall clock in milliseconds, or one past the latest stamp this device has
 * seen when that is later, so a change is always stamped after everything it could have seen,
 * even on a device whose clock is behind; the device id breaks ties, so no two stamps are equal.
 */

/** When and where a change was made. */
export interface Stamp {
  /** Hybrid-logical time: epoch milliseconds, pushed forward past every stamp seen. */
  t: number;
  /** The device that made the change: a short random id, one per browser profile. */
  d: string;
}

/** Orders stamps: by time, then by device id. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a.t - b.t || (a.d < b.d ? -1 : a.d > b.d ? 1 : 0);
}

/** The later of two stamps (either, when equal). */
export function laterStamp(a: Stamp, b: Stamp): Stamp {
  return compareStamps(a, b) >= 0 ? a : b;
}

/** The clock of one device. */
export class HybridClock {
  private last: number;

  /**
   * @param device This device's id.
   * @param now The wall clock; tests fix it.
   * @param seen The latest time this device had stamped or seen before (its stored stamps).
   */
  constructor(
    readonly device: string,
    private readonly now: () => number = Date.now,
    seen = 0,
  ) {
    this.last = seen;
  }

  /** A new stamp, later than any this clock has made or seen. */
  stamp(): Stamp {
    this.last = Math.max(this.last + 1, this.now());
    return { t: this.last, d: this.device };
  }

  /** Takes note of a stamp from another device, so that the next stamp here comes after it. */
  observe(stamp: Stamp): void {
    this.last = Math.max(this.last, stamp.t);
  }
}

/** A new device id: 8 base-36 characters, short because every stamp carries it. */
export function newDeviceId(random: () => number = Math.random): string {
  return Array.from({ length: 8 }, () => Math.floor(random() * 36).toString(36)).join('');
}
