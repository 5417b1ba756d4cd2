import type { PageLookup } from '../store/paper-lookup';
import type { SavePaper } from './reading-list-entry';

/** What a page says about itself, for a paper the corpus may not know. */
export interface PageFacts {
  url: string | null;
  title: string;
  authors?: string[];
}

/**
 * The reading-list entry for the paper a page shows: the corpus's title and authors when it knows
 * the paper, else what the page says (its title, its `citation_author`s, the id in its URL).
 * @returns null when the page names no paper at all: no arXiv id and no title.
 */
export function paperToSave(lookup: Pick<PageLookup, 'arxivId' | 'pageVersion' | 'digest' | 'placements'>, page: PageFacts, source: SavePaper['source']): SavePaper | null {
  const title = (lookup.digest?.title ?? lookup.placements[0]?.title ?? page.title).trim() || (lookup.arxivId ? `arXiv:${lookup.arxivId}` : '');
  if (!title) return null;
  return {
    arxivId: lookup.arxivId,
    version: lookup.pageVersion,
    title,
    authors: lookup.digest?.authors.length ? lookup.digest.authors : (page.authors ?? []).map(displayName),
    url: page.url && /^https?:\/\//.test(page.url) ? page.url : null,
    source,
  };
}

/** `citation_author` is written `Last, First` by arXiv and most publishers; a reading list reads `First Last`. */
export function displayName(author: string): string {
  const match = /^([^,]+),\s*([^,]+)$/.exec(author.trim());
  return match ? `${match[2]} ${match[1]}` : author.trim();
}
