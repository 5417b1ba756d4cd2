import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import browser from 'webextension-polyfill';
import { registerPdfTitles } from '../../../entrypoints/background/pdf-title';
import type { PageLookup } from '../../../lib/messages/protocol';
import type { CompanionStore } from '../../../lib/store/companion-store';

const PDF_URL = 'https://arxiv.org/pdf/2404.15449v1';
const WANTED = 'ID-Aligner (arXiv:2404.15449)';
/** How long the store takes to answer (it may be opening or seeding). */
const LOOKUP_MS = 1000;
const TITLE_IPC_MS = 10;

/**
 * Chrome's PDF tab as the background sees it: the tab's title follows the PDF's document title when that
 * changes (setting the title it already has changes nothing), and the viewer retitles the tab from the
 * PDF's metadata without touching that document's title.
 */
class ChromePdfTab {
  title = 'arxiv.org/pdf/2404.15449v1';
  private documentTitle = '';
  readonly document = {
    get title(): string {
      return tab.documentTitle;
    },
    set title(text: string) {
      if (text !== tab.documentTitle) tab.retitle((tab.documentTitle = text) || 'arxiv.org/pdf/2404.15449v1');
    },
  };

  constructor(readonly id: number) {}

  /** The browser hears of a new title a moment later, and tells the extension. */
  retitle(title: string): void {
    setTimeout(() => {
      this.title = title;
      void fakeBrowser.tabs.onUpdated.trigger(this.id, { title }, this.state());
    }, TITLE_IPC_MS);
  }

  state(): browser.Tabs.Tab {
    return { id: this.id, url: PDF_URL, title: this.title, status: 'complete' } as browser.Tabs.Tab;
  }
}

let tab: ChromePdfTab;

describe("a PDF tab's title in Chrome", () => {
  let executeScript: ReturnType<typeof vi.fn>;
  let page: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    tab = new ChromePdfTab(7);
    executeScript = vi.fn(async ({ func, args }: { func: (...args: string[]) => void; args: string[] }) => {
      vi.stubGlobal('document', tab.document);
      vi.stubGlobal('location', { href: PDF_URL });
      func(...args);
    });
    vi.stubGlobal('chrome', { scripting: { executeScript } });
    vi.spyOn(browser.tabs, 'get').mockImplementation(async () => tab.state());
    // The heartbeat that keeps the background awake while it works.
    vi.spyOn(browser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'linux', arch: 'x86-64' } as never);
    const lookup = { arxivId: '2404.15449', digest: { title: 'ID-Aligner' }, placements: [] } as unknown as PageLookup;
    page = vi.fn(() => new Promise((resolve) => setTimeout(resolve, LOOKUP_MS, lookup)));
    registerPdfTitles({ papers: { page } } as unknown as CompanionStore);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it.each([
    ['before the paper is known', LOOKUP_MS / 2, 1],
    ['after the paper named it, over its name', LOOKUP_MS + 100, 2],
  ])('names the tab after its paper when the viewer titles it from the PDF %s, with no script run for its own title events', async (_, viewerAtMs, scripts) => {
    await fakeBrowser.tabs.onUpdated.trigger(tab.id, { status: 'loading', url: PDF_URL }, { ...tab.state(), status: 'loading' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id, { status: 'complete' }, tab.state());
    setTimeout(() => tab.retitle('PDF fixture'), viewerAtMs - TITLE_IPC_MS);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(tab.title).toBe(WANTED);
    expect(executeScript).toHaveBeenCalledTimes(scripts);
  });

  it('asks the store again at the next event when a lookup failed, instead of keeping no title for the tab', async () => {
    page.mockImplementationOnce(() => Promise.reject(new Error('the database was closing')));
    await fakeBrowser.tabs.onUpdated.trigger(tab.id, { status: 'loading', url: PDF_URL }, { ...tab.state(), status: 'loading' });
    await vi.advanceTimersByTimeAsync(0);
    await fakeBrowser.tabs.onUpdated.trigger(tab.id, { status: 'complete' }, tab.state());
    await vi.advanceTimersByTimeAsync(20_000);
    expect(page).toHaveBeenCalledTimes(2);
    expect(tab.title).toBe(WANTED);
  });
});
