/** Timing of repeated runs of one operation, in milliseconds. */
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

/**
 * Runs `operation` `warmup` times untimed, then `runs` times timed, and summarises the times.
 * Medians and p95 rather than means: one GC pause on a 2-core machine should not move the figure.
 */
export function measure(operation: () => unknown, { runs = 20, warmup = 3 } = {}): Timing {
  for (let i = 0; i < warmup; i++) operation();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    operation();
    times.push(performance.now() - start);
  }
  return summarize(times);
}

/** Median, p95 and minimum of a list of durations. */
export function summarize(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { runs: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(sorted[0] ?? 0) };
}

/** Rounds to three significant decimals for printing. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
