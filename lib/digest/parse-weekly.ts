/**
 * Parser for weekly overviews:
 *
 * ```text
 * # 2024-03-02--2024-03-05 生成式论文概览
 * ## <title, hard-wrapped with space runs>
 *   * 2024-03-02
 *   * <abstract>
 *  * link:[http://arxiv.org/abs/<id>v<N>](http://arxiv.org/abs/<id>v<N>)
 * ```
 *
 * Bullets are recognised by content (date / `link:` / anything else is
 * abstract), not by position or indentation, which varies by one space.
 */
import { parseArxivLink } from '../arxiv';
import { excerpt } from '../source-format-error';
import { DigestFormatError, WarningSink } from './errors';
import { foldWhitespace, isIsoDate, splitLines } from './text';
import type { DateRange, DigestEntry, DigestParseResult } from './types';

/** `# <start>--<end> <title>`; `~`, en/em dash and `to` also accepted as separators. */
export const WEEKLY_HEADER = /^#\s+(\d{4}-\d{2}-\d{2})\s*(?:--|~|–|—|\bto\b)\s*(\d{4}-\d{2}-\d{2})\s*(.*)$/;
const ENTRY_HEADING = /^##\s+(.*)$/;
const BULLET = /^\s*[*-]\s+(.*)$/;
const LINK = /^link\s*[:：]\s*(?:\[([^\]]*)\]\(([^)\s]*)\)|(\S+))/i;

function inRange(date: string, range: DateRange): boolean {
  return date >= range.start && date <= range.end;
}

/**
 * Parses a weekly overview.
 * @param text whole document
 * @param sourceFile file name recorded in provenance, warnings and errors
 * @throws DigestFormatError when the document has no `## ` entry at all
 */
export function parseWeeklyOverview(text: string, sourceFile: string): DigestParseResult {
  const lines = splitLines(text);
  const sink = new WarningSink(sourceFile);

  let dateRange: DateRange | null = null;
  let title: string | null = null;
  let firstContent = 0;
  while (firstContent < lines.length && (lines[firstContent] ?? '').trim() === '') firstContent++;
  const headerText = lines[firstContent] ?? '';
  const header = WEEKLY_HEADER.exec(headerText.trim());
  if (header) {
    const [start, end] = [header[1] ?? '', header[2] ?? ''];
    if (isIsoDate(start) && isIsoDate(end) && start <= end) dateRange = { start, end };
    else sink.warn(firstContent + 1, 'bad-date-range', `expected a valid '<start>--<end>' date range, found ${JSON.stringify(excerpt(headerText))}`);
    title = foldWhitespace(header[3] ?? '') || null;
  } else {
    sink.warn(
      firstContent + 1,
      'missing-header',
      `expected a '# YYYY-MM-DD--YYYY-MM-DD <title>' header, found ${JSON.stringify(excerpt(headerText))}`,
    );
  }

  const headings: number[] = [];
  for (let i = 0; i < lines.length; i++) if (ENTRY_HEADING.test(lines[i] ?? '')) headings.push(i);
  if (headings.length === 0) {
    throw new DigestFormatError(sourceFile, Math.max(lines.length, 1), "at least one '## <paper title>' entry in the weekly overview");
  }
  for (let i = (header ? firstContent + 1 : firstContent); i < (headings[0] ?? 0); i++) {
    const t = (lines[i] ?? '').trim();
    if (t !== '') {
      sink.warn(i + 1, 'stray-text', `text before the first entry ignored: ${JSON.stringify(excerpt(t))}`);
      break;
    }
  }

  const entries: DigestEntry[] = [];
  const seenIds = new Map<string, number>();
  headings.forEach((start, k) => {
    const end = headings[k + 1] ?? lines.length;
    const headingLine = start + 1;
    const entryTitle = foldWhitespace(ENTRY_HEADING.exec(lines[start] ?? '')?.[1] ?? '');
    if (entryTitle === '') sink.warn(headingLine, 'missing-title', "expected a paper title after '## '");

    let date: string | null = null;
    let link: { href: string; line: number } | null = null;
    const abstract: string[] = [];
    let lastWasAbstract = false;
    for (let i = start + 1; i < end; i++) {
      const raw = lines[i] ?? '';
      if (raw.trim() === '') continue;
      const bullet = BULLET.exec(raw);
      if (!bullet) {
        if (lastWasAbstract) abstract[abstract.length - 1] += `\n${raw.trim()}`;
        else {
          abstract.push(raw.trim());
          lastWasAbstract = true;
        }
        continue;
      }
      const body = (bullet[1] ?? '').trim();
      const l = LINK.exec(body);
      if (l) {
        if (link !== null) sink.warn(i + 1, 'duplicate-link', `second link in entry ignored: ${JSON.stringify(excerpt(body))}`);
        else link = { href: l[2] ?? l[3] ?? l[1] ?? '', line: i + 1 };
        lastWasAbstract = false;
      } else if (date === null && abstract.length === 0 && isIsoDate(body)) {
        date = body;
        lastWasAbstract = false;
      } else {
        abstract.push(body);
        lastWasAbstract = true;
      }
    }

    if (link === null) {
      sink.warn(headingLine, 'missing-link', `entry "${excerpt(entryTitle)}" skipped: expected a ' * link:[http://arxiv.org/abs/<id>v<N>](…)' bullet before line ${end + 1}`);
      return;
    }
    const ref = parseArxivLink(link.href);
    if (ref === null) {
      sink.warn(link.line, 'bad-arxiv-link', `entry "${excerpt(entryTitle)}" skipped: expected an arXiv abs/pdf link, found ${JSON.stringify(excerpt(link.href))}`);
      return;
    }
    if (date === null) sink.warn(headingLine, 'missing-date', "expected a '  * YYYY-MM-DD' date bullet");
    else if (dateRange !== null && !inRange(date, dateRange)) {
      sink.warn(headingLine, 'date-out-of-range', `entry date ${date} is outside the header range ${dateRange.start}--${dateRange.end}`);
    }
    const abstractText = abstract.join('\n\n').trim();
    if (abstractText === '') sink.warn(headingLine, 'missing-abstract', "expected an '  * <abstract>' bullet");

    const prev = seenIds.get(ref.id);
    if (prev !== undefined) sink.warn(headingLine, 'duplicate-id', `arXiv ${ref.id} already appeared at line ${prev}; both kept (use mergeDigestEntries)`);
    else seenIds.set(ref.id, headingLine);

    entries.push({
      arxivId: ref.id,
      version: ref.version,
      versions: ref.version === null ? [] : [ref.version],
      title: entryTitle,
      authors: [],
      abstract: abstractText,
      venue: null,
      summaryZh: null,
      takeaways: [],
      chatPaper: null,
      screenshots: [],
      provenance: [{ sourceFile, kind: 'weekly', digestDate: date, dateRange, line: headingLine, version: ref.version }],
    });
  });

  return { kind: 'weekly', date: null, dateRange, title, sourceFile, entries, warnings: sink.items };
}
