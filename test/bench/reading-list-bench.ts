/**
 * The reading list at scale, in Chromium with the built extension: the side panel's first paint of
 * the list, sorting and filtering it, opening the popup, and exporting BibTeX, with 10,000 saved
 * papers and, in the same run as the baseline, with 100.
 */
import { launchExtension } from '../e2e/support/launch-extension';
import { round, summarize } from './measure';
import { syntheticReadingListJson } from './synthetic-reading-list';

/** Milliseconds, medians of `runs`; see {@link benchReadingList}. */
export interface ReadingListFigures {
  entries: number;
  /** A click on the *Reading list* tab to its first rows on screen. */
  panelFirstPaintMs: number;
  /** The same click to the whole list loaded (its count shown). */
  panelAllLoadedMs: number;
  /** Choosing another sort (title, status, paper date, date saved) to the rows redrawn. */
  sortMs: number;
  /** Typing two words into the filter to the rows redrawn. */
  filterMs: number;
  /** The popup's navigation start to its recent saves on screen. */
  popupOpenMs: number;
  /** `readingList.export` as BibTeX, asked from the side panel, to the file's text received. */
  bibtexMs: number;
  /** The same for JSON: reading and sending the whole list, without BibTeX's work. */
  jsonExportMs: number;
  /** Rows in the DOM after the first paint: the window, not the list. */
  rowsInDom: number;
}

type Measured = Omit<ReadingListFigures, 'entries'>;

/** Measures `entries` and `baselineEntries` saved papers, each in a fresh profile. */
export async function benchReadingList({ entries = 10_000, baselineEntries = 100, runs = 5 } = {}): Promise<{ at10k: ReadingListFigures; baseline: ReadingListFigures }> {
  const baseline = await measureList(baselineEntries, runs);
  const at10k = await measureList(entries, runs);
  return { at10k, baseline };
}

async function measureList(entries: number, runs: number): Promise<ReadingListFigures> {
  const session = await launchExtension();
  try {
    const panelUrl = `chrome-extension://${session.extensionId}/sidepanel.html`;
    // tsx names the functions it compiles with a helper `__name`, which the extension's pages lack.
    await session.context.addInitScript('globalThis.__name = (f) => f;');
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(panelUrl);
    await panel.getByRole('tablist').waitFor();
    const imported = await panel.evaluate(
      (text) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { added: number } }> } } }).chrome.runtime.sendMessage({ type: 'readingList.import', text }),
      syntheticReadingListJson(entries),
    );
    if (!imported.ok || imported.value.added !== entries) throw new Error(`the synthetic list did not import: ${JSON.stringify(imported).slice(0, 300)}`);

    const samples: Record<keyof Measured, number[]> = { panelFirstPaintMs: [], panelAllLoadedMs: [], sortMs: [], filterMs: [], popupOpenMs: [], bibtexMs: [], jsonExportMs: [], rowsInDom: [] };
    // One untimed pass first: the worker's caches and the page's code warm up.
    for (let run = 0; run <= runs; run++) {
      await panel.goto(panelUrl);
      await panel.getByRole('tablist').waitFor();
      const paint = await panel.evaluate(firstPaintInPage, entries);
      const sorts = await panel.evaluate(sortInPage);
      const exports = await panel.evaluate(exportInPage);
      const popup = await session.context.newPage();
      await popup.setViewportSize({ width: 480, height: 600 });
      // Watching from the document's start: the popup may be drawn before the load event.
      await popup.addInitScript(watchPopupInPage);
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const popupOpenMs = await popup.evaluate(() => (globalThis as unknown as { recentSavesShown: Promise<number> }).recentSavesShown);
      await popup.close();
      if (run === 0) continue;
      samples.panelFirstPaintMs.push(paint.firstPaintMs);
      samples.panelAllLoadedMs.push(paint.allLoadedMs);
      samples.rowsInDom.push(paint.rows);
      samples.sortMs.push(...sorts.sortMs);
      samples.filterMs.push(sorts.filterMs);
      samples.bibtexMs.push(exports.bibtexMs);
      samples.jsonExportMs.push(exports.jsonMs);
      samples.popupOpenMs.push(popupOpenMs);
    }
    const median = (values: number[]) => round(summarize(values).medianMs, 1);
    return {
      entries,
      panelFirstPaintMs: median(samples.panelFirstPaintMs),
      panelAllLoadedMs: median(samples.panelAllLoadedMs),
      sortMs: median(samples.sortMs),
      filterMs: median(samples.filterMs),
      popupOpenMs: median(samples.popupOpenMs),
      bibtexMs: median(samples.bibtexMs),
      jsonExportMs: median(samples.jsonExportMs),
      rowsInDom: Math.max(...samples.rowsInDom),
    };
  } finally {
    await session.close();
  }
}

