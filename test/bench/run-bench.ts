/**
 * `npm run bench [-- --json] [--import-profile]`: performance and quality figures,
 * each with a baseline measured in the same run. Medians and p95 over repeated runs; this is a
 * report, not a timed test. The import of 10,000 digests is measured end to end three times (the
 * median, and the first run, whose code is not yet optimised by the JIT, as a user's one import
 * is); `--import-profile` adds one pass that times each step of the importer on its own (about a minute). `--search-only` stops before the
 * browser, and `--sizes=10000` limits the synthetic search corpora to those sizes. `--only=feedScale`
 * (or `feedSync`, `browser`, comma-separated) builds the extension and runs only those browser
 * sections; `browser` is the card, seeding and import figures.
 */
import { buildCorpus } from '../../lib/corpus';
import { repairIfMojibake } from '../../lib/mojibake';
import { parseTaxonomy } from '../../lib/taxonomy';
import { normalizeTitle, TitleIndex } from '../../lib/titles';
import { PROJECT_ROOT, readSources } from '../../data/tools/corpus-sources';
import { loadRepairModel } from '../../data/tools/repair-model';
import { measure, round, type Timing } from './measure';
import { benchBrowser } from './browser-bench';
import { benchSearch, checkTarget, formatCheck, formatTargets, searchSections, searchTargets } from './search-bench';
import { syncCapacity } from './sync-capacity';
import { benchReadingList, readingListTargets } from './reading-list-bench';
import { benchFeedSync, feedSyncTargets } from './feed-sync-bench';
import { benchFeedScale, feedScaleLines } from './feed-scale-bench';

const json = process.argv.includes('--json');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const sources = readSources();
const sourceText = (prefix: string) => sources.find((s) => s.file.startsWith(prefix))!.text;
const report: Record<string, unknown> = { machine: { cores: (await import('node:os')).cpus().length, node: process.version } };

function section(name: string, values: Record<string, unknown>): void {
  report[name] = values;
  if (!json) {
    console.log(`\n## ${name}`);
    for (const [key, value] of Object.entries(values)) console.log(`  ${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`);
  }
}

if (only) {
  (await import('node:child_process')).execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: 'ignore' });
  if (only.includes('browser')) {
    const checks = await browserSection();
    if (!json) console.log(browserTargetLines(checks).join('\n'));
  }
  if (only.includes('feedSync')) await feedSyncSection();
  if (only.includes('feedScale')) await feedScaleSection();
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(0);
}

// Corpus build: the work every `npm run build` does.
let model = loadRepairModel(PROJECT_ROOT, sources);
const train = measure(() => (model = loadRepairModel(PROJECT_ROOT, sources)), { runs: 3, warmup: 0 });
const damaged = sourceText('003_');
const repair = measure(() => repairIfMojibake(damaged, model), { runs: 5, warmup: 1 });
const taxonomy = measure(() => parseTaxonomy(sourceText('004_')), { runs: 10, warmup: 2 });
let built: ReturnType<typeof buildCorpus> | undefined;
const build = measure(() => (built = buildCorpus(sources, model)), { runs: 3, warmup: 1 });
section('corpusBuild', {
  repairModelTrainMs: train.medianMs,
  repair003Ms: repair.medianMs,
  repair003CharsPerSecond: Math.round([...damaged].length / (repair.medianMs / 1000)),
  taxonomyParseMs: taxonomy.medianMs,
  corpusBuildMs: build.medianMs,
});

// Title matching, as a page lookup does it, against the obvious loop that normalises every title per query.
const { corpus } = built!;
const titles = corpus.taxonomy.entries.flatMap((entry) => entry.titles);
const queries = [
  ...corpus.papers.map((paper) => paper.title),
  ...corpus.papers.map((paper) => `Improved ${paper.title}`),
  ...titles.slice(0, 100).map((title) => title.toUpperCase()),
];
const index = new TitleIndex(titles.map((title) => [title, title] as const));
const perQuery = (run: (query: string) => unknown): Timing => {
  let i = 0;
  return measure(() => run(queries[i++ % queries.length]!), { runs: queries.length * 5, warmup: queries.length });
};
const indexed = perQuery((query) => index.match(query));
const naive = perQuery((query) => {
  const wanted = normalizeTitle(query);
  return titles.filter((title) => normalizeTitle(title) === wanted);
});
// How much of a reading list the browser's sync storage holds, packed as the sync packs it.
section('syncCapacity', await syncCapacity());
section('titleMatch', {
  indexedTitles: titles.length,
  queries: queries.length,
  p50Us: round(indexed.medianMs * 1000, 1),
  p95Us: round(indexed.p95Ms * 1000, 1),
  baselineNaiveP50Us: round(naive.medianMs * 1000, 1),
  baselineNaiveP95Us: round(naive.p95Ms * 1000, 1),
  speedupP50: round(naive.medianMs / Math.max(1e-9, indexed.medianMs), 1),
});

