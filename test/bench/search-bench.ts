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
  loadPackedSearchIndex,
  loadSearchIndex,
  packedSize,
  packIndex,
  rankWithMiniSearch,
  searchDocumentsFromCorpus,
  searchHits,
  SEARCH_FIELDS,
  type PackedSearchIndex,
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
  /** The packed index the extension stores: its size and its cold start (see {@link ColdStart}). */
  packedBytes: number;
  coldStart: ColdStart;
  /** How the first hit of each query matched: `id`, `exact`, `prefix`, `fuzzy`, `partial`, `none`. */
  queryMix: Record<string, number>;
};

/**
 * From the stored index to the first answer, as a woken worker does it: the stored form is copied
 * (a structured clone, as IndexedDB hands it over), loaded and searched once. The median over runs
 * that each start from the stored form again, each with another query.
 */
export type ColdStart = {
  firstAnswerMs: number;
  /** The slowest of those runs. */
  maxMs: number;
  runs: number;
  /** The same from MiniSearch's JSON (`loadSearchIndex`), as the store kept it before: the baseline. */
  baselineJsonMs: number;
};

export type SyntheticFigures = {
  papers: number;
  fields: SearchField[];
  terms: number;
  buildMs: number;
  /** The packed index, as stored. */
  sizeBytes: number;
  /** The same index as MiniSearch's JSON, as it was stored before: the baseline. */
  jsonBytes: number;
  coldStart: ColdStart;
  /** Heap held by the loaded index after every timed query below ran on it (terms decoded as searched). */
  heapMB: number;
  /** Heap held by the loaded index before any search. */
  heapAfterLoadMB: number;
  /** Heap held by the same index loaded from JSON (the baseline), before any search. */
  baselineJsonHeapMB: number;
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
  /**
   * The same queries over another copy of the packed index, ranked by `MiniSearch.search` itself (as
   * before the ranked search; it decodes and keeps the postings of every term searched): the
   * baseline of the latencies above, measured after them and after the heap.
   */
  baselineMiniSearch: { exact: Latency; prefix: Latency; fuzzy: Latency; heapMB: number };
  /** Queries whose first 20 hits differ between the packed index and the same index loaded from JSON and ranked by MiniSearch; should be empty. */
  sameTopResults: { queries: number; differing: string[] };
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

const FUSE_THRESHOLD = 0.35;

/**
 * Settings per synthetic size, chosen so the whole `npm run bench` stays within a few minutes on 2
 * cores. Fuse.js takes 1–4 s a query at 10,000 papers with abstracts and 2–4 s at 100,000 lean
 * ones: a spread of few queries, once each.
 */
const SIZES = [
  { papers: 10_000, fields: [...SEARCH_FIELDS], reps: 12, loadRuns: 5, fuseQueries: 10, fuseWarmup: 1 },
  { papers: 100_000, fields: [...SEARCH_FIELDS], reps: 3, loadRuns: 3, fuseQueries: 4, fuseWarmup: 0 },
] as const;

/**
 * Runs the search benchmark.
 * @param corpus The real corpus (`buildCorpus(…).corpus`).
 */
export async function benchSearch(corpus: Pick<Corpus, 'papers' | 'taxonomy'>): Promise<SearchBenchResult> {
  const loadStart = round(os.loadavg()[0]!, 2);
  const realCorpus = benchRealCorpus(corpus);
  const synthetic: Record<string, SyntheticFigures> = {};
  // `--sizes=10000` measures only the sizes named, for a quick run while working.
  const named = process.argv.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length).split(',').map(Number);
  const sizes = named ? SIZES.filter((size) => named.includes(size.papers)) : SIZES;
  // Paper i is the same in every size, so the largest corpus serves all sizes by slicing.
  const largest = Math.max(...sizes.map((size) => size.papers));
  const allDocs = searchDocumentsFromCorpus(syntheticCorpus(largest));
  const queries = syntheticQueries();
  for (const size of sizes) {
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

  // The store's index keeps only what filters and ranking read (LEAN_STORED_FIELDS); its JSON is the baseline.
  const lean = createSearchIndex(docs, undefined, 'lean');
  const packed = packIndex(lean);
  const coldStart = coldStartOf(packed, JSON.stringify(lean), REAL_QUERIES, 9);
  const index = loadPackedSearchIndex(structuredClone(packed));
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
    packedBytes: packedSize(packed),
    coldStart,
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
  // The store's index (LEAN_STORED_FIELDS); the baseline is MiniSearch's JSON of the same index.
  let built: SearchIndex | null = createSearchIndex(docs, fields, 'lean');
  const buildMs = performance.now() - buildStart;
  const json = JSON.stringify(built);
  const packed = packIndex(built);
  built = null;
  const mixed = [...queries.exact, ...queries.prefix, ...queries.fuzzy];
  const coldStart = coldStartOf(packed, json, mixed, size.loadRuns, fields);

  // Heap held by a loaded index: heapUsed after minus before, garbage collected at both readings.
  const heldBy = <T,>(load: () => T) => {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const held = load();
    gc?.();
    return { held, mb: (process.memoryUsage().heapUsed - before) / 2 ** 20 };
  };
  const baselineJsonHeapMB = heldBy(() => loadSearchIndex(json, fields, 'lean')).mb;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const { held, mb: heapAfterLoadMB } = heldBy(() => loadPackedSearchIndex(structuredClone(packed)));
  const index = held as SearchIndex;

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
  gc?.();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const baseline = heldBy(() => {
    const copy = rankWithMiniSearch(loadPackedSearchIndex(structuredClone(packed)));
    return {
      exact: latencies(copy, queries.exact, { reps: size.reps, warmup: 1 }),
      prefix: latencies(copy, queries.prefix, { reps: size.reps, warmup: 1 }),
      fuzzy: latencies(copy, queries.fuzzy, { reps: size.reps, warmup: 1 }),
      copy,
    };
  });
  // The ranking check at this size: the packed index must answer as MiniSearch's JSON-loaded one, ranked by MiniSearch.
  const reference = rankWithMiniSearch(loadSearchIndex(json, fields, 'lean'));
  const topIds = (from: SearchIndex, query: string) => searchHits(from, query).map((hit) => `${hit.id}:${hit.match}`).join(' ');
  const differing = mixed.filter((query) => topIds(index, query) !== topIds(reference, query));
  const latency = (times: Map<string, number[]>): Latency => {
    const all = summarize([...times.values()].flat());
    return { p50Ms: all.medianMs, p95Ms: all.p95Ms };
  };

  // Fuse.js over the same documents and fields, on the exact + prefix queries (a spread of them when capped).
  const named = [...queries.exact, ...queries.prefix];
  const step = Math.max(1, Math.ceil(named.length / Math.min(size.fuseQueries, named.length)));
  const fuseQueries = named.filter((_, i) => i % step === 0);
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
    sizeBytes: packedSize(packed),
    jsonBytes: Buffer.byteLength(json, 'utf8'),
    coldStart,
    heapMB: round(heapMB, 1),
    heapAfterLoadMB: round(heapAfterLoadMB, 1),
    baselineJsonHeapMB: round(baselineJsonHeapMB, 1),
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
    baselineMiniSearch: {
      exact: latency(baseline.held.exact),
      prefix: latency(baseline.held.prefix),
      fuzzy: latency(baseline.held.fuzzy),
      heapMB: round(baseline.mb, 1),
    },
    sameTopResults: { queries: mixed.length, differing },
  };
}