// The functions below run in the extension's pages: nothing of this module's scope is there.

/** Resolves after `done()` holds, checked on every DOM change, and the frame after it is drawn. */
function firstPaintInPage(entries: number): Promise<{ firstPaintMs: number; allLoadedMs: number; rows: number }> {
  const until = (done: () => boolean) =>
    new Promise<number>((resolve) => {
      const finish = () => requestAnimationFrame(() => resolve(performance.now()));
      if (done()) return finish();
      const observer = new MutationObserver(() => done() && (observer.disconnect(), finish()));
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  const tab = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((button) => button.id === 'tab-reading-list')!;
  const start = performance.now();
  tab.click();
  const painted = until(() => document.querySelector('.entry') !== null);
  const loaded = until(() => document.querySelector('.entries')?.getAttribute('data-count') === String(entries));
  return Promise.all([painted, loaded]).then(([first, all]) => ({ firstPaintMs: first - start, allLoadedMs: all - start, rows: document.querySelectorAll('.entry').length }));
}

async function sortInPage(): Promise<{ sortMs: number[]; filterMs: number }> {
  const list = () => document.querySelector('.entries')!;
  const redrawn = (change: () => void) =>
    new Promise<number>((resolve) => {
      const start = performance.now();
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      });
      observer.observe(list(), { childList: true, subtree: true, characterData: true, attributes: true });
      change();
    });
  const sort = document.querySelector<HTMLSelectElement>('.list-controls select')!;
  const sortMs: number[] = [];
  for (const order of ['title', 'status', 'paper-date', 'saved']) {
    sortMs.push(
      await redrawn(() => {
        sort.value = order;
        sort.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    );
  }
  const filter = document.querySelector<HTMLInputElement>('.reading-list .filter-box')!;
  const filterMs = await redrawn(() => {
    filter.value = 'video chen';
    filter.dispatchEvent(new Event('input', { bubbles: true }));
  });
  filter.value = '';
  filter.dispatchEvent(new Event('input', { bubbles: true }));
  return { sortMs, filterMs };
}

async function exportInPage(): Promise<{ bibtexMs: number; jsonMs: number }> {
  const send = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { text: string } }> } } }).chrome.runtime.sendMessage;
  const time = async (format: string) => {
    const start = performance.now();
    const reply = await send({ type: 'readingList.export', format });
    if (!reply.ok || reply.value.text.length === 0) throw new Error(`export as ${format} failed`);
    return performance.now() - start;
  };
  return { bibtexMs: await time('bibtex'), jsonMs: await time('json') };
}

function watchPopupInPage(): void {
  (globalThis as unknown as { recentSavesShown: Promise<number> }).recentSavesShown = new Promise((resolve) => {
    const done = () => document.querySelector('.recent li') !== null;
    // performance.now() counts from the navigation's start.
    const observer = new MutationObserver(() => done() && (observer.disconnect(), requestAnimationFrame(() => resolve(performance.now()))));
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** Lines saying whether each target is met, for the report. */
export function readingListTargets({ at10k }: { at10k: ReadingListFigures }): string[] {
  const check = (name: string, value: number, target: number) => `${value <= target ? 'met   ' : 'MISSED'} ${name}: ${value} ms (target ≤ ${target} ms)`;
  return [
    check('reading list, 10,000 entries: side panel first paint', at10k.panelFirstPaintMs, 300),
    check('reading list, 10,000 entries: sort', at10k.sortMs, 100),
    check('reading list, 10,000 entries: filter', at10k.filterMs, 100),
    check('reading list, 10,000 entries: popup open', at10k.popupOpenMs, 150),
    check('reading list, 10,000 entries: BibTeX export', at10k.bibtexMs, 1000),
  ];
}
