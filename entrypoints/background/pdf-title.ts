import browser from 'webextension-polyfill';
import { isArxivPdfUrl, pdfContentDisposition, pdfTabTitle } from '../../lib/page/paper-views';
import type { CompanionStore } from '../../lib/store/companion-store';

/** arXiv's PDFs (`isArxivPdfUrl` checks each one). */
const ARXIV_PDF_MATCHES = ['https://arxiv.org/pdf/*', 'https://*.arxiv.org/pdf/*'];

interface ChromeScripting {
  executeScript(details: { target: { tabId: number }; func: (title: string) => void; args: [string] }): Promise<unknown>;
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
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // The viewer sets the title from the PDF's own metadata as it loads; ours comes after.
    if (change.status !== 'complete' && change.title === undefined) return;
    const url = tab.url;
    if (!isArxivPdfUrl(url)) return;
    void nameTab(store, scripting, tabId, url, tab.title).catch(() => {});
  });
}

async function knownTitle(store: CompanionStore, url: string): Promise<{ title: string; arxivId: string } | null> {
  const lookup = await store.papers.page({ url });
  const title = lookup.digest?.title ?? lookup.placements[0]?.title;
  return title && lookup.arxivId ? { title, arxivId: lookup.arxivId } : null;
}

async function nameTab(store: CompanionStore, scripting: ChromeScripting, tabId: number, url: string, current: string | undefined): Promise<void> {
  const known = await knownTitle(store, url);
  if (!known) return;
  const wanted = pdfTabTitle(known.title, known.arxivId);
  if (current === wanted) return;
  const setTitle = (text: string) => {
    document.title = text;
  };
  await scripting.executeScript({ target: { tabId }, func: setTitle, args: [wanted] });
}

async function nameResponse(store: CompanionStore, details: browser.WebRequest.OnHeadersReceivedDetailsType): Promise<browser.WebRequest.BlockingResponse> {
  const headers = details.responseHeaders ?? [];
  const isPdf = headers.some((header) => header.name.toLowerCase() === 'content-type' && /application\/pdf/i.test(header.value ?? ''));
  // A download the server asks for stays a download, under the server's name.
  const asksDownload = headers.some((header) => header.name.toLowerCase() === 'content-disposition' && /^\s*attachment/i.test(header.value ?? ''));
  if (!isPdf || asksDownload || !isArxivPdfUrl(details.url)) return {};
  const known = await knownTitle(store, details.url).catch(() => null);
  if (!known) return {};
  return {
    responseHeaders: [...headers.filter((header) => header.name.toLowerCase() !== 'content-disposition'), { name: 'Content-Disposition', value: pdfContentDisposition(known.title, known.arxivId) }],
  };
}