/**
 * Cold starts from the packed form, each run with the next of `queries`, and as many from the JSON
 * (the baseline), alternating so that a busy machine slows both alike.
 */
function coldStartOf(packed: PackedSearchIndex, json: string, queries: readonly string[], runs: number, fields?: readonly SearchField[]): ColdStart {
  const packedTimes: number[] = [];
  const jsonTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const query = queries[(run * 7) % queries.length]!;
    let start = performance.now();
    searchHits(loadPackedSearchIndex(structuredClone(packed)), query);
    packedTimes.push(performance.now() - start);
    start = performance.now();
    searchHits(loadSearchIndex(json, fields, 'lean'), query);
    jsonTimes.push(performance.now() - start);
  }
  const timing = summarize(packedTimes);
  return { firstAnswerMs: round(timing.medianMs, 1), maxMs: round(Math.max(...packedTimes), 1), runs, baselineJsonMs: round(summarize(jsonTimes).medianMs, 1) };
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

/** One target, checked: `key` is where `npm run bench -- --json` reports the value. */
export type TargetCheck = { name: string; key: string; value: number; target: number; unit: 'ms' | '×' | 'KB' | 'MB' | '/s'; atMost: boolean; met: boolean };

/** Checks a value against a target. */
export function checkTarget(name: string, key: string, value: number, target: number, unit: TargetCheck['unit'], atMost: boolean): TargetCheck {
  return { name, key, value, target, unit, atMost, met: atMost ? value <= target : value >= target };
}

