import { paperToBibtex, type CitedPaper } from '../../lib/reading-list/export-bibtex';

/** Puts a paper's BibTeX, as the reading list's export writes it, on the clipboard. */
export async function copyBibtex(paper: CitedPaper): Promise<void> {
  await navigator.clipboard.writeText(paperToBibtex(paper));
}
