import browser from 'webextension-polyfill';
import { isArxivPdfUrl, pdfTabTitle } from '../../lib/page/paper-views';
import type { CompanionStore } from '../../lib/store/companion-store';

interface ChromeScripting {
  executeScript(details: { target: { tabId: number }; func: (title: string) => void; args: [string] }): Promise<unknown>;
}

/**
 * Names an arXiv PDF tab after its paper instead of its file name, without redirecting the tab:
 * the PDF stays in the browser's own viewer. No content script runs in a PDF document, so the
 * background sets the viewer document's title once it has loaded (Chrome: `scripting`). Only
 * papers the extension knows get a title: it never asks arXiv.
 */
export function registerPdfTitles(store: CompanionStore): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // The viewer sets the title from the PDF's own metadata as it loads; ours comes after.
    if (change.status !== 'complete' && change.title === undefined) return;
    const url = tab.url;
    if (!isArxivPdfUrl(url)) return;
    void nameTab(store, tabId, url, tab.title).catch(() => {});
  });
}

async function nameTab(store: CompanionStore, tabId: number, url: string, current: string | undefined): Promise<void> {
  const lookup = await store.papers.page({ url });
  const title = lookup.digest?.title ?? lookup.placements[0]?.title;
  if (!title || !lookup.arxivId) return;
  const wanted = pdfTabTitle(title, lookup.arxivId);
  if (current === wanted) return;
  const scripting = (globalThis as { chrome?: { scripting?: ChromeScripting } }).chrome?.scripting;
  const setTitle = (text: string) => {
    document.title = text;
  };
  if (scripting) await scripting.executeScript({ target: { tabId }, func: setTitle, args: [wanted] });
  // Firefox (MV2): its PDF viewer is a privileged page that refuses scripts; the call fails quietly there.
  else await browser.tabs.executeScript(tabId, { code: `document.title = ${JSON.stringify(wanted)};` });
}
