/**
 * Parser for daily digests: Hexo blog posts with a `---` frontmatter block and
 * one `## <title>` section per paper:
 *
 * ```text
 * ## <title>
 * **Authors:A, B, C**
 * <abstract paragraph>
 * [PDF](http://arxiv.org/abs/<id>v<N>) <optional arXiv comment>
 * **Summary**            (or **Summary:** / **摘要**)
 * <one Chinese line>
 * **Key Takeaways**      (or **Key Takeaways:** / **关键要点** / **要点**)
 * - … / * …
 * **[ChatPaperFree](…)**
 * <ol><li><p>Title: …      ChatPaper notes, see parse-chatpaper.ts
 * <details>…<img src=…>…</details>
 * ```
 *
 * The markdown part is handled line by line; the HTML tail is tokenised once
 * and split into the ChatPaper block and the screenshot `<details>`.
 */
import { parseArxivLink } from '../arxiv';
import { excerpt } from '../source-format-error';
import { DigestFormatError, WarningSink } from './errors';
import { tokenizeHtml, type HtmlToken } from './html-tokens';
import { parseChatPaperTokens } from './parse-chatpaper';
import { foldWhitespace, isIsoDate, splitLines } from './text';
import type { ChatPaperNotes, DigestEntry, DigestParseResult } from './types';

/** Parsed `---` frontmatter: raw string values by key, plus where it ended. */
export interface Frontmatter {
  /** Key → raw value (trimmed); nested YAML lists are not interpreted. */
  fields: Record<string, string>;
  /** 1-based line of the opening `---`. */
  startLine: number;
  /** 1-based line of the closing `---`. */
  endLine: number;
}

/**
 * Reads a Hexo-style frontmatter block if the document starts with one
 * (leading blank lines allowed, as in the sources).
 * @param lines document lines
 * @param file file name for errors
 * @returns the frontmatter, or `null` if the document has none
 * @throws DigestFormatError when the opening `---` is never closed
 */
export function readFrontmatter(lines: readonly string[], file: string): Frontmatter | null {
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  if (i >= lines.length || (lines[i] ?? '').trim() !== '---') return null;
  const start = i;
  const fields: Record<string, string> = {};
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j] ?? '';
    if (line.trim() === '---') return { fields, startLine: start + 1, endLine: j + 1 };
    const m = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
    if (m && !Object.prototype.hasOwnProperty.call(fields, m[1] ?? '')) fields[m[1] ?? ''] = (m[2] ?? '').trim();
  }
  throw new DigestFormatError(file, start + 1, "a closing '---' for the frontmatter opened here", lines[start] ?? '');
}

const ENTRY_HEADING = /^##\s+(.*)$/;
const AUTHORS_LINE = /^\*\*\s*(?:Authors?|作者)\s*[:：]\s*(.*?)\s*(?:\*\*)?\s*$/i;
const PDF_LINE = /^\s*\[PDF\]\(([^)\s]*)\)\s*(.*)$/i;
const BOLD_MARKER = /^\s*\*\*(.+?)\*\*\s*$/;

type MarkdownSection = 'summary' | 'takeaways' | 'chatpaper';

// Section markers by family: the generator words them freely (`**主要要点**`, `**关键点**`,
// `**概述**`), so each pattern is a stem with the prefixes and suffixes it takes.
const SUMMARY_MARKER = /^(?:summary|tl;?dr|(?:中文)?(?:摘要|总结|概要|概述|简介)|主要内容|内容(?:摘要|概要))$/;
const TAKEAWAYS_MARKER = /^(?:key\s*(?:takeaways?|points?|insights?)|takeaways?|(?:主要|关键|核心)?(?:要点|重点|见解|观点|关键点)(?:总结)?)$/;

function classifyMarker(label: string): MarkdownSection | null {
  const l = label.replace(/[:：\s]+$/, '').trim().toLowerCase();
  if (/chatpaper/.test(l)) return 'chatpaper';
  if (SUMMARY_MARKER.test(l)) return 'summary';
  if (TAKEAWAYS_MARKER.test(l)) return 'takeaways';
  return null;
}

/** True for text with nothing visible: whitespace and zero-width characters only. */
function isBlank(text: string): boolean {
  return /^[\s\u200b-\u200d\u2060\ufeff]*$/.test(text);
}

