/**
 * Figures that only a real browser gives: the content script's size, the time from
 * DOMContentLoaded to the card on screen, and IndexedDB seeding throughput, all in Debian's
 * Chromium with the built extension.
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
import { round, summarize } from './measure';

export type BrowserBenchResult = {
  contentScriptBytes: number;
  contentScriptGzipBytes: number;
  overlayMedianMs: number;
  overlayP95Ms: number;
  overlayLoads: number;
  overlayColdWorkerMedianMs: number;
  seedingPerSecond: number;
  seedingWithIndexPerSecond: number;
  seeding: { papers: number; rows: number; writeMs: number; totalMs: number; where: string };
};

/** Builds the extension, then runs the browser benchmarks against `.output/chrome-mv3`. */
export async function benchBrowser({ loads = 25, seedPapers = 10_000 } = {}): Promise<BrowserBenchResult> {
  // Always the current source: a stale .output would measure yesterday's content script.
  execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: 'ignore' });
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
  const overlay = await benchOverlay(loads);
  const seeding = await benchSeeding(seedPapers);
  return {
    contentScriptBytes: script.length,
    contentScriptGzipBytes: gzipSync(script, { level: 9 }).length,
    ...overlay,
    seedingPerSecond: Math.round(seeding.papers / (seeding.writeMs / 1000)),
    seedingWithIndexPerSecond: Math.round(seeding.papers / (seeding.totalMs / 1000)),
    seeding,
  };
}

/** DOMContentLoaded to the card's first frame on an arXiv abs fixture, warm worker and cold. */
async function benchOverlay(loads: number) {
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
    const cold: number[] = [];
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    for (let i = 0; i < 5; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 300));
      cold.push(await paintDelay());
    }
    const timing = summarize(warm);
    return { overlayMedianMs: timing.medianMs, overlayP95Ms: timing.p95Ms, overlayLoads: loads, overlayColdWorkerMedianMs: summarize(cold).medianMs };
  } finally {
    await session.close();
  }
}

/** Seeds a synthetic corpus into Chromium's IndexedDB with the extension's own code, in a plain page. */
async function benchSeeding(papers: number) {
  const bundle = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: join(import.meta.dirname, 'browser', 'seed-page.ts'), formats: ['iife'], name: 'seedBench' } },
  });
  const output = (Array.isArray(bundle) ? bundle[0]! : bundle) as { output: { type: string; code?: string }[] };
  const code = output.output.find((chunk) => chunk.type === 'chunk')!.code!;
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
