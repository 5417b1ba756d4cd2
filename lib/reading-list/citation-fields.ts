import { isHttpUrl, type ReadingListEntry } from './reading-list-entry';

/** The shape the store admits (see `SavePaperSchema`); anything else is not written as an id. */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*\/\d{7})$/;

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
    url: arxivId ? `https://arxiv.org/abs/${arxivId}` : entry.url && isHttpUrl(entry.url) ? entry.url : null,
  };
}

/**
 * The year of a paper: arXiv ids begin with the year and month of submission (new style `YYMM.`,
 * old style `archive/YYMM…`, used from 1991 to March 2007); a paper without an id gets the year
 * it was saved.
 */
export function paperYear(entry: Pick<ReadingListEntry, 'arxivId' | 'savedAt'>): number {
  const id = entry.arxivId ?? '';
  const fresh = /^(\d{2})\d{2}\.\d+$/.exec(id);
  if (fresh) return 2000 + Number(fresh[1]);
  const old = /\/(\d{2})\d{5}$/.exec(id);
  if (old) return Number(old[1]) >= 91 ? 1900 + Number(old[1]) : 2000 + Number(old[1]);
  return new Date(entry.savedAt).getUTCFullYear();
}

/** Text on one line: control characters are not text, and a line break is only a space to BibTeX or RIS. */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}
