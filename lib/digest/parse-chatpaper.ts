/**
 * Parser for the ChatPaper ("ChatPaperFree", Gemini-generated) notes block of a
 * daily digest entry.
 *
 * The block is markdown rendered to HTML from free-form LLM output, so its
 * shape drifts from entry to entry (see `test/lib/digest/parse-chatpaper.test.ts`
 * for the catalogue). Instead of matching layouts we flatten the markup to
 * logical text lines (block tags and newlines both end a line) and run a small
 * state machine driven by the section LABELS, which are the one stable thing:
 *
 *   title → authors → affiliation → keywords → urls → summary → method → conclusion
 *
 * Numbered parts `(1)` `（1）：` may sit in `<p>`s inside the `<li>`, after
 * `</ol>`, inside `<pre><code>`, or inline on one line; they are handled the
 * same way because they are detected on the flattened text.
 */
import { excerpt } from '../source-format-error';
import { WarningSink } from './errors';
import { parseArxivLink } from '../arxiv';
import { tokenizeHtml, type HtmlToken } from './html-tokens';
import { cleanList, foldWhitespace } from './text';
import type { ChatPaperConclusion, ChatPaperNotes, ChatPaperUrls, DigestWarning } from './types';

/** A line of text recovered from markup, with its source line. */
export interface LogicalLine {
  /** Trimmed text, tags removed, entities decoded. */
  text: string;
  /** 1-based source line of the first character. */
  line: number;
}

// Tags that start/end a line of text. Everything else (strong, em, code, a, …)
// is inline and simply disappears, keeping its text.
const BLOCK_TAGS = new Set([
  'p', 'li', 'ol', 'ul', 'pre', 'br', 'hr', 'div', 'details', 'summary', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'dl', 'dt', 'dd',
]);

/**
 * Turns a token stream into logical lines. `<li>` inside `<ul>` gets a `- `
 * prefix so bullet lists stay recognisable as lists in the extracted text.
 * @param tokens output of {@link tokenizeHtml}
 */
export function flattenHtml(tokens: readonly HtmlToken[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  const lists: string[] = [];
  let buf = '';
  let bufLine = -1;
  let prefix = '';

  const flush = (): void => {
    const text = buf.trim();
    if (text !== '') out.push({ text, line: bufLine });
    buf = '';
    bufLine = -1;
  };
  const append = (segment: string, line: number): void => {
    if (segment.trim() === '') {
      buf += segment;
      return;
    }
    if (bufLine === -1) {
      bufLine = line;
      buf = prefix + segment.trimStart();
      prefix = '';
      return;
    }
    buf += segment;
  };

  for (const tok of tokens) {
    if (tok.type === 'text') {
      const segments = tok.text.split('\n');
      segments.forEach((segment, i) => {
        if (i > 0) flush();
        append(segment, tok.line + i);
      });
      continue;
    }
    if (!BLOCK_TAGS.has(tok.name)) continue;
    flush();
    if (tok.type === 'open') {
      if (tok.name === 'ol' || tok.name === 'ul') lists.push(tok.name);
      if (tok.name === 'li') prefix = lists[lists.length - 1] === 'ul' ? '- ' : '';
    } else if (tok.name === 'ol' || tok.name === 'ul') {
      lists.pop();
    }
  }
  flush();
  return out;
}

type SectionKey = 'title' | 'authors' | 'affiliation' | 'keywords' | 'urls' | 'summary' | 'method' | 'conclusion';
type NumberedKey = 'summary' | 'method' | 'conclusion';

// Label spellings seen in the sources (plus obvious siblings). Keys are
// lower-cased with spaces removed. `总结` is ambiguous: it names the summary in
// some prompts and the conclusion in others, so it is resolved by position.
const LABELS: Readonly<Record<string, SectionKey | 'summary-or-conclusion'>> = {
  title: 'title', 标题: 'title', 论文标题: 'title', 题目: 'title', 中文标题: 'title', 论文题目: 'title',
  authors: 'authors', author: 'authors', 作者: 'authors', 作者列表: 'authors',
  affiliation: 'affiliation', affiliations: 'affiliation', 单位: 'affiliation', 作者单位: 'affiliation',
  第一作者单位: 'affiliation', 第一作者所属单位: 'affiliation', 第一作者机构: 'affiliation',
  隶属单位: 'affiliation', 所属单位: 'affiliation', 隶属: 'affiliation', 所属机构: 'affiliation',
  机构: 'affiliation', 隶属机构: 'affiliation',
  keywords: 'keywords', keyword: 'keywords', 关键词: 'keywords', 关键字: 'keywords',
  urls: 'urls', url: 'urls', links: 'urls', link: 'urls', 链接: 'urls', 论文链接: 'urls', 论文地址: 'urls',
  summary: 'summary', 摘要: 'summary', 总结: 'summary-or-conclusion',
  methods: 'method', method: 'method', methodology: 'method', 方法: 'method', 方法论: 'method',
  conclusion: 'conclusion', conclusions: 'conclusion', 结论: 'conclusion',
};

const SECTION_NAMES: Readonly<Record<SectionKey, string>> = {
  title: 'title', authors: 'authors', affiliation: 'affiliation', keywords: 'keywords',
  urls: 'urls', summary: 'summary', method: 'method', conclusion: 'conclusion',
};

// Optional list number (`8. 结论：`, `7.方法：`), a short label, then a colon
// (ASCII or full-width) and the value; or the label alone on its line.
const HEADER = /^(?:\d{1,2}\s*[.．、]\s*)?([^:：]{1,24}?)\s*(?:[:：]\s*([\s\S]*))?$/;
const LEADING_NUMBER = /^[(（]\s*(\d{1,2})\s*[)）]\s*[:：]?\s*/;
const GENERATOR_ERROR = /^Some Error for\b/i;
// `Something：value` — a label we do not know. Only consulted inside
// single-value sections, where it means the previous section has ended.
const UNKNOWN_LABEL = /^[^\s:：,，、;；()（）]{1,12}\s*[:：]/;
const LIST_MARKER = /^(?:[-*+•]|\d+[.)]|[(（](?:[a-z]|\d{1,2})[)）])\s*/i;

