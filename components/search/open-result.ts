import browser from 'webextension-polyfill';
import { arxivAbsUrl, arxivTitleSearchUrl } from '../../lib/arxiv';

/** A result's arXiv page: the abs page when it has an id, else arXiv's title search. */
function resultUrl(hit: { arxivId: string | null; title: string }): string {
  return hit.arxivId ? arxivAbsUrl({ id: hit.arxivId, version: null }) : arxivTitleSearchUrl(hit.title);
}

/** Opens a result in a new tab. */
export async function openResult(hit: { arxivId: string | null; title: string }): Promise<void> {
  await browser.tabs.create({ url: resultUrl(hit) });
}
