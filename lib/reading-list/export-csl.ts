import { citationFields } from './citation-fields';
import { citationKeys } from './export-bibtex';
import { splitPersonName } from './person-name';
import type { ReadingListEntry } from './reading-list-entry';

/** One CSL-JSON item, as citeproc, Zotero, Pandoc and Citation.js read it. */
export interface CslItem {
  id: string;
  type: 'article';
  title: string;
  author?: ({ family: string; given: string; suffix?: string } | { literal: string })[];
  issued: { 'date-parts': [[number] | [number, number]] };
  DOI?: string;
  URL?: string;
  number?: string;
  publisher?: string;
  genre?: string;
  keyword?: string;
}

/**
 * The reading list as CSL-JSON (citeproc's input, and what Pandoc's `--bibliography` reads): each
 * paper an `article` (CSL's type for preprints) with `publisher: arXiv`, `number: arXiv:<id>`,
 * arXiv's DOI, the abstract page and the tags as `keyword`. Ids are the BibTeX citation keys, so
 * `@chen2024idaligner` cites the same paper whichever file a manuscript uses.
 *
 * @returns The .json file's text: an array, pretty-printed; `[]` for an empty list.
 */
export function toCslJson(entries: readonly ReadingListEntry[]): string {
  return JSON.stringify(cslItems(entries), null, 2) + '\n';
}

/** The CSL-JSON items of {@link toCslJson}, as objects. */
export function cslItems(entries: readonly ReadingListEntry[]): CslItem[] {
  const keys = citationKeys(entries);
  return entries.map((entry) => {
    const { arxivId, doi, year, month, url } = citationFields(entry);
    const authors = entry.authors.map((name) => name.trim()).filter((name) => name !== '').map(splitPersonName);
    const item: CslItem = { id: keys.get(entry.key)!, type: 'article', title: entry.title, issued: { 'date-parts': [month ? [year, month] : [year]] } };
    if (authors.length > 0) item.author = authors;
    if (doi) item.DOI = doi;
    if (url) item.URL = url;
    if (arxivId) Object.assign(item, { number: `arXiv:${arxivId}`, publisher: 'arXiv', genre: 'Preprint' });
    if (entry.tags.length > 0) item.keyword = entry.tags.join(', ');
    return item;
  });
}