interface Part {
  num: number;
  lines: LogicalLine[];
}

interface SectionState {
  line: number;
  lines: LogicalLine[];
  preamble: LogicalLine[];
  parts: Part[];
  lastNum: number;
}

function isNumbered(key: SectionKey): key is NumberedKey {
  return key === 'summary' || key === 'method' || key === 'conclusion';
}

function matchHeader(text: string, seen: ReadonlySet<SectionKey>): { key: SectionKey; label: string; rest: string } | null {
  const m = HEADER.exec(text);
  if (!m) return null;
  const label = (m[1] ?? '').trim();
  const entry = LABELS[label.toLowerCase().replace(/\s+/g, '')];
  if (entry === undefined) return null;
  // `总结` opens the summary only while no body section has started; after
  // that it can only be the conclusion (or an echo of it).
  const bodyStarted = seen.has('summary') || seen.has('method') || seen.has('conclusion');
  const key: SectionKey = entry === 'summary-or-conclusion' ? (bodyStarted ? 'conclusion' : 'summary') : entry;
  return { key, label, rest: (m[2] ?? '').trim() };
}

/**
 * Joins the lines of one part. A short label line ending in a colon
 * (`意义：`, `研究背景：`) is glued to the text it introduces; other lines keep
 * their breaks so bullet lists survive.
 */
function isLabelLine(text: string): boolean {
  return text.length <= 24 && /[:：]$/.test(text);
}

function joinLines(lines: readonly LogicalLine[]): string {
  let out = '';
  let glue = false;
  for (const { text } of lines) {
    if (out === '') out = text;
    else out += (glue && !LIST_MARKER.test(text) && !isLabelLine(text) ? '' : '\n') + text;
    glue = isLabelLine(text);
  }
  return out.trim();
}

function splitAuthors(text: string): string[] {
  return cleanList(text.split(/[,，、;；]|\s+and\s+|\s+&\s+/));
}

function splitKeywords(text: string): string[] {
  return cleanList(text.split(/[,，、;；·]/));
}

const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'*+=%]+/g;

/**
 * Extracts paper / GitHub links from a ChatPaper URLs line. `Github:None`,
 * `Github 链接：无` and a missing GitHub URL all mean "no repository" (`null`).
 * @param raw the URLs text as written
 */
export function parseChatPaperUrls(raw: string): ChatPaperUrls {
  const all = (raw.match(URL) ?? []).map((u) => u.replace(/[.:;,]+$/, ''));
  const isGithub = (u: string): boolean => /^https?:\/\/(?:www\.)?github\.com\//i.test(u);
  const github = all.find(isGithub) ?? null;
  let paper = all.find((u) => !isGithub(u)) ?? null;
  if (paper === null) {
    const ref = /\barXiv:\s*([0-9]{4}\.[0-9]{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Za-z-]+)?\/\d{7}(?:v\d+)?)/i.exec(raw);
    if (ref) paper = `arXiv:${ref[1] ?? ''}`;
  }
  const paperArxivId = paper === null ? null : (parseArxivLink(paper)?.id ?? null);
  return { raw, paper, paperArxivId, github, all };
}

const CONCLUSION_LABEL =
  /(^|[\n；;。，,:：\s])[-*•]?\s*(创新点|创新性|Innovations?(?:\s*points?)?|性能|Performance|工作量|Workload)\s*[:：]/gi;

