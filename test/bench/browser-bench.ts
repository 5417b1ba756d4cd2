/**
 * Figures that only a real browser gives: the content script's size, the time from
 * DOMContentLoaded to the card on screen, IndexedDB seeding throughput and digest import
 * throughput, all in Debian's Chromium with the built extension.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { routeFixtures } from '../e2e/fixtures/fixture-pages';
import { EXTENSION_DIR, launchExtension } from '../e2e/support/launch-extension';
import { openPaperPage } from '../e2e/support/overlay-page';
import { syntheticDigestFiles } from './synthetic-digests';
import { IMPORT_CHUNK_ROWS } from '../../lib/store/import-store';
import { round, summarize } from './measure';

export type BrowserBenchResult = {
  contentScriptBytes: number;
  contentScriptGzipBytes: number;
  overlayMedianMs: number;
  overlayP95Ms: number;
  overlayLoads: number;
  /** DOMContentLoaded → card painted after the worker was stopped, with 10,000 imported papers in the database. */
  overlayColdWorkerMedianMs: number;
  /** The same with only the bundled corpus, measured first in the same run: the baseline. */
  overlayColdWorkerBundledOnlyMedianMs: number;
  /** The same as overlayColdWorkerMedianMs while an extension page keeps the extension's process running. */
  overlayColdWorkerProcessAliveMedianMs: number;
  /** Papers in the database (imported) during the cold-worker loads. */
  overlayColdWorkerPapers: number;
  seedingPerSecond: number;
  seedingWithIndexPerSecond: number;
  seeding: { papers: number; rows: number; writeMs: number; totalMs: number; where: string };
  importPerSecond: ImportBenchResult;
};

/** Digests per second of the importer, measured by import-page.ts; see {@link benchImport}. */
export type ImportBenchResult = {
  /** (a) `ImportStore.commit` alone: prepared rows into IndexedDB, in chunks, one transaction. */
  write: number;
  /** (b) The whole `runImport` on File objects: reading, parsing, linking, rendering, writing. */
  endToEnd: number;
  /** (b1) The same import on one thread, without helper workers: the baseline of (b). */
  endToEndOneThread: number;
  /** Helper workers (b) started: one per core beyond the first, as the extension's import worker does. */
  helpers: number;
  /** (b) in the first run alone: the importer's code not yet optimised by the JIT, as in a user's one import. */
  endToEndFirstRun: number;
  /** (c) Baseline: the same rows put into a bare object store (no indexes, no Dexie). */
  rawIdbPerSecond: number;
  /** write ÷ rawIdbPerSecond: the share of raw IndexedDB speed the store keeps. */
  writeVsRawRatio: number;
  target: number;
  met: { write: boolean; endToEnd: boolean };
  digests: number;
  rows: number;
  files: number;
  bytes: number;
  chunkRows: number;
  medianMs: { write: number; endToEnd: number; rawIdb: number };
  /** Median time of each phase of the whole import, split where the progress callbacks say (reading ends at
   * `reading n/n`, parsing at `parsing n/n`; writing is the rest: visiblePapers, planImport, commit). */
  phasesMs: { reading: number; parsing: number; writing: number };
  /** Finer, from the store calls: parsing = detect + prepare, writing = plan + commit. */
  phaseDetailMs: { detect: number; prepare: number; visiblePapers: number; plan: number; commit: number };
  /** Median over runs of each chunk's commit time. */
  writeChunkMs: number[];
  runs: { write: number; endToEnd?: number; endToEndMs?: number; oneThread?: number; oneThreadMs?: number; rawIdbPerSecond: number; writeMs: number; rawIdbMs: number; order: string; wallMs: number }[];
  heapMB: { beforeMB: number; peakMB: number; afterMB: number } | null;
  input: { linkedTitles: number; mathAbstracts: number; mathSpans: number; corpusPapers: number; taxonomyEntries: number };
  /** One pass over the same files, step by step (see profileImport in import-page.ts); absent when skipped. */
  profile?: Record<string, number | boolean | string>;
  where: string;
};

