/**
 * Search benchmark: latency and cold start over the real corpus, then build, size, load, heap and
 * latency over synthetic corpora of 10,000 and 100,000 papers, each against Fuse.js 7 on the same
 * queries. Called by run-bench.ts; see {@link benchSearch}.
 */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import Fuse from 'fuse.js';
import type { Corpus } from '../../lib/corpus';
import {
  createSearchIndex,
  loadSearchIndex,
  searchDocumentsFromCorpus,
  searchHits,
  SEARCH_FIELDS,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
} from '../../lib/search';
import { round, summarize } from './measure';
import { syntheticCorpus, syntheticQueries } from './synthetic-corpus';

type SearchField = (typeof SEARCH_FIELDS)[number];

/** p50 and p95 of single-query latencies, in milliseconds. */
export type Latency = { p50Ms: number; p95Ms: number };

export type RealCorpusFigures = {
  docs: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  /** Serialized index string → `loadSearchIndex` + one search; median of repeated runs. */
  coldStartMs: number;
  /** The same, the first time in the process (before the JIT has seen the load path). */
  coldStartFirstMs: number;
  /** The alternative: `createSearchIndex(documents)` + one search; median of repeated runs. */
  coldStartRebuildMs: number;
  indexBytes: number;
  /** How the first hit of each query matched: `id`, `exact`, `prefix`, `fuzzy`, `partial`, `none`. */
  queryMix: Record<string, number>;
};

export type SyntheticFigures = {
  papers: number;
  fields: SearchField[];
  terms: number;
  buildMs: number;
  sizeBytes: number;
  loadMs: number;
  heapMB: number;
  /** How `heapMB` was measured: `gc` when heap was collected before each reading. */
  heapGc: boolean;
  exact: Latency;
  prefix: Latency;
  fuzzy: Latency;
  /** Fuse.js p50 ÷ MiniSearch p50 over the same queries (see `fuse.set`). */
  fuseRatio: number;
  fuse: { set: string; queries: number; p50Ms: number; p95Ms: number; miniSearchP50Ms: number; indexMs: number; threshold: number };
  /** Queries whose first hit did not come from the tier their list is named after; should be empty. */
  offTier: string[];
};

export type SearchBenchResult = {
  realCorpus: RealCorpusFigures;
  synthetic: Record<string, SyntheticFigures>;
  /** The 1-minute load average before and after: on 2 cores, anything else running shows in every figure. */
  loadAverage: { start: number; end: number };
};

/**
 * 50 queries in the mix people type: Chinese words, English words, prefixes, typos, arXiv ids with
 * and without a version, author names, method names.
 */
export const REAL_QUERIES: readonly string[] = [
  // 中文
  '身份保持', '个性化', '扩散模型', '视频生成', '文本到图像', '反馈学习', '超分辨率', '图像编辑', '注意力机制', '扩散模型 加速',
  // English words
  'diffusion', 'dreambooth', 'controlnet', 'personalization', 'watermark', 'inpainting', 'quantization', 'distillation',
  'video diffusion', 'identity preserving',
  // Prefixes of three letters and more
  'dif', 'pers', 'quant', 'disti', 'contr', 'wuer', 'inpai', 'sampl',
  // Typos
  'dreembooth', 'difusion', 'personalizaton', 'controllnet', 'watremark', 'qunatization', 'stabel diffusion',
  // arXiv ids, with and without a version, and a paper URL
  '2404.15449', '2404.15449v1', '2403.04692', '2403.04692v1', '2403.03456v2', 'https://arxiv.org/abs/2404.14507', '2404.05674v1',
  // Authors
  'Sanja Fidler', 'Jiacheng Zhang', 'Weifeng Chen', 'Kate Saenko',
  // Methods
  'pixart sigma', 'ID-Aligner', 'stable cascade', 'Wuerstchen',
];

const LEAN_FIELDS: SearchField[] = ['title', 'titleZh', 'authors', 'methods', 'keywords'];
const FUSE_THRESHOLD = 0.35;

/**
 * Settings per synthetic size, chosen so the whole `npm run bench` stays within a few minutes on 2
 * cores. Fuse.js takes 1–4 s a query at 10,000 papers with abstracts and 2–4 s at 100,000 lean
 * ones: a spread of few queries, once each.
 */
const SIZES = [
  { papers: 10_000, fields: [...SEARCH_FIELDS], reps: 12, loadRuns: 3, fuseQueries: 10, fuseWarmup: 1 },
  { papers: 100_000, fields: LEAN_FIELDS, reps: 3, loadRuns: 1, fuseQueries: 6, fuseWarmup: 0 },
] as const;

/**
 * Runs the search benchmark.
 * @param corpus The real corpus (`buildCorpus(…).corpus`).
 */