function conclusionField(label: string): 'innovation' | 'performance' | 'workload' {
  const l = label.toLowerCase();
  if (l.startsWith('创新') || l.startsWith('innovation')) return 'innovation';
  if (l === '性能' || l === 'performance') return 'performance';
  return 'workload';
}

function tidyValue(text: string): string | null {
  const t = text.replace(/^[\s；;，,]+|[\s；;，,]+$/g, '');
  return t === '' ? null : t;
}

/**
 * Splits conclusion parts into significance / innovation / performance /
 * workload. Part (1) is the significance; the three assessments are found by
 * their labels anywhere after it, whether inline (`创新点：…；性能：…`),
 * one per line, or as bullet lists under each label.
 * @param parts numbered conclusion parts, numbering removed
 */
export function structureConclusion(parts: readonly string[]): ChatPaperConclusion {
  const result: ChatPaperConclusion = {
    significance: null, innovation: null, performance: null, workload: null, parts: [...parts],
  };
  if (parts.length === 0) return result;
  const rest = parts.length > 1 ? parts.slice(1).join('\n') : (parts[0] ?? '');
  const hits = [...rest.matchAll(CONCLUSION_LABEL)];
  hits.forEach((hit, i) => {
    const start = (hit.index ?? 0) + hit[0].length;
    const next = hits[i + 1];
    const end = next === undefined ? rest.length : (next.index ?? rest.length) + (next[1] ?? '').length;
    const value = tidyValue(rest.slice(start, end));
    const field = conclusionField(hit[2] ?? '');
    if (value !== null) result[field] = result[field] === null ? value : `${result[field]}\n${value}`;
  });
  if (parts.length > 1) result.significance = tidyValue(parts[0] ?? '');
  else {
    const first = hits[0];
    result.significance = tidyValue(first === undefined ? rest : rest.slice(0, (first.index ?? 0) + (first[1] ?? '').length));
  }
  return result;
}

/**
 * Parses a ChatPaper block given as tokens. Returns `null` when the block has
 * no recognisable section at all (a warning says how much text that was).
 * @param tokens tokens of the block (everything before `<details>`)
 * @param sink warning collector
 * @param blockLine line used for warnings when the block has no text
 */
