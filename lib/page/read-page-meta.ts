import type { PageMeta } from './page-meta';
import { PAPER_SITES } from '../sites/paper-sites';

const TITLE_DECORATION = PAPER_SITES.flatMap((site) => site.titleDecoration);

// Bounds on what is read off a page: a hostile page cannot make the message, or the lookup, large.
const MAX_LINKS = 200;
const MAX_AUTHORS = 100;

/*
 * Test URLs:
 * https://arxiv.org/abs/2404.15449 (citation_arxiv_id, citation_pdf_url)
 * https://openreview.net/forum?id=… (citation_title only)
 * https://huggingface.co/papers/2404.15449 (links to arXiv)
 */

/**
 * Reads what a page says about the paper it shows: the Highwire `citation_*` meta tags most
 * publishers and arXiv itself print, and the page's links to arXiv papers.
 * @param doc The page's document (any DOM: the content script's, or linkedom's in tests).
 */
export function readPageMeta(doc: Document): PageMeta {
  const meta = (name: string) => [...doc.querySelectorAll(`meta[name="${name}"]`)].map((el) => el.getAttribute('content')?.trim() ?? '').filter(Boolean);
  const links = new Set<string>();
  for (const anchor of doc.querySelectorAll<HTMLAnchorElement>('a[href*="arxiv.org/abs/"], a[href*="arxiv.org/pdf/"]')) {
    if (links.size >= MAX_LINKS) break;
    links.add(anchor.getAttribute('href')!.slice(0, 2000));
  }
  const out: PageMeta = {};
  const [arxivId] = meta('citation_arxiv_id');
  const [pdfUrl] = meta('citation_pdf_url');
  const [title] = meta('citation_title');
  if (arxivId) out.citationArxivId = arxivId.slice(0, 100);
  if (pdfUrl) out.citationPdfUrl = pdfUrl.slice(0, 2000);
  if (title) out.citationTitle = title.slice(0, 2000);
  const authors = meta('citation_author').slice(0, MAX_AUTHORS).map((author) => author.slice(0, 300));
  if (authors.length > 0) out.citationAuthors = authors;
  if (links.size > 0) out.arxivLinks = [...links];
  return out;
}

/** The page's own title, without the site's decoration (`Paper page - `, `[2404.15449] `, ` | OpenReview`). */
export function pageTitle(doc: Document): string {
  return cleanPageTitle(doc.title ?? '');
}

/** A tab or document title without the site's decoration; see {@link pageTitle}. */
export function cleanPageTitle(title: string): string {
  return TITLE_DECORATION.reduce((clean, decoration) => clean.replace(decoration, ''), title)
    .trim()
    .slice(0, 2000);
}
