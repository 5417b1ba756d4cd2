import { READING_STATUSES, type ReadingListEntry, type ReadingStatus } from './reading-list-entry';

const HEADINGS: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', done: 'Done' };

// Past this many authors a line stops being readable; the first few say which paper it is.
const MAX_AUTHORS = 5;
const SHOWN_WHEN_MORE = 3;

/**
 * Writes the reading list as Markdown to read or paste into notes: one section per status (To
 * read, Reading, Done; empty ones left out), each paper a line
 * `- [Title](url) — authors · arXiv:<id> · tags: …` with its note as a blockquote under it.
 * Every piece of text is escaped, so a title or a note from an imported file can add no link,
 * image, HTML or formatting of its own; only http(s) URLs become links.
 *
 * @param entries Entries in the order they are to appear within each section.
 * @returns The Markdown text, ending in a newline.
 */
export function toMarkdown(entries: readonly ReadingListEntry[]): string {
  const lines = ['# Reading list'];
  for (const status of READING_STATUSES) {
    const group = entries.filter((entry) => entry.status === status);
    if (group.length === 0) continue;
    lines.push('', `## ${HEADINGS[status]} (${group.length})`, '');
    for (const entry of group) lines.push(...item(entry));
  }
  if (entries.length === 0) lines.push('', 'No saved papers.');
  return `${lines.join('\n')}\n`;
}

function item(entry: ReadingListEntry): string[] {
  const title = escapeMarkdown(oneLine(entry.title));
  const url = linkUrl(entry.arxivId ? `https://arxiv.org/abs/${entry.arxivId}` : entry.url);
  const authors = entry.authors.map(oneLine).filter((name) => name !== '');
  const shown = authors.length > MAX_AUTHORS ? [...authors.slice(0, SHOWN_WHEN_MORE), 'et al.'] : authors;
  const details = [
    shown.map(escapeMarkdown).join(', '),
    entry.arxivId ? `arXiv:${escapeMarkdown(entry.arxivId)}` : '',
    entry.tags.length > 0 ? `tags: ${entry.tags.map((tag) => escapeMarkdown(oneLine(tag))).join(', ')}` : '',
  ].filter((part) => part !== '');
  const head = `- ${url ? `[${title}](${url})` : escapeLineStart(title)}${details.length > 0 ? ` — ${details.join(' · ')}` : ''}`;
  const note = entry.note.trim();
  // Indented two spaces, the quote belongs to the list item rather than ending the list.
  const quote = note === '' ? [] : note.split(/\r\n?|\n/).map((line) => (line.trim() === '' ? '  >' : `  > ${escapeLineStart(escapeMarkdown(line.trim()))}`));
  return [head, ...quote];
}

/**
 * Backslash-escapes what Markdown (CommonMark and GitHub's) would read as syntax within a line:
 * links and images (`[ ]`), emphasis (`* _ ~`), code (`` ` ``), HTML and autolinks (`< >`),
 * entities (`&`), headings (`#`) and table cells (`|`).
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&#|~!]/g, '\\$&');
}

/** Escapes, in already escaped text that begins a line, a list marker that would begin a nested list. */
function escapeLineStart(escaped: string): string {
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

/**
 * A URL fit for a link destination, or null: only http(s), since `javascript:` and `data:` are
 * valid URLs too, with whatever would end the destination or the link percent-encoded.
 */
function linkUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  // encodeURIComponent leaves `(` and `)` alone, so ASCII is encoded by hand.
  return url.replace(/[\s()<>[\]\\`\p{Cc}]/gu, (c) => (c < '\x80' ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c)));
}
