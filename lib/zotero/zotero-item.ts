import type { CorpusPaper, TaxonomyPlacement } from '../corpus';
import { MESSAGES } from '../i18n/ui-strings';
import { citationFields, oneLine } from '../reading-list/citation-fields';
import { splitPersonName } from '../reading-list/person-name';
import type { ReadingListEntry } from '../reading-list/reading-list-entry';

/** A creator as Zotero's item JSON has it: first/last, or one field (`fieldMode` 1) for a name that is not split. */
type ZoteroCreator = { creatorType: 'author'; firstName: string; lastName: string } | { creatorType: 'author'; name: string };

/**
 * One item as the connector's `/connector/saveItems` takes it: the translator item format, which
 * Zotero's `ItemSaver` turns into a library item with child notes and tags.
 */
export interface ZoteroConnectorItem {
  /** The item's key within one save session (the connector's own use: attachments refer to it). */
  id: string;
  itemType: 'preprint';
  title: string;
  creators: ZoteroCreator[];
  abstractNote?: string;
  date: string;
  url?: string;
  repository?: string;
  archiveID?: string;
  DOI?: string;
  tags: { tag: string }[];
  notes: { note: string }[];
  attachments: [];
}

/** What the extension knows about a paper to save: its reading-list entry (or one made from the digest) and the corpus's view. */
export interface ZoteroPaper {
  entry: Pick<ReadingListEntry, 'arxivId' | 'title' | 'authors' | 'url' | 'tags' | 'savedAt'>;
  digest: (CorpusPaper & { imported?: { file: string; importedAt: number } }) | null;
  placements: readonly TaxonomyPlacement[];
}

/**
 * The Zotero item for a paper: a `preprint` with arXiv as repository, `arXiv:<id>` as archive id
 * and arXiv's DataCite DOI, the reading list's tags, and the digest as a child note. The digest's
 * abstract and author list are preferred to the page's when the corpus has them.
 *
 * @param id The item's id within its save session.
 */
export function zoteroItem(paper: ZoteroPaper, id: string): ZoteroConnectorItem {
  const { entry, digest } = paper;
  const { arxivId, doi, year, month, url } = citationFields(entry);
  const authors = (entry.authors.length > 0 ? entry.authors : (digest?.authors ?? [])).map((name) => name.trim()).filter((name) => name !== '');
  const item: ZoteroConnectorItem = {
    id,
    itemType: 'preprint',
    title: oneLine(digest?.title ?? entry.title) || oneLine(entry.title),
    creators: authors.map((author) => {
      const name = splitPersonName(author);
      if ('literal' in name) return { creatorType: 'author', name: name.literal };
      // Zotero keeps a suffix after the given names ("Martin Luther, Jr.").
      return { creatorType: 'author', firstName: name.suffix ? `${name.given}, ${name.suffix}` : name.given, lastName: name.family };
    }),
    date: month ? `${year}-${String(month).padStart(2, '0')}` : String(year),
    tags: entry.tags.map((tag) => ({ tag })),
    notes: [],
    attachments: [],
  };
  if (digest?.abstract) item.abstractNote = digest.abstract;
  if (url) item.url = url;
  if (arxivId) Object.assign(item, { repository: 'arXiv', archiveID: `arXiv:${arxivId}`, DOI: doi! });
  const note = digestNoteHtml(paper);
  if (note) item.notes.push({ note });
  return item;
}

const zh = (key: keyof typeof MESSAGES): string => MESSAGES[key].zh_CN;

/**
 * The digest as a Zotero note: the 中文 one-line summary, the key takeaways, the structured reading
 * notes, the taxonomy paths and a provenance line. Every piece of text is escaped, and the only
 * markup is the note's own (headings, paragraphs, lists, one link checked to be http(s)), so no
 * digest or page text can become HTML in the user's library.
 *
 * @returns The note's HTML, or null when the extension knows nothing beyond the citation.
 */
export function digestNoteHtml({ entry, digest, placements }: ZoteroPaper): string | null {
  if (!digest && placements.length === 0) return null;
  const parts: string[] = [`<h1>${escapeHtml(`${zh('cardLabel')}：${oneLine(digest?.title ?? entry.title)}`)}</h1>`];
  if (digest?.summaryZh) parts.push(`<p><strong>${escapeHtml(zh('summaryLine'))}</strong> ${escapeHtml(digest.summaryZh)}</p>`);
  if (digest && digest.takeaways.length > 0) parts.push(`<h2>${escapeHtml(zh('takeaways'))}</h2>`, list(digest.takeaways));
  const notes = digest?.chatPaper;
  if (notes) {
    parts.push(`<h2>${escapeHtml(zh('notes'))}</h2>`);
    if (notes.titleZh) parts.push(paragraph(notes.titleZh));
    const labelled = (label: string, text: string): string => `<p><strong>${escapeHtml(label)}：</strong>${escapeHtml(text)}</p>`;
    if (notes.affiliation) parts.push(labelled(zh('affiliation'), notes.affiliation));
    if (notes.keywords.length > 0) parts.push(labelled(zh('keywords'), notes.keywords.join('、')));
    const github = notes.urls?.github;
    if (github && /^https?:\/\/[^\s"'<>]+$/i.test(github)) parts.push(`<p><strong>${escapeHtml(zh('code'))}：</strong><a href="${escapeHtml(github)}">${escapeHtml(github)}</a></p>`);
    if (notes.summary.length > 0) parts.push(`<h3>${escapeHtml(zh('background'))}</h3>`, ...notes.summary.map(paragraph));
    if (notes.method.length > 0) parts.push(`<h3>${escapeHtml(zh('method'))}</h3>`, ...notes.method.map(paragraph));
    const conclusion = notes.conclusion;
    if (conclusion) {
      const named = (['significance', 'innovation', 'performance', 'workload'] as const).flatMap((field) => (conclusion[field] ? [labelled(zh(field), conclusion[field])] : []));
      // The numbered parts as written are the lossless fallback when no part could be named.
      const shown = named.length > 0 ? named : conclusion.parts.map(paragraph);
      if (shown.length > 0) parts.push(`<h3>${escapeHtml(zh('conclusion'))}</h3>`, ...shown);
    }
  }
  if (placements.length > 0) parts.push(`<h2>${escapeHtml(zh('taxonomy'))}</h2>`, list(placements.map((placement) => placement.path.join(' › '))));
  parts.push(`<p><em>${escapeHtml(provenanceLine(digest))}</em></p>`);
  return `<div data-schema-version="9">${parts.join('')}</div>`;
}

/** Where the note's text came from: each digest that mentioned the paper, or the import it came with. */
export function provenanceLine(digest: ZoteroPaper['digest']): string {
  const sources = (digest?.provenance ?? []).map((source) => {
    const date = source.digestDate ?? (source.dateRange ? `${source.dateRange.start}–${source.dateRange.end}` : null);
    return [`${source.sourceFile}:${source.line}`, date, source.version ? `arXiv v${source.version}` : null].filter(Boolean).join(', ');
  });
  const imported = digest?.imported ? [`imported from ${digest.imported.file} on ${new Date(digest.imported.importedAt).toISOString().slice(0, 10)}`] : [];
  const from = [...sources, ...imported];
  return `${zh('provenance')} · Provenance: arXiv Digest Companion${from.length > 0 ? `, from ${from.join('; ')}` : ', from the taxonomy only'}. The digest is machine-generated.`;
}

function list(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// Quotes matter only inside attributes, and the one attribute written (href) is double-quoted.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
}
