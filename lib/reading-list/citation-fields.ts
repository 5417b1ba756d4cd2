import { paperYear } from './export-bibtex';
import type { ReadingListEntry } from './reading-list-entry';

// The shape the store admits (see `SavePaperSchema`); anything else is not written as an id.
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*\/\d{7})$/;

/** What every citation format says about one saved paper, worked out once. */
export interface CitationFields {
  arxivId: string | null;
  /** arXiv's DataCite DOI, which every arXiv paper has: `10.48550/arXiv.2404.15449`. */
  doi: string | null;
  year: number;
  /** The month of submission, from a new- or old-style id; null without one. */
  month: number | null;
  /** The abstract page for an arXiv paper, else the saved http(s) URL. */
  url: string | null;
}

/** The fields every export derives from an entry's id and URL. */
export function citationFields(entry: Pick<ReadingListEntry, 'arxivId' | 'savedAt' | 'url'>): CitationFields {
  const arxivId = entry.arxivId && ARXIV_ID.test(entry.arxivId) ? entry.arxivId : null;
  const month = arxivId ? Number(/(\d{2})(\d{2})(?:\.\d+|\d{3})$/.exec(arxivId)?.[2]) || null : null;
  return {
    arxivId,
    doi: arxivId ? `10.48550/arXiv.${arxivId}` : null,
    year: paperYear({ arxivId, savedAt: entry.savedAt }),
    month: month && month <= 12 ? month : null,
    url: arxivId ? `https://arxiv.org/abs/${arxivId}` : entry.url && /^https?:\/\/[^\s/]/i.test(entry.url) ? entry.url : null,
  };
}
