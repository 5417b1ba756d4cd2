import browser from 'webextension-polyfill';
import { OneRunPerKey } from '../../lib/background/one-run-per-key';
import { isArxivPdfUrl, pdfContentDisposition, pdfTabTitle } from '../../lib/page/paper-views';
import type { CompanionStore } from '../../lib/store/companion-store';
import { keepAwakeWhile } from './keep-awake';

/** arXiv's PDFs (`isArxivPdfUrl` checks each one). */
const ARXIV_PDF_MATCHES = ['https://arxiv.org/pdf/*', 'https://*.arxiv.org/pdf/*'];

interface ChromeScripting {
  executeScript(details: { target: { tabId: number }; func: (title: string, url: string) => void; args: [string, string] }): Promise<unknown>;
}

/**
 * Names an arXiv PDF tab after its paper instead of its file name, without redirecting the tab:
 * the PDF stays in the browser's own viewer. No content script runs in a PDF document, and only
 * papers the extension knows get a title: it never asks arXiv.
 * - Chrome (`scripting`): the background sets the viewer document's title once it has loaded.
 * - Firefox (`webRequest`, `webRequestBlocking`): its viewer is a privileged page that takes no
 *   script, but it titles the tab with the file name the response gives, so the PDF's response
 *   gets one (`Content-Disposition: inline`, the PDF stays in the viewer).
 */
export function registerPdfTitles(store: CompanionStore): void {
  const scripting = (globalThis as { chrome?: { scripting?: ChromeScripting } }).chrome?.scripting;
  if (!scripting) {
    // Registered synchronously: Firefox wakes a suspended event page for a listener it knows.
    browser.webRequest.onHeadersReceived.addListener(
      (details) => nameResponse(store, details),
      { urls: ARXIV_PDF_MATCHES, types: ['main_frame'] },
      ['blocking', 'responseHeaders'],
    );
    return;
  }
  // One lookup per tab and URL, started as soon as the URL is known (the store may still be opening
  // or seeding), and applied at each event that can have reset the title: the load's end, and the
  // viewer's own title from the PDF's metadata. One naming at a time per tab: the title events that a
  // naming itself causes then ask only for one more look once it is over, never for a script of their own.
  const lookups = new Map<number, { url: string; wanted: Promise<string | null> }>();
  const naming = new OneRunPerKey<number>();
  browser.tabs.onRemoved.addListener((tabId) => void lookups.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const url = change.url ?? tab.url;
    if (!isArxivPdfUrl(url)) return void lookups.delete(tabId);
    let lookup = lookups.get(tabId);
    if (lookup?.url !== url) {
      const wanted: Promise<string | null> = knownTitle(store, url).then(
        (known) => (known ? pdfTabTitle(known.title, known.arxivId) : null),
        () => {
          // The store failed (closing, reseeding): the next event asks again.
          if (lookups.get(tabId)?.wanted === wanted) lookups.delete(tabId);
          return null;
        },
      );
      lookup = { url, wanted };
      lookups.set(tabId, lookup);
    }
    if (change.status !== 'complete' && change.title === undefined) return;
    const { url: pdfUrl, wanted } = lookup;
    void keepAwakeWhile(naming.run(tabId, () => nameTab(scripting, tabId, pdfUrl, wanted))).catch(() => {});
  });
}

async function knownTitle(store: CompanionStore, url: string): Promise<{ title: string; arxivId: string } | null> {
  const lookup = await store.papers.page({ url });
  const title = lookup.digest?.title ?? lookup.placements[0]?.title;
  return title && lookup.arxivId ? { title, arxivId: lookup.arxivId } : null;
}

/**
 * Tries until the tab bears the title: a frame still committing refuses the script, or runs it in
 * the document it is about to replace, and no later event may come.
 */
const NAME_TAB_DELAYS_MS = [0, 300, 1500, 4000];

async function nameTab(scripting: ChromeScripting, tabId: number, url: string, wantedTitle: Promise<string | null>): Promise<void> {
  const wanted = await wantedTitle;
  if (!wanted) return;
  const setTitle = (text: string, expectedUrl: string) => {
    if (location.href !== expectedUrl) return;
    // Chrome's viewer titles the tab from the PDF's metadata without touching this document's title:
    // when that came after ours, the document still holds ours, and setting a title a document already
    // has tells the browser nothing. Cleared first, it is a change the tab takes.
    if (document.title === text) document.title = '';
    document.title = text;
  };
  for (const delay of NAME_TAB_DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const tab = await browser.tabs.get(tabId).catch(() => null);
    // Navigated elsewhere meanwhile (the view switch, a link), or named, by this call or another.
    if (tab?.url !== url || tab.title === wanted) return;
    // Refused while the frame commits: the next round looks again, as it does after a success.
    await scripting.executeScript({ target: { tabId }, func: setTitle, args: [wanted, url] }).catch(() => {});
  }
}

/** How long a PDF's response may wait for the store in Firefox before it is shown under its own name. */
const RESPONSE_LOOKUP_LIMIT_MS = 1500;

async function nameResponse(store: CompanionStore, details: browser.WebRequest.OnHeadersReceivedDetailsType): Promise<browser.WebRequest.BlockingResponse> {
  const headers = details.responseHeaders ?? [];
  const isPdf = headers.some((header) => header.name.toLowerCase() === 'content-type' && /application\/pdf/i.test(header.value ?? ''));
  // A download the server asks for stays a download, under the server's name.
  const asksDownload = headers.some((header) => header.name.toLowerCase() === 'content-disposition' && /^\s*attachment/i.test(header.value ?? ''));
  if (!isPdf || asksDownload || !isArxivPdfUrl(details.url)) return {};
  // The response is held while the lookup runs: never longer than a moment, even while the corpus seeds.
  const limit = new Promise<null>((resolve) => setTimeout(resolve, RESPONSE_LOOKUP_LIMIT_MS, null));
  const known = await keepAwakeWhile(Promise.race([knownTitle(store, details.url).catch(() => null), limit]));
  if (!known) return {};
  return {
    responseHeaders: [...headers.filter((header) => header.name.toLowerCase() !== 'content-disposition'), { name: 'Content-Disposition', value: pdfContentDisposition(known.title, known.arxivId) }],
  };
}