// Search: the real corpus, then synthetic corpora of 10,000 and 100,000 papers against Fuse.js.
const search = await benchSearch(corpus);
section('realCorpus', search.realCorpus);
section('synthetic', search.synthetic);
const { coldStart, searchStore } = searchSections(search);
section('coldStart', coldStart);
section('searchStore', searchStore);
if (!json) console.log(`\n## targets\n${formatTargets(search).map((line) => `  ${line}`).join('\n')}`);
// `--search-only`: stop here, without the browser (a quick run while working on search).
if (process.argv.includes('--search-only')) {
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(0);
}

// In Chromium with the built extension: the content script's size, DOMContentLoaded to the card
// on screen, seeding throughput into real IndexedDB, and the digest importer's throughput.
const browserTargets = await browserSection();
report.targets = [...searchTargets(search), ...browserTargets].map(({ key, value, target, atMost, met }) => ({ key, value, target: `${atMost ? '≤' : '≥'} ${target}`, met }));
if (!json) console.log(browserTargetLines(browserTargets).join('\n'));

// The reading list with 10,000 saved papers, and with 100 as the baseline, in the built extension.
const readingList = await benchReadingList();
section('readingList10k', { ...readingList.at10k, baseline: readingList.baseline });
if (!json) console.log(readingListTargets(readingList).map((line) => `  ${line}`).join('\n'));

await feedSyncSection();
await feedScaleSection();

// Digest feeds: the 42 real digests synced through routed GitHub responses into a fresh profile.
async function feedSyncSection(): Promise<void> {
  const feedSync = await benchFeedSync();
  section('feedSync', feedSync);
  if (!json) console.log(feedSyncTargets(feedSync).map((line) => `  ${line}`).join('\n'));
}

async function browserSection() {
  const { importPerSecond, ...browserFigures } = await benchBrowser({
    importProfile: process.argv.includes('--import-profile'),
  });
  section('browser', browserFigures);
  report.contentScriptGzipBytes = browserFigures.contentScriptGzipBytes;
  report.overlayMedianMs = browserFigures.overlayMedianMs;
  report.seedingPerSecond = browserFigures.seedingPerSecond;
  section('importPerSecond', importPerSecond);
  return [
    checkTarget('content script, gzipped KB', 'contentScriptGzipBytes', round(browserFigures.contentScriptGzipBytes / 1024, 1), 30, 'KB', true),
    checkTarget('DOMContentLoaded → card painted, median ms', 'overlayMedianMs', browserFigures.overlayMedianMs, 100, 'ms', true),
    checkTarget(`card after a cold worker, ${browserFigures.overlayColdWorkerPapers} imported papers, median`, 'browser.overlayColdWorkerMedianMs', browserFigures.overlayColdWorkerMedianMs, 120, 'ms', true),
    checkTarget('seeding into IndexedDB, papers/s', 'seedingPerSecond', browserFigures.seedingPerSecond, 3000, '/s', false),
    checkTarget(`import writes, digests/s (${importPerSecond.chunkRows}-row chunks)`, 'importPerSecond.write', importPerSecond.write, 3000, '/s', false),
    checkTarget(`import end to end, digests/s (${importPerSecond.digests} digests in ${importPerSecond.files} files)`, 'importPerSecond.endToEnd', importPerSecond.endToEnd, 2000, '/s', false),
  ];
}

function browserTargetLines(checks: ReturnType<typeof checkTarget>[]): string[] {
  return checks.map((check) => `  ${formatCheck(check)}`);
}

// A whole subscription (about 2,500 synthetic papers in the archive's format): search and card speed before, while indexing, after.
async function feedScaleSection(): Promise<void> {
  const feedScale = await benchFeedScale();
  section('feedScale', feedScale);
  if (!json) console.log(feedScaleLines(feedScale).map((line) => `  ${line}`).join('\n'));
}

if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