const BULLET = /^\s*(?:[-*+•]|\d{1,2}[.)])\s+(.*)$/;

function parseTakeaways(lines: readonly string[]): string[] {
  const items: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (isBlank(line) || /^[-*+•]$/.test(line)) continue;
    const bullet = BULLET.exec(raw);
    if (bullet) {
      const text = (bullet[1] ?? '').trim();
      if (text !== '') items.push(text);
    } else if (items.length > 0) {
      // Hard-wrapped continuation of the previous bullet.
      items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line}`;
    } else {
      items.push(line);
    }
  }
  return items;
}

function splitArxivAuthors(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+and\s+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** Where the HTML tail of an entry divides into ChatPaper notes and screenshots. */
interface HtmlTail {
  chatPaper: HtmlToken[];
  screenshots: string[];
  detailsSeen: boolean;
  detailsClosed: boolean;
  /** Line of the last `<details>` that was still open at the end, or -1. */
  openDetailsLine: number;
  trailing: HtmlToken[];
}

function splitHtmlTail(tokens: readonly HtmlToken[]): HtmlTail {
  const tail: HtmlTail = { chatPaper: [], screenshots: [], detailsSeen: false, detailsClosed: false, openDetailsLine: -1, trailing: [] };
  let depth = 0;
  let openedAt = -1;
  for (const tok of tokens) {
    if (tok.type === 'open' && tok.name === 'details') {
      if (depth === 0) openedAt = tok.line;
      depth++;
      tail.detailsSeen = true;
      continue;
    }
    if (tok.type === 'close' && tok.name === 'details') {
      if (depth > 0) depth--;
      if (depth === 0) tail.detailsClosed = true;
      continue;
    }
    if (tok.type === 'open' && tok.name === 'img') {
      // Screenshots normally live in <details>, but an <img> anywhere in the
      // tail is still a figure of this paper; keep it rather than lose it.
      const src = tok.attrs.src;
      // Only web addresses: a relative or protocol-less source would resolve against whatever page shows it.
      if (src !== undefined && /^https?:\/\/\S+$/.test(src.trim())) tail.screenshots.push(src.trim());
      continue;
    }
    if (depth > 0) continue;
    (tail.detailsSeen ? tail.trailing : tail.chatPaper).push(tok);
  }
  if (depth > 0) {
    tail.detailsClosed = false;
    tail.openDetailsLine = openedAt;
  }
  return tail;
}

/**
 * Parses one `## ` section. Returns `null` (after warning) when the entry has
 * no usable arXiv link, since the id is the entry's identity.
 */
function parseEntry(
  lines: readonly string[],
  start: number,
  end: number,
  file: string,
  digestDate: string | null,
  sink: WarningSink,
): DigestEntry | null {
  const headingLine = start + 1;
  const title = foldWhitespace(ENTRY_HEADING.exec(lines[start] ?? '')?.[1] ?? '');
  if (title === '') sink.warn(headingLine, 'missing-title', "expected a paper title after '## '");

  let authorsIdx = -1;
  let pdfIdx = -1;
  for (let i = start + 1; i < end; i++) {
    const line = lines[i] ?? '';
    if (pdfIdx === -1 && PDF_LINE.test(line)) {
      pdfIdx = i;
      break;
    }
    if (authorsIdx === -1 && AUTHORS_LINE.test(line)) authorsIdx = i;
  }

  if (pdfIdx === -1) {
    sink.warn(
      headingLine,
      'missing-pdf-link',
      `entry "${excerpt(title)}" skipped: expected a '[PDF](http://arxiv.org/abs/<id>v<N>)' line before line ${end + 1}`,
    );
    return null;
  }
  const pdf = PDF_LINE.exec(lines[pdfIdx] ?? '');
  const href = pdf?.[1] ?? '';
  const ref = parseArxivLink(href);
  if (ref === null) {
    sink.warn(pdfIdx + 1, 'bad-arxiv-link', `entry "${excerpt(title)}" skipped: expected an arXiv abs/pdf link, found ${JSON.stringify(excerpt(href))}`);
    return null;
  }
  const venue = foldWhitespace(pdf?.[2] ?? '');

  let authors: string[] = [];
  if (authorsIdx === -1) {
    sink.warn(headingLine, 'missing-authors', "expected an '**Authors:…**' line before the PDF link");
  } else {
    const authorLine = lines[authorsIdx] ?? '';
    if (!/\*\*\s*$/.test(authorLine)) {
      sink.warn(authorsIdx + 1, 'unterminated-authors', "authors line is missing its closing '**' (truncated?)");
    }
    authors = splitArxivAuthors(AUTHORS_LINE.exec(authorLine)?.[1] ?? '');
  }

  const abstractFrom = (authorsIdx === -1 ? start : authorsIdx) + 1;
  const paragraphs: string[] = [];
  for (let i = abstractFrom; i < pdfIdx; i++) {
    const t = (lines[i] ?? '').trim();
    if (t !== '') paragraphs.push(t);
  }
  const abstract = paragraphs.join('\n\n');
  if (abstract === '') sink.warn(headingLine, 'missing-abstract', 'expected an abstract paragraph before the PDF link');

  // Markdown sections after the PDF link, up to the first HTML line.
  const bodies: Record<MarkdownSection, string[] | null> = { summary: null, takeaways: null, chatpaper: null };
  let section: MarkdownSection | 'unknown' | null = null;
  let htmlStart = end;
  for (let i = pdfIdx + 1; i < end; i++) {
    const line = lines[i] ?? '';
    const marker = BOLD_MARKER.exec(line);
    if (marker) {
      let kind = classifyMarker(marker[1] ?? '');
      // `**摘要**` then `**主要内容**`: the second of two summary-like headings is the list of
      // takeaways that always follows the one-line summary.
      if (kind === 'summary' && bodies.summary !== null && bodies.takeaways === null) kind = 'takeaways';
      if (kind === 'chatpaper') {
        bodies.chatpaper = [];
        htmlStart = i + 1;
        break;
      }
      if (kind === null) {
        sink.warn(i + 1, 'unknown-section', `unrecognised section ${JSON.stringify(excerpt(line))} ignored (expected **Summary**, **Key Takeaways** or **[ChatPaperFree](…)**)`);
        section = 'unknown';
      } else {
        if (bodies[kind] !== null) sink.warn(i + 1, 'duplicate-section', `second ${JSON.stringify(line.trim())} section; its lines are appended to the first`);
        bodies[kind] ??= [];
        section = kind;
      }
      continue;
    }
    if (line.trimStart().startsWith('<')) {
      htmlStart = i;
      break;
    }
    if (section === 'summary' || section === 'takeaways') bodies[section]?.push(line);
    else if (!isBlank(line) && section === null) {
      sink.warn(i + 1, 'stray-text', `text after the PDF link outside any section ignored: ${JSON.stringify(excerpt(line))}`);
    }
  }

  const summaryText = (bodies.summary ?? []).map((l) => l.trim()).filter((l) => !isBlank(l)).join('\n');
  const summaryZh = summaryText === '' ? null : summaryText;
  const takeaways = parseTakeaways(bodies.takeaways ?? []);
  if (summaryZh === null) sink.warn(headingLine, 'missing-summary', "expected a '**Summary**' section with one line of text");
  if (bodies.takeaways === null) sink.warn(headingLine, 'missing-takeaways', "expected a '**Key Takeaways**' list");

  const htmlText = lines.slice(htmlStart, end).join('\n');
  const tail = splitHtmlTail(tokenizeHtml(htmlText, htmlStart + 1));
  const hasChatPaperText = tail.chatPaper.some((t) => t.type !== 'text' || t.text.trim() !== '');
  let chatPaper: ChatPaperNotes | null = null;
  if (hasChatPaperText) chatPaper = parseChatPaperTokens(tail.chatPaper, sink, htmlStart + 1);
  else if (bodies.chatpaper !== null) sink.warn(htmlStart, 'chatpaper-empty', 'ChatPaper heading is not followed by any notes');
  if (!hasChatPaperText && bodies.chatpaper === null) sink.warn(headingLine, 'missing-chatpaper', "expected a '**[ChatPaperFree](…)**' notes block");

  if (!tail.detailsSeen) sink.warn(headingLine, 'missing-screenshots', "expected a '<details>' block with screenshots");
  else if (!tail.detailsClosed) {
    sink.warn(tail.openDetailsLine, 'unclosed-details', `expected '</details>' for the screenshots block before line ${end + 1} (truncated?)`);
  }
  // A zero-width space left on a line after `</details>` is nothing a reader could see.
  const trailingText = tail.trailing.filter((t) => t.type === 'text' && !isBlank(t.text));
  const firstTrailing = trailingText[0];
  if (firstTrailing !== undefined && firstTrailing.type === 'text') {
    sink.warn(firstTrailing.line, 'stray-text', `text after the screenshots ignored: ${JSON.stringify(excerpt(firstTrailing.text))}`);
  }

  return {
    arxivId: ref.id,
    version: ref.version,
    versions: ref.version === null ? [] : [ref.version],
    title,
    authors,
    abstract,
    venue: venue === '' ? null : venue,
    summaryZh,
    takeaways,
    chatPaper,
    screenshots: tail.screenshots,
    provenance: [{ sourceFile: file, kind: 'daily', digestDate, dateRange: null, line: headingLine, version: ref.version }],
  };
}

/**
 * Parses a daily digest.
 *
 * Entry-level problems (missing PDF link, missing sections, truncated
 * markup) become warnings naming the line; only document-level problems throw.
 * @param text whole document (the REPAIRED text for mojibake sources)
 * @param sourceFile file name recorded in provenance, warnings and errors
 * @throws DigestFormatError for unterminated frontmatter or a document without any `## ` entry
 */
export function parseDailyDigest(text: string, sourceFile: string): DigestParseResult {
  const lines = splitLines(text);
  const sink = new WarningSink(sourceFile);
  const fm = readFrontmatter(lines, sourceFile);

  let date: string | null = null;
  const rawDate = fm?.fields.date;
  if (fm === null) sink.warn(1, 'missing-frontmatter', "expected a '---' frontmatter block with 'date:'");
  else if (rawDate === undefined || rawDate === '') sink.warn(fm.startLine, 'missing-date', "expected a 'date:' field in the frontmatter");
  else {
    const day = /^(\d{4}-\d{2}-\d{2})(?:[ T]|$)/.exec(rawDate)?.[1];
    if (day !== undefined && isIsoDate(day)) date = day;
    else sink.warn(fm.startLine, 'bad-date', `expected 'date: YYYY-MM-DD hh:mm:ss', found ${JSON.stringify(excerpt(rawDate))}`);
  }

  const bodyStart = fm === null ? 0 : fm.endLine;
  const headings: number[] = [];
  for (let i = bodyStart; i < lines.length; i++) {
    if (ENTRY_HEADING.test(lines[i] ?? '')) headings.push(i);
  }
  if (date === null) {
    // The `# 2024-04-25 更新` heading repeats the date; better than nothing.
    for (let i = bodyStart; i < (headings[0] ?? lines.length); i++) {
      const h = /^#\s+(\d{4}-\d{2}-\d{2})\b/.exec(lines[i] ?? '');
      if (h && isIsoDate(h[1] ?? '')) {
        date = h[1] ?? null;
        sink.warn(i + 1, 'date-from-heading', `digest date taken from the '# ${date}' heading`);
        break;
      }
    }
  }
  if (headings.length === 0) {
    throw new DigestFormatError(sourceFile, Math.max(lines.length, 1), "at least one '## <paper title>' entry in the daily digest");
  }

  const entries: DigestEntry[] = [];
  const seenIds = new Map<string, number>();
  headings.forEach((start, k) => {
    const end = headings[k + 1] ?? lines.length;
    const entry = parseEntry(lines, start, end, sourceFile, date, sink);
    if (entry === null) return;
    const prev = seenIds.get(entry.arxivId);
    if (prev !== undefined) {
      // The corpus merges the two into one paper, so the reader loses nothing; said in words
      // because an editor of the file may want to drop the copy.
      sink.warn(start + 1, 'duplicate-id', `arXiv ${entry.arxivId} is listed twice in this digest (also at line ${prev}); both are combined into one paper`);
    } else seenIds.set(entry.arxivId, start + 1);
    entries.push(entry);
  });

  return {
    kind: 'daily',
    date,
    dateRange: null,
    title: fm?.fields.title?.trim() || null,
    sourceFile,
    entries,
    warnings: sink.items,
  };
}