export function parseChatPaperTokens(tokens: readonly HtmlToken[], sink: WarningSink, blockLine: number): ChatPaperNotes | null {
  const lines = flattenHtml(tokens);
  const seen = new Set<SectionKey>();
  const sections = new Map<SectionKey, SectionState>();
  const generatorErrors: string[] = [];
  const stray: LogicalLine[] = [];
  let current: SectionState | null = null;
  let currentKey: SectionKey | null = null;
  let stoppedAt: { line: number; reason: string } | null = null;
  let remaining = 0;

  let numberingWarned = false;
  // Returns false only when a single-value section meets an unknown label.
  const addContent = (text: string, line: number): boolean => {
    if (current === null || currentKey === null) return true;
    if (!isNumbered(currentKey)) {
      if (current.lines.length > 0 && currentKey !== 'urls' && UNKNOWN_LABEL.test(text)) return false;
      if (text !== '') current.lines.push({ text, line });
      return true;
    }
    const sec = current;
    let rest = text;
    const lead = LEADING_NUMBER.exec(rest);
    if (lead) {
      const num = Number(lead[1]);
      if (num > sec.lastNum) {
        sec.parts.push({ num, lines: [] });
        sec.lastNum = num;
        rest = rest.slice(lead[0].length);
        // Inline continuation `(1) A；(2) B；(3) C` is only trusted on a line
        // that itself starts a part, and only if the line does not re-use an
        // earlier number (then the numbers are an enumeration inside prose).
        const earlier = new RegExp(`[(（]\\s*(?:${Array.from({ length: sec.lastNum }, (_, k) => k + 1).join('|')})\\s*[)）]`);
        if (!earlier.test(rest)) {
          for (;;) {
            const nextNum = sec.lastNum + 1;
            const inline = new RegExp(`(^|[\\s；;。.，,:：])[(（]\\s*${nextNum}\\s*[)）]\\s*[:：]?\\s*`).exec(rest);
            if (!inline) break;
            const head = rest.slice(0, inline.index + (inline[1] ?? '').length).trim();
            if (head !== '') sec.parts[sec.parts.length - 1]?.lines.push({ text: head, line });
            sec.parts.push({ num: nextNum, lines: [] });
            sec.lastNum = nextNum;
            rest = rest.slice(inline.index + inline[0].length);
          }
        }
      } else if (!numberingWarned) {
        // A restarted number is usually a sub-list inside a part; keep it as text.
        numberingWarned = true;
        sink.warn(line, 'chatpaper-numbering', `ChatPaper ${SECTION_NAMES[currentKey]} numbering goes back to (${num}) after (${sec.lastNum}); kept as text of part (${sec.lastNum})`);
      }
    }
    const tail = rest.trim();
    if (tail !== '') {
      const part = sec.parts[sec.parts.length - 1];
      (part === undefined ? sec.preamble : part.lines).push({ text: tail, line });
    }
    return true;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as LogicalLine;
    if (GENERATOR_ERROR.test(l.text)) {
      generatorErrors.push(l.text);
      current = null;
      currentKey = null;
      continue;
    }
    const header = matchHeader(l.text, seen);
    if (header !== null) {
      if (seen.has(header.key)) {
        stoppedAt = { line: l.line, reason: `repeats the ${SECTION_NAMES[header.key]} label "${header.label}"` };
        remaining = lines.length - i;
        break;
      }
      seen.add(header.key);
      current = { line: l.line, lines: [], preamble: [], parts: [], lastNum: 0 };
      currentKey = header.key;
      sections.set(header.key, current);
      if (header.rest !== '') addContent(header.rest, l.line);
      continue;
    }
    if (current === null) {
      stray.push(l);
      continue;
    }
    if (!addContent(l.text, l.line)) {
      sink.warn(l.line, 'chatpaper-unknown-label', `ChatPaper label ${JSON.stringify(excerpt(l.text, 20))} not recognised; its text is not filed under ${SECTION_NAMES[currentKey ?? 'title']}`);
      current = null;
      currentKey = null;
      stray.push(l);
    }
  }

  if (stoppedAt !== null) {
    sink.warn(
      stoppedAt.line,
      'chatpaper-trailing-text',
      `ChatPaper block ${stoppedAt.reason} (looks like echoed prompt text); ignored ${remaining} line(s) from here`,
    );
  }
  const firstStray = stray[0];
  if (firstStray !== undefined) {
    sink.warn(
      firstStray.line,
      seen.size === 0 ? 'chatpaper-unrecognised' : 'chatpaper-stray-text',
      `ChatPaper block: ${stray.length} line(s) not under a recognised label (expected Title/标题, Authors/作者, ` +
        `Affiliation/单位, Keywords/关键词, Urls/论文链接, Summary/摘要, 方法, 结论), first: ${JSON.stringify(excerpt(firstStray.text))}`,
    );
  }
  if (seen.size === 0 && generatorErrors.length === 0) {
    if (lines.length === 0) sink.warn(blockLine, 'chatpaper-empty', 'ChatPaper block is empty');
    return null;
  }

  const textOf = (key: SectionKey): string | null => {
    const sec = sections.get(key);
    if (sec === undefined) return null;
    const t = foldWhitespace(sec.lines.map((l) => l.text).join(' '));
    return t === '' ? null : t;
  };
  const partsOf = (key: NumberedKey): string[] => {
    const sec = sections.get(key);
    if (sec === undefined) return [];
    const parts = sec.parts.map((p) => joinLines(p.lines));
    const pre = joinLines(sec.preamble);
    // Text before (1) is kept by attaching it to the first part, never dropped.
    if (pre !== '') {
      if (parts.length === 0) parts.push(pre);
      else parts[0] = `${pre}\n${parts[0] ?? ''}`.trim();
    }
    return parts.filter((p) => p !== '');
  };
  const listOf = (key: SectionKey, split: (s: string) => string[]): string[] => {
    const sec = sections.get(key);
    return sec === undefined ? [] : sec.lines.flatMap((l) => split(l.text));
  };

  const urlsText = sections.get('urls')?.lines.map((l) => l.text).join('\n') ?? null;
  const firstLine = lines[0]?.line ?? blockLine;
  return {
    titleZh: textOf('title'),
    authors: listOf('authors', splitAuthors),
    affiliation: textOf('affiliation'),
    keywords: listOf('keywords', splitKeywords),
    urls: urlsText === null ? null : parseChatPaperUrls(urlsText),
    summary: partsOf('summary'),
    method: partsOf('method'),
    conclusion: sections.has('conclusion') ? structureConclusion(partsOf('conclusion')) : null,
    generatorErrors,
    line: firstLine,
  };
}

/**
 * Parses a ChatPaper block from its markup (convenience wrapper for tests and
 * tools; the daily parser calls {@link parseChatPaperTokens} directly).
 * @param fragment the block's HTML
 * @param sourceFile file name for warnings
 * @param firstLine source line of the fragment's first character
 */
export function parseChatPaperBlock(
  fragment: string,
  sourceFile: string,
  firstLine = 1,
): { notes: ChatPaperNotes | null; warnings: DigestWarning[] } {
  const sink = new WarningSink(sourceFile);
  const notes = parseChatPaperTokens(tokenizeHtml(fragment, firstLine), sink, firstLine);
  return { notes, warnings: sink.items };
}