export async function benchSearch(corpus: Pick<Corpus, 'papers' | 'taxonomy'>): Promise<SearchBenchResult> {
  const loadStart = round(os.loadavg()[0]!, 2);
  const realCorpus = benchRealCorpus(corpus);
  const synthetic: Record<string, SyntheticFigures> = {};
  // Paper i is the same in every size, so the largest corpus serves all sizes by slicing.
  const largest = Math.max(...SIZES.map((size) => size.papers));
  const allDocs = searchDocumentsFromCorpus(syntheticCorpus(largest));
  const queries = syntheticQueries();
  for (const size of SIZES) {
    synthetic[String(size.papers)] = benchSynthetic(allDocs.slice(0, size.papers), queries, size);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { realCorpus, synthetic, loadAverage: { start: loadStart, end: round(os.loadavg()[0]!, 2) } };
}

function benchRealCorpus(corpus: Pick<Corpus, 'papers' | 'taxonomy'>): RealCorpusFigures {
  const docs = searchDocumentsFromCorpus(corpus);
  const json = JSON.stringify(createSearchIndex(docs));
  const coldQuery = 'dreambooth';
  const firstStart = performance.now();
  searchHits(loadSearchIndex(json), coldQuery);
  const coldStartFirstMs = performance.now() - firstStart;
  // Load and rebuild alternate, so that a busy machine slows both alike.
  const loadTimes: number[] = [];
  const rebuildTimes: number[] = [];
  for (let run = 0; run < 12; run++) {
    const loadStart = performance.now();
    searchHits(loadSearchIndex(json), coldQuery);
    const rebuildStart = performance.now();
    searchHits(createSearchIndex(docs), coldQuery);
    if (run < 2) continue;
    loadTimes.push(rebuildStart - loadStart);
    rebuildTimes.push(performance.now() - rebuildStart);
  }

  const index = loadSearchIndex(json);
  const queryMix: Record<string, number> = {};
  for (const query of REAL_QUERIES) {
    const match = searchHits(index, query)[0]?.match ?? 'none';
    queryMix[match] = (queryMix[match] ?? 0) + 1;
  }
  const times = latencies(index, REAL_QUERIES, { reps: 40, warmup: 3 });
  const all = summarize([...times.values()].flat());
  return {
    docs: docs.length,
    queries: REAL_QUERIES.length,
    p50Ms: all.medianMs,
    p95Ms: all.p95Ms,
    coldStartMs: summarize(loadTimes).medianMs,
    coldStartFirstMs: round(coldStartFirstMs),
    coldStartRebuildMs: summarize(rebuildTimes).medianMs,
    indexBytes: Buffer.byteLength(json, 'utf8'),
    queryMix,
  };
}

function benchSynthetic(
  docs: SearchDocument[],
  queries: ReturnType<typeof syntheticQueries>,
  size: (typeof SIZES)[number],
): SyntheticFigures {
  const fields = [...size.fields];
  const gc = collector();
  const buildStart = performance.now();
  let built: SearchIndex | null = createSearchIndex(docs, fields);
  const buildMs = performance.now() - buildStart;
  const json = JSON.stringify(built);
  built = null;

  // Heap held by a loaded index: heapUsed after minus before, garbage collected at both readings.
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStart = performance.now();
  const index = loadSearchIndex(json, fields);
  const loadTimes = [performance.now() - loadStart];
  gc?.();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  for (let i = 1; i < size.loadRuns; i++) {
    const start = performance.now();
    loadSearchIndex(json, fields);
    loadTimes.push(performance.now() - start);
  }

  const tierOf = (list: 'exact' | 'prefix' | 'fuzzy', query: string): boolean => {
    const match = searchHits(index, query)[0]?.match;
    return list === 'fuzzy' ? match === 'fuzzy' || match === 'partial' : match === list;
  };
  const offTier = (['exact', 'prefix', 'fuzzy'] as const).flatMap((list) =>
    queries[list].filter((query) => !tierOf(list, query)).map((query) => `${list}:${query}`),
  );
  const timed = {
    exact: latencies(index, queries.exact, { reps: size.reps, warmup: 1 }),
    prefix: latencies(index, queries.prefix, { reps: size.reps, warmup: 1 }),
    fuzzy: latencies(index, queries.fuzzy, { reps: size.reps, warmup: 1 }),
  };
  const latency = (times: Map<string, number[]>): Latency => {
    const all = summarize([...times.values()].flat());
    return { p50Ms: all.medianMs, p95Ms: all.p95Ms };
  };

  // Fuse.js over the same documents and fields, on the exact + prefix queries (a spread of them when capped).
  const mixed = [...queries.exact, ...queries.prefix];
  const step = Math.max(1, Math.ceil(mixed.length / Math.min(size.fuseQueries, mixed.length)));
  const fuseQueries = mixed.filter((_, i) => i % step === 0);
  const fuseStart = performance.now();
  const fuse = new Fuse(docs, { keys: fields, threshold: FUSE_THRESHOLD, ignoreLocation: true, includeScore: true });
  const fuseIndexMs = performance.now() - fuseStart;
  for (let i = 0; i < size.fuseWarmup; i++) fuse.search(fuseQueries[i % fuseQueries.length]!, { limit: 20 });
  // Each Fuse run is paired with MiniSearch runs of the same query just before it, so the ratio
  // compares like with like on a machine whose load changes over minutes.
  const fuseTimes: number[] = [];
  const miniTimes: number[] = [];
  for (const query of fuseQueries) {
    for (let rep = 0; rep < 3; rep++) {
      const start = performance.now();
      searchHits(index, query);
      miniTimes.push(performance.now() - start);
    }
    const start = performance.now();
    fuse.search(query, { limit: 20 });
    fuseTimes.push(performance.now() - start);
  }
  const fuseTiming = summarize(fuseTimes);
  const miniOnFuseSet = summarize(miniTimes);

  return {
    papers: docs.length,
    fields,
    terms: index.termCount,
    buildMs: round(buildMs, 0),
    sizeBytes: Buffer.byteLength(json, 'utf8'),
    loadMs: round(summarize(loadTimes).medianMs, 0),
    heapMB: round(heapMB, 1),
    heapGc: gc !== null,
    exact: latency(timed.exact),
    prefix: latency(timed.prefix),
    fuzzy: latency(timed.fuzzy),
    fuseRatio: round(fuseTiming.medianMs / Math.max(1e-6, miniOnFuseSet.medianMs), 1),
    fuse: {
      set: 'exact+prefix',
      queries: fuseQueries.length,
      p50Ms: fuseTiming.medianMs,
      p95Ms: fuseTiming.p95Ms,
      miniSearchP50Ms: miniOnFuseSet.medianMs,
      indexMs: round(fuseIndexMs, 0),
      threshold: FUSE_THRESHOLD,
    },
    offTier,
  };
}

/**
 * Times every query `reps` times, interleaved (all queries, then all again), after `warmup`
 * untimed passes. Returns each query's times, so that any subset can be summarised.
 */
function latencies(index: SearchIndex, queries: readonly string[], { reps, warmup }: { reps: number; warmup: number }): Map<string, number[]> {
  const times = new Map<string, number[]>(queries.map((query) => [query, []]));
  let sink: SearchHit[] = [];
  for (let pass = 0; pass < warmup; pass++) for (const query of queries) sink = searchHits(index, query);
  for (let rep = 0; rep < reps; rep++) {
    for (const query of queries) {
      const start = performance.now();
      sink = searchHits(index, query);
      times.get(query)!.push(performance.now() - start);
    }
  }
  if (sink.length < 0) throw new Error('unreachable');
  return times;
}

/** `global.gc` when node runs with `--expose-gc`, else the same function unlocked through V8 flags, else null. */
function collector(): (() => void) | null {
  if (typeof globalThis.gc === 'function') return globalThis.gc as () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/** One target of the search issue, checked. */
export type TargetCheck = { name: string; value: number; target: number; unit: 'ms' | '×'; atMost: boolean; met: boolean };

/** The targets from the issue: latency and cold start at most, Fuse ratio at least. */
export function searchTargets({ realCorpus, synthetic }: SearchBenchResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const atMost = (name: string, value: number, target: number) => checks.push({ name, value, target, unit: 'ms', atMost: true, met: value <= target });
  const atLeast = (name: string, value: number, target: number) => checks.push({ name, value, target, unit: '×', atMost: false, met: value >= target });
  atMost('real corpus p95', realCorpus.p95Ms, 2);
  atMost('real corpus cold start (load + 1 search)', realCorpus.coldStartMs, 150);
  atMost('real corpus cold start, first in process', realCorpus.coldStartFirstMs, 150);
  const small = synthetic['10000'];
  if (small) {
    atMost('10k exact p95', small.exact.p95Ms, 10);
    atMost('10k prefix p95', small.prefix.p95Ms, 10);
    atMost('10k fuzzy p95', small.fuzzy.p95Ms, 30);
    atLeast('10k Fuse/MiniSearch p50', small.fuseRatio, 50);
  }
  const large = synthetic['100000'];
  if (large) {
    atMost('100k exact p95', large.exact.p95Ms, 50);
    atMost('100k prefix p95', large.prefix.p95Ms, 50);
    atMost('100k fuzzy p95', large.fuzzy.p95Ms, 50);
    atLeast('100k Fuse/MiniSearch p50', large.fuseRatio, 50);
  }
  return checks;
}

/** One line per target: met or missed, and by how much; then the machine's load. */
export function formatTargets(result: SearchBenchResult): string[] {
  const { start, end } = result.loadAverage;
  const load = `load average ${start} → ${end} on ${os.cpus().length} cores${Math.max(start, end) > 1.5 ? ': the machine was busy, latencies are inflated' : ''}`;
  return [...searchTargets(result).map(formatCheck), load];
}

function formatCheck({ name, value, target, unit, atMost, met }: TargetCheck): string {
  const bound = `${atMost ? '≤' : '≥'} ${target}${unit === 'ms' ? ' ms' : '×'}`;
  const shown = unit === 'ms' ? `${value} ms` : `${value}×`;
  const margin = atMost
    ? `${round(Math.abs(target - value), 2)} ms ${met ? 'under' : 'over'} (${round(value / target, 2)}× the target)`
    : `${round(value / target, 2)}× the target`;
  return `${met ? 'met   ' : 'MISSED'}  ${name} ${bound}: ${shown}, ${margin}`;
}
