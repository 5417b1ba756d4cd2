import { citationFields, oneLine } from './citation-fields';
import { splitPersonName } from './person-name';
import type { ReadingListEntry } from './reading-list-entry';

/**
 * Writes the reading list as RIS, the tagged format EndNote, Zotero, Mendeley and most reference
 * managers import: `TY  - UNPB` (unpublished work, RIS's nearest type to a preprint), title,
 * authors as `Last, First`, year and date, arXiv's DOI, the abstract page, the archive (`DB`/`AN`:
 * arXiv and `arXiv:<id>`) and one `KW` per tag. Status and notes stay out, as in BibTeX.
 * Each value is one line; RIS has no escaping, so line breaks and control characters become spaces.
 *
 * @param entries Entries in the order they are to be written.
 * @returns The .ris file's text, CRLF line ends as the format asks; empty for an empty list.
 */
export function toRis(entries: readonly ReadingListEntry[]): string {
  return entries.map(risRecord).join('');
}

function risRecord(entry: ReadingListEntry): string {
  const { arxivId, doi, year, month, url } = citationFields(entry);
  const lines: [string, string][] = [['TY', 'UNPB'], ['TI', entry.title]];
  for (const author of entry.authors) {
    const name = splitPersonName(author);
    if ('literal' in name) lines.push(['AU', name.literal]);
    else lines.push(['AU', [name.family, name.given, name.suffix].filter(Boolean).join(', ')]);
  }
  lines.push(['PY', String(year)]);
  // RIS dates are YYYY/MM/DD/other, with empty parts kept.
  if (month) lines.push(['DA', `${year}/${String(month).padStart(2, '0')}//`]);
  if (doi) lines.push(['DO', doi]);
  if (url) lines.push(['UR', url]);
  if (arxivId) lines.push(['DB', 'arXiv'], ['AN', `arXiv:${arxivId}`]);
  for (const tag of entry.tags) lines.push(['KW', tag]);
  lines.push(['ER', '']);
  return lines
    .map(([tag, value]) => [tag, oneLine(value)] as const)
    .filter(([tag, value]) => tag === 'ER' || value !== '')
    .map(([tag, value]) => `${tag}  - ${value}`.trimEnd() + '\r\n')
    .join('');
}