/** The JSON report's search sections: cold start and stored size per corpus size (1,005 is the real corpus). */
export function searchSections({ realCorpus, synthetic }: SearchBenchResult) {
  const coldStart: Record<string, ColdStart> = { [realCorpus.docs]: realCorpus.coldStart };
  const searchStore: Record<string, { bytes: number; baselineJsonBytes: number; heapMB?: number; heapAfterLoadMB?: number; baselineJsonHeapMB?: number; baselineMiniSearchHeapMB?: number }> = {
    [realCorpus.docs]: { bytes: realCorpus.packedBytes, baselineJsonBytes: realCorpus.indexBytes },
  };
  for (const [papers, figures] of Object.entries(synthetic)) {
    coldStart[papers] = figures.coldStart;
    searchStore[papers] = {
      bytes: figures.sizeBytes,
      baselineJsonBytes: figures.jsonBytes,
      heapMB: figures.heapMB,
      heapAfterLoadMB: figures.heapAfterLoadMB,
      baselineJsonHeapMB: figures.baselineJsonHeapMB,
      baselineMiniSearchHeapMB: figures.baselineMiniSearch.heapMB,
    };
  }
  return { coldStart, searchStore };
}

/** The search targets of issue 16, plus the earlier latency targets on the real corpus and 10,000 papers. */
export function searchTargets(result: SearchBenchResult): TargetCheck[] {
  const { realCorpus, synthetic } = result;
  const { coldStart, searchStore } = searchSections(result);
  const MB = 1_000_000;
  const checks = [
    checkTarget('real corpus p95', 'realCorpus.p95Ms', realCorpus.p95Ms, 2, 'ms', true),
    checkTarget(`first answer after a cold worker, ${realCorpus.docs} docs`, `coldStart.${realCorpus.docs}.firstAnswerMs`, realCorpus.coldStart.firstAnswerMs, 150, 'ms', true),
  ];
  const small = synthetic['10000'];
  if (small) {
    checks.push(
      checkTarget('first answer after a cold worker, 10,000 papers, full text', 'coldStart.10000.firstAnswerMs', coldStart['10000']!.firstAnswerMs, 150, 'ms', true),
      checkTarget('stored search data, 10,000 papers, full text (MB)', 'searchStore.10000.bytes', round(searchStore['10000']!.bytes / MB, 2), 6, 'MB', true),
      checkTarget('10k exact p95', 'synthetic.10000.exact.p95Ms', small.exact.p95Ms, 10, 'ms', true),
      checkTarget('10k prefix p95', 'synthetic.10000.prefix.p95Ms', small.prefix.p95Ms, 10, 'ms', true),
      checkTarget('10k fuzzy p95', 'synthetic.10000.fuzzy.p95Ms', small.fuzzy.p95Ms, 30, 'ms', true),
      checkTarget('10k Fuse/MiniSearch p50', 'synthetic.10000.fuseRatio', small.fuseRatio, 50, '×', false),
    );
  }
  const large = synthetic['100000'];
  if (large) {
    checks.push(
      checkTarget('first answer after a cold worker, 100,000 papers, full text', 'coldStart.100000.firstAnswerMs', coldStart['100000']!.firstAnswerMs, 300, 'ms', true),
      checkTarget('stored search data, 100,000 papers, full text (MB)', 'searchStore.100000.bytes', round(searchStore['100000']!.bytes / MB, 2), 60, 'MB', true),
      checkTarget('heap of the worker, 100,000 papers (MB)', 'searchStore.100000.heapMB', large.heapMB, 120, 'MB', true),
      checkTarget('100k exact p95, full text', 'synthetic.100000.exact.p95Ms', large.exact.p95Ms, 20, 'ms', true),
      checkTarget('100k prefix p95, full text', 'synthetic.100000.prefix.p95Ms', large.prefix.p95Ms, 20, 'ms', true),
      checkTarget('100k fuzzy p95, full text', 'synthetic.100000.fuzzy.p95Ms', large.fuzzy.p95Ms, 50, 'ms', true),
      checkTarget('100k Fuse/MiniSearch p50', 'synthetic.100000.fuseRatio', large.fuseRatio, 50, '×', false),
    );
  }
  return checks;
}

/** One line per target: met or missed, and by how much; then the machine's load. */
export function formatTargets(result: SearchBenchResult): string[] {
  const { start, end } = result.loadAverage;
  const load = `load average ${start} → ${end} on ${os.cpus().length} cores${Math.max(start, end) > 1.5 ? ': the machine was busy, latencies are inflated' : ''}`;
  return [...searchTargets(result).map(formatCheck), load];
}

/** `met` or `MISSED`, the target, the value and by how much. */
export function formatCheck({ name, key, value, target, unit, atMost, met }: TargetCheck): string {
  const suffix = unit === '×' ? '×' : ` ${unit}`;
  const margin = atMost ? `${round(Math.abs(target - value), 2)}${suffix} ${met ? 'under' : 'over'} (${round(value / target, 2)}× the target)` : `${round(value / target, 2)}× the target`;
  return `${met ? 'met   ' : 'MISSED'}  ${name} ${atMost ? '≤' : '≥'} ${target}${suffix}: ${value}${suffix}, ${margin} [${key}]`;
}