/** Builds the extension, then runs the browser benchmarks against `.output/chrome-mv3`. */
export async function benchBrowser({ loads = 25, seedPapers = 10_000, importDigests = 10_000, importEndToEndRuns = 3, importProfile = false } = {}): Promise<BrowserBenchResult> {
  // Always the current source: a stale .output would measure yesterday's content script.
  execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: 'ignore' });
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
  const overlay = await benchOverlay(loads, seedPapers);
  const seeding = await benchSeeding(seedPapers);
  const importPerSecond = await benchImport({ digests: importDigests, endToEndRuns: importEndToEndRuns, profile: importProfile });
  return {
    contentScriptBytes: script.length,
    contentScriptGzipBytes: gzipSync(script, { level: 9 }).length,
    ...overlay,
    seedingPerSecond: Math.round(seeding.papers / (seeding.writeMs / 1000)),
    seedingWithIndexPerSecond: Math.round(seeding.papers / (seeding.totalMs / 1000)),
    seeding,
    importPerSecond,
  };
}

/**
 * DOMContentLoaded to the card's first frame on an arXiv abs fixture: warm worker, then cold with the
 * bundled corpus only, then cold again once `coldWorkerPapers` digests are imported.
 */
async function benchOverlay(loads: number, coldWorkerPapers: number) {
  const session = await launchExtension();
  try {
    await routeFixtures(session.context);
    const page = await session.context.newPage();
    const paintDelay = async () => {
      await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
      await page.waitForFunction(() => document.querySelector('arxiv-digest-card')?.hasAttribute('data-painted-at'));
      return page.evaluate(() => {
        const painted = Number(document.querySelector('arxiv-digest-card')!.getAttribute('data-painted-at'));
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return painted - navigation.domContentLoadedEventStart;
      });
    };
    // The first load seeds the database; the next few warm the caches.
    for (let i = 0; i < 3; i++) await paintDelay();
    const warm: number[] = [];
    for (let i = 0; i < loads; i++) warm.push(await paintDelay());
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const coldLoads = async () => {
      const cold: number[] = [];
      for (let i = 0; i < 9; i++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((resolve) => setTimeout(resolve, 300));
        cold.push(await paintDelay());
      }
      return summarize(cold).medianMs;
    };
    const bundledOnly = await coldLoads();
    // Then with 10,000 imported papers in the database, imported through the options page.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const digests = syntheticDigestFiles(coldWorkerPapers, 10);
    await options.locator('.import-digests input[type=file]').setInputFiles(digests.files.map(({ name, text }) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
    await options.waitForFunction(() => ['done', 'cancelled', 'failed'].includes(document.querySelector('.import-digests')?.getAttribute('data-import-step') ?? ''), null, { timeout: 600_000 });
    const step = await options.locator('.import-digests').getAttribute('data-import-step');
    if (step !== 'done') throw new Error(`the import before the cold-worker loads ended ${step}`);
    await options.close();
    const withImports = await coldLoads();
    // The same, with an extension page open (the popup, in a tab behind): the extension's process
    // outlives its worker, so what is left is the worker's own start. The difference is Chrome
    // starting a process for the extension.
    const extensionPage = await session.context.newPage();
    await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.bringToFront();
    const processAlive = await coldLoads();
    await extensionPage.close();
    const timing = summarize(warm);
    return {
      overlayMedianMs: timing.medianMs,
      overlayP95Ms: timing.p95Ms,
      overlayLoads: loads,
      overlayColdWorkerMedianMs: withImports,
      overlayColdWorkerBundledOnlyMedianMs: bundledOnly,
      overlayColdWorkerProcessAliveMedianMs: processAlive,
      overlayColdWorkerPapers: digests.digests,
    };
  } finally {
    await session.close();
  }
}

/** Seeds a synthetic corpus into Chromium's IndexedDB with the extension's own code, in a plain page. */
export async function benchSeeding(papers: number) {
  const code = await bundlePage('seed-page.ts', 'seedBench');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.route('https://seed-bench.invalid/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><script>${code.replaceAll('</script', '<\\/script')}</script>` }),
    );
    await page.goto('https://seed-bench.invalid/');
    const runs: { papers: number; rows: number; writeMs: number; totalMs: number }[] = [];
    for (let run = 1; run <= 3; run++) {
      runs.push(await page.evaluate(([count, i]) => (globalThis as unknown as { runSeedBench(n: number, r: number): Promise<{ papers: number; rows: number; writeMs: number; totalMs: number }> }).runSeedBench(count, i), [papers, run] as const));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return {
      papers,
      rows: runs[0]!.rows,
      writeMs: round(median(runs.map((r) => r.writeMs)), 1),
      totalMs: round(median(runs.map((r) => r.totalMs)), 1),
      where: `Chromium ${browser.version()}, IndexedDB, median of ${runs.length} runs`,
    };
  } finally {
    await browser.close();
  }
}

/** Bundles a page module of test/bench/browser/ into one IIFE script for a plain page. */
async function bundlePage(file: string, name: string): Promise<string> {
  const bundle = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: join(import.meta.dirname, 'browser', file), formats: ['iife'], name } },
  });
  const output = (Array.isArray(bundle) ? bundle[0]! : bundle) as { output: { type: string; code?: string }[] };
  return output.output.find((chunk) => chunk.type === 'chunk')!.code!;
}

