import { readingListKey } from './entry-key';
import { toBibtex } from './export-bibtex';
import { newReadingListEntry, type SavePaper } from './reading-list-entry';

/**
 * The BibTeX of one paper, as the card's *Copy BibTeX* gives it: the same entry the reading list's
 * export writes for it, saved or not. The one way in to BibTeX for a single paper, so the writer
 * behind it can change (a citation library) without touching its callers.
 * @param now When the paper counts as saved, for the year of a paper without an arXiv id.
 */
export function paperBibtex(paper: SavePaper, now = Date.now()): string {
  const entry = newReadingListEntry(paper, '', now);
  return toBibtex([{ ...entry, key: readingListKey(entry) ?? `title:${entry.title}` }]);
}
