import { arxivRefFromUrl } from '../arxiv';
import { PAPER_SITES } from '../sites/paper-sites';

/*
 * Test URLs:
 * https://arxiv.org/list/cs.CV/new
 * https://arxiv.org/list/cs.CV/recent
 * https://huggingface.co/papers
 * https://huggingface.co/papers/date/2024-04-24
 */

const LISTING_PAGES = PAPER_SITES.flatMap((site) => site.listingPages);

/** True for pages that list many papers: arXiv listings and Hugging Face's daily papers. */
export function isListingPage(url: string): boolean {
  return LISTING_PAGES.some((pattern) => pattern.test(url));
}

/** One paper on a listing page, with the link a marker goes after. */
export interface ListedPaper {
  arxivId: string;
  link: Element;
}

/**
 * The papers a listing page links to, one per id, each with its most telling link: a link in a
 * heading first (Hugging Face titles), else the first link with text (arXiv's `arXiv:2404.15449`).
 * @param doc The page; links are resolved against `baseUrl`.
 */
export function listedPapers(doc: Document, baseUrl: string, limit = 500): ListedPaper[] {
  const byId = new Map<string, { link: Element; rank: number }>();
  for (const link of doc.querySelectorAll('a[href]')) {
    let href: string;
    try {
      href = new URL(link.getAttribute('href')!, baseUrl).href;
    } catch {
      continue;
    }
    const ref = arxivRefFromUrl(href);
    if (!ref) continue;
    const rank = link.closest('h1, h2, h3, h4') ? 2 : (link.textContent ?? '').trim() !== '' ? 1 : 0;
    const known = byId.get(ref.id);
    if (!known) {
      if (byId.size >= limit) break;
      byId.set(ref.id, { link, rank });
    } else if (rank > known.rank) byId.set(ref.id, { link, rank });
  }
  return [...byId].map(([arxivId, { link }]) => ({ arxivId, link }));
}
