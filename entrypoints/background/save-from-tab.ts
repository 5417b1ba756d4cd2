import browser from 'webextension-polyfill';
import type { PageDescription } from '../../lib/messages/notices';
import { cleanPageTitle } from '../../lib/page/read-page-meta';
import { paperToSave } from '../../lib/reading-list/paper-to-save';
import type { SavePaper } from '../../lib/reading-list/reading-list-entry';
import type { CompanionStore } from '../../lib/store/companion-store';

/**
 * Saves the paper a tab shows, for the context menu and the keyboard command. The content script
 * describes the page (title, `citation_author`s, meta tags); a PDF tab has none, and its tab title
 * and URL have to do.
 * @returns The saved entry's title, or null when the tab shows no paper.
 */
export async function savePaperInTab(store: CompanionStore, tab: browser.Tabs.Tab, source: SavePaper['source'], linkUrl?: string): Promise<string | null> {
  const url = linkUrl ?? tab.url;
  if (!url) return null;
  let description: PageDescription | undefined;
  if (!linkUrl && tab.id !== undefined) {
    description = (await browser.tabs.sendMessage(tab.id, { type: 'page.describe' }).catch(() => undefined)) as PageDescription | undefined;
  }
  const title = linkUrl ? '' : (description?.meta.citationTitle ?? description?.title ?? cleanPageTitle(tab.title ?? ''));
  const lookup = await store.papers.page({ url, title, meta: description?.meta ?? {} });
  const paper = paperToSave(lookup, { url, title, authors: description?.meta.citationAuthors }, source);
  // A page is a paper when it names an arXiv id, when the corpus knows its title, or when it
  // carries citation meta tags (OpenReview, publishers); a listing or a home page is none of these.
  const isPaper = Boolean(paper?.arxivId) || lookup.matchedBy !== null || Boolean(description?.meta.citationTitle);
  if (!paper || !isPaper) return null;
  const { entry } = await store.readingList.save(paper);
  return entry.title;
}