type ImportRun = import('./browser/import-page').ImportRun;
type ImportBenchSetup = import('./browser/import-page').ImportBenchSetup;
type ImportPage = {
  setupImportBench(corpusUrl: string, workerUrl: string, digests: number, files: number): Promise<ImportBenchSetup>;
  runImportBench(run: number, options: { endToEnd: boolean }): Promise<ImportRun>;
  profileImport(): Promise<Record<string, number | boolean | string>>;
};

/** Options of {@link benchImport}. */
export interface ImportBenchOptions {
  digests?: number;
  files?: number;
  /** Runs of (a) the commit alone and (c) the raw baseline. */
  runs?: number;
  /** Runs of (b) the whole import, among the first of those runs (it costs as much as three of them). */
  endToEndRuns?: number;
  /** One more pass that times each step of the importer on its own. */
  profile?: boolean;
}

/**
 * Imports `digests` synthetic daily digests (in `files` files) into Chromium's IndexedDB with the
 * extension's own importer, in a plain page, each run into a fresh database holding the built
 * corpus's papers and taxonomy; see import-page.ts for what each run measures.
 */
export async function benchImport({ digests = 10_000, files = 10, runs = 3, endToEndRuns = 3, profile = false }: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const code = await bundlePage('import-page.ts', 'importBench');
  const corpusJson = readFileSync(join(EXTENSION_DIR, 'corpus.json'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Precise heap figures, and gc() so that every measurement starts from a collected heap.
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage();
    await page.route('https://import-bench.invalid/corpus.json', (route) => route.fulfill({ contentType: 'application/json', body: corpusJson }));
    const workerCode = await bundlePage('prepare-worker-page.ts', 'prepareWorker');
    await page.route('https://import-bench.invalid/prepare-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: workerCode }));
    await page.route('https://import-bench.invalid/', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><script>${code.replaceAll('</script', '<\\/script')}</script>` }),
    );
    await page.goto('https://import-bench.invalid/');
    // (The functions run in the page: nothing of this module's scope is there.)
    const setup = await page.evaluate(([count, fileCount]) => (globalThis as unknown as ImportPage).setupImportBench('/corpus.json', '/prepare-worker.js', count, fileCount), [digests, files] as const);
    const results: ImportRun[] = [];
    for (let run = 1; run <= Math.max(runs, endToEndRuns); run++) {
      results.push(await page.evaluate(([i, endToEnd]) => (globalThis as unknown as ImportPage).runImportBench(i, { endToEnd }), [run, run <= endToEndRuns] as const));
    }
    const profiled = profile ? await page.evaluate(() => (globalThis as unknown as ImportPage).profileImport()) : undefined;

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const whole = results.filter((r) => r.endToEndMs !== undefined) as Required<ImportRun>[];
    const medianOf = (runs: readonly ImportRun[], pick: (run: Required<ImportRun>) => number) => round(median((runs as Required<ImportRun>[]).map(pick)), 1);
    const perSecond = (ms: number) => Math.round(digests / (ms / 1000));
    const medianMs = { write: medianOf(results, (r) => r.writeMs), endToEnd: medianOf(whole, (r) => r.endToEndMs), rawIdb: medianOf(results, (r) => r.rawIdbMs) };
    const target = 3000;
    const endToEndTarget = 2000;
    const write = perSecond(medianMs.write);
    const endToEnd = perSecond(medianMs.endToEnd);
    const rawIdbPerSecond = perSecond(medianMs.rawIdb);
    return {
      write,
      endToEnd,
      endToEndFirstRun: perSecond(whole[0]!.endToEndMs),
      endToEndOneThread: perSecond(medianOf(whole, (r) => r.oneThreadMs)),
      helpers: whole[0]!.helpers,
      rawIdbPerSecond,
      writeVsRawRatio: round(write / rawIdbPerSecond, 2),
      target,
      met: { write: write >= target, endToEnd: endToEnd >= endToEndTarget },
      digests,
      rows: results[0]!.rows,
      files: setup.files,
      bytes: setup.bytes,
      chunkRows: IMPORT_CHUNK_ROWS,
      medianMs,
      phasesMs: { reading: medianOf(whole, (r) => r.phases.readingMs), parsing: medianOf(whole, (r) => r.phases.parsingMs), writing: medianOf(whole, (r) => r.phases.writingMs) },
      phaseDetailMs: {
        detect: medianOf(whole, (r) => r.detail.detectMs),
        prepare: medianOf(whole, (r) => r.detail.prepareMs),
        visiblePapers: medianOf(whole, (r) => r.detail.visiblePapersMs),
        plan: medianOf(whole, (r) => r.detail.planMs),
        commit: medianOf(whole, (r) => r.detail.commitMs),
      },
      writeChunkMs: results[0]!.writeChunksMs.map((_, i) => median(results.map((r) => r.writeChunksMs[i] ?? 0))),
      runs: results.map((r) => ({
        write: perSecond(r.writeMs),
        ...(r.endToEndMs !== undefined && { endToEnd: perSecond(r.endToEndMs), endToEndMs: round(r.endToEndMs, 1) }),
        ...(r.oneThreadMs !== undefined && { oneThread: perSecond(r.oneThreadMs), oneThreadMs: round(r.oneThreadMs, 1) }),
        rawIdbPerSecond: perSecond(r.rawIdbMs),
        writeMs: round(r.writeMs, 1),
        rawIdbMs: round(r.rawIdbMs, 1),
        order: r.order,
        wallMs: Math.round(r.wallMs),
      })),
      heapMB: whole[0]!.heap && {
        beforeMB: median(whole.map((r) => r.heap!.beforeMB)),
        peakMB: Math.max(...whole.map((r) => r.heap!.peakMB)),
        afterMB: median(whole.map((r) => r.heap!.afterMB)),
      },
      input: { linkedTitles: setup.linkedTitles, mathAbstracts: setup.mathAbstracts, mathSpans: setup.mathSpans, corpusPapers: setup.corpusPapers, taxonomyEntries: setup.taxonomyEntries },
      ...(profiled && { profile: profiled }),
      where: `Chromium ${browser.version()}, IndexedDB, ${digests} digests in ${setup.files} daily files (${(setup.bytes / 2 ** 20).toFixed(1)} MB); write and raw: median of ${results.length} runs, end to end: median of ${whole.length}; fresh database each`,
    };
  } finally {
    await browser.close();
  }
}
