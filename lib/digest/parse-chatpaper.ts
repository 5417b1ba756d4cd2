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
type LabelKind = SectionKey | 'summary-or-conclusion' | 'translation';

// Label spellings → sections, as patterns over the label with spaces removed, lower-cased, and
// any trailing parenthetical (`作者所属机构（中文翻译）`, `关键词（英文）`) dropped. The generator
// words its labels freely, so each rule covers a family (a stem plus the suffixes it takes)
// rather than a list of strings. Order matters: affiliation before authors (`作者所属机构`).
// `总结` is ambiguous: it names the summary in some prompts and the conclusion in others, so it
// is resolved by position. `中文翻译` is the second half of a bilingual pair: it continues
// whichever single-value section it follows.
const LABEL_RULES: readonly (readonly [RegExp, LabelKind])[] = [
  [/^(?:(?:中文|英文)(?:翻译)?|带有中文翻译的)?(?:论文)?(?:标题|题目|title)(?:及翻译|翻译|\(?中文\)?)?$/, 'title'],
  [/^(?:第一)?(?:作者)?(?:单位|机构|隶属|所属|归属)|^(?:作者|第一作者)?(?:所属|隶属|归属)(?:单位|机构|关系)?|^affiliations?$|^(?:作者)?(?:单位|机构|隶属关系)(?:信息)?$/, 'affiliation'],
  [/^(?:作者|authors?)(?:列表|名单|信息|姓名)?(?:及姓名)?$|^(?:英文|中文)名单$/, 'authors'],
  [/^(?:关键词|关键字|keywords?)$/, 'keywords'],
  [/^(?:urls?|links?|(?:论文|代码|项目(?:页面)?|github){0,2}(?:链接|网址|地址|连接)(?:与.{1,6})?|paperlinks?|github(?:codelink|link)?)$/, 'urls'],
  // `与…` joins a second word to the stem: `摘要与简介`, `链接与代码仓库`.
  [/^(?:内容)?(?:摘要|概述|概要|summary)(?:总结|内容|背景|与.{1,4})?$/, 'summary'],
  [/^总结(?:部分)?(?:回答)?$/, 'summary-or-conclusion'],
  [/^(?:方法|方法论|methods?|methodology|methodologies)(?:概述|部分|思想|论述|介绍)?$/, 'method'],
  [/^(?:结论|conclusions?)(?:部分)?$/, 'conclusion'],
  [/^(?:中文|英文)?翻译$/, 'translation'],
];

/**
 * Which section a label opens, or null for a label we do not know.
 * @param label the label as written, markup already removed
 */
export function classifyChatPaperLabel(label: string): LabelKind | null {
  const key = label
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(?:[(（][^()（）]*[)）])+$/, '');
  if (key === '') return null;
  for (const [pattern, kind] of LABEL_RULES) if (pattern.test(key)) return kind;
  return null;
}

const SECTION_NAMES: Readonly<Record<SectionKey, string>> = {
  title: 'title', authors: 'authors', affiliation: 'affiliation', keywords: 'keywords',
  urls: 'urls', summary: 'summary', method: 'method', conclusion: 'conclusion',
};

// Optional Markdown heading / bullet, optional list number (`8. 结论：`, `7.方法：`, `一、标题`),
// optional bold around the label (`**标题**：`, `**标题：**`), a short label, then a colon
// (ASCII or full-width) and the value; or the label alone on its line. A label never starts
// with a bracket: `(1) 研究背景：` is a numbered part, not a label.
const HEADER =
  /^(?:#{1,6}\s*)?(?:[-*+•]\s+)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、)）]\s*)?(?:\*\*|__)?\s*([^:：*_(（\s][^:：*]{0,29}?)\s*(?:\*\*|__)?\s*(?:[(（][^()（）]{0,20}[)）])?\s*(?:[:：]\s*(?:\*\*|__)?\s*([\s\S]*))?$/;
// A part number, possibly behind a bullet, a heading mark or bold: `(1)`, `- (2)`, `* **(3)`,
// `（一）` (Chinese numerals, which some generators use for the same parts).
const LEADING_NUMBER = /^(?:#{1,6}\s*)?(?:[-*+•]\s*)?(?:\*\*\s*)?[(（]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）]\s*(?:\*\*)?\s*[:：]?\s*/;
const CHINESE_DIGITS = '一二三四五六七八九';

/** `3`, `三` or `十二` as a number (NaN for anything else). */
function partNumber(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  const m = /^(十)?([一二三四五六七八九])?$|^([一二三四五六七八九])十([一二三四五六七八九])?$/.exec(written);
  if (!m || written === '') return Number.NaN;
  if (m[3] !== undefined) return 10 * (CHINESE_DIGITS.indexOf(m[3]) + 1) + (m[4] ? CHINESE_DIGITS.indexOf(m[4]) + 1 : 0);
  return (m[1] ? 10 : 0) + (m[2] ? CHINESE_DIGITS.indexOf(m[2]) + 1 : 0);
}

/** How a part number may be written: `12` or `十二`. */
function partNumberPattern(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const chinese = (tens === 0 ? '' : `${tens === 1 ? '' : CHINESE_DIGITS[tens - 1]}十`) + (units === 0 ? '' : CHINESE_DIGITS[units - 1]);
  return `${n}|${chinese}`;
}
const GENERATOR_ERROR = /^Some Error for\b/i;
// The model talking to whoever prompted it rather than about the paper: acknowledgements,
// offers to revise, caveats about what it could not read. Matched on the line's opening words
// so that a field merely mentioning "注意力" or "以下" is not caught.
const CHATTER =
  /^(?:[-*>\s]*)(?:好的[，,。！!]|好的$|sure[,!]|here\s+is\b|以下是(?:对|关于|针对|这篇|该|基于|论文|我|根据|按照|详细|您)|下面是(?:对|这篇|该|论文)|希望(?:以上|这些|这个|我的|对您)|如果(?:您|你)?(?:有任何|还有|需要|对)|如有(?:任何|其他|需要|疑问)|请注意|注意[:：]|注[:：]|[(（]注[:：]|(?:以上|上述)(?:回答|内容|总结|结论|信息|分析)|由于(?:无法|没有)(?:获取|访问|提供)|我(?:会|将)(?:按照|根据|为您)|根据您(?:提供|给出|的要求)|please\s+(?:refer|note|check))/i;
// `Something：value` — a label we do not know. Only consulted inside
// single-value sections, where it means the previous section has ended.
const UNKNOWN_LABEL = /^(?:\*\*)?[^\s:：,，、;；()（）*]{1,12}\s*(?:\*\*)?\s*[:：]/;
const LIST_MARKER = /^(?:[-*+•]|\d+[.)]|[(（](?:[a-z]|\d{1,2}|[一二三四五六七八九十]{1,2})[)）])\s*/i;
// An aside the generator put inside a value: `Alibaba Group （注：根据文中信息得出）`.
const INLINE_NOTE = /\s*[(（]\s*注\s*[:：][^()（）]*[)）]/g;
// Lines holding nothing a reader can see (a zero-width space left after `</details>`).
const INVISIBLE_ONLY = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

interface Part {
  num: number;
  lines: LogicalLine[];
}

interface SectionState {
  line: number;
  /** Single-value sections: the current variant's lines (the last of `variants`). */
  lines: LogicalLine[];
  /** One list of lines per label occurrence: `Title:` then `中文标题：` makes two. */
  variants: LogicalLine[][];
  preamble: LogicalLine[];
  parts: Part[];
  lastNum: number;
}

function isEmptySection(sec: SectionState): boolean {
  return sec.parts.length === 0 && sec.preamble.length === 0 && sec.variants.every((v) => v.length === 0);
}

function isNumbered(key: SectionKey): key is NumberedKey {
  return key === 'summary' || key === 'method' || key === 'conclusion';
}

interface Header {
  kind: LabelKind;
  label: string;
  rest: string;
}

function matchHeader(text: string): Header | null {
  const m = HEADER.exec(text);
  if (!m) return null;
  const label = (m[1] ?? '').trim();
  const kind = classifyChatPaperLabel(label);
  return kind === null ? null : { kind, label, rest: (m[2] ?? '').trim() };
}

// `总结` opens the summary only while no body section has started; after that it can only be
// the conclusion (or an echo of it).
function resolveKind(kind: Exclude<LabelKind, 'translation'>, seen: ReadonlySet<SectionKey>): SectionKey {
  if (kind !== 'summary-or-conclusion') return kind;
  return seen.has('summary') || seen.has('method') || seen.has('conclusion') ? 'conclusion' : 'summary';
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

// A stem may take a summing-up suffix: `性能总结：`, `工作量评价：`, `创新点分析：`.
const CONCLUSION_LABEL =
  /(^|[\n；;。，,:：\s])[-*•]?\s*(创新点|创新性|Innovations?(?:\s*points?)?|性能|Performance|工作量|Workload)(?:总结|评价|分析|方面)?\s*[:：]/gi;

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

/** Markdown emphasis the generator leaves in its text (`**创新点**`): markup, not words. */
function stripMarkdown(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/^#{1,6}\s+/, '');
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Parses a ChatPaper block given as tokens. Returns `null` when the block has
 * no recognisable section at all (a warning says how much text that was).
 * @param tokens tokens of the block (everything before `<details>`)
 * @param sink warning collector
 * @param blockLine line used for warnings when the block has no text
 */
export function parseChatPaperTokens(tokens: readonly HtmlToken[], sink: WarningSink, blockLine: number): ChatPaperNotes | null {
  const lines = flattenHtml(tokens).filter((l) => !INVISIBLE_ONLY.test(l.text));
  const seen = new Set<SectionKey>();
  const sections = new Map<SectionKey, SectionState>();
  const generatorErrors: string[] = [];
  const stray: LogicalLine[] = [];
  let current: SectionState | null = null;
  let currentKey: SectionKey | null = null;
  let stoppedAt: { line: number; reason: string } | null = null;
  let remaining = 0;

  const newVariant = (sec: SectionState): void => {
    sec.lines = [];
    sec.variants.push(sec.lines);
  };
  // Returns false only when a single-value section meets an unknown label.
  const addContent = (text: string, line: number): boolean => {
    if (current === null || currentKey === null) return true;
    if (!isNumbered(currentKey)) {
      if (current.lines.length > 0 && currentKey !== 'urls' && UNKNOWN_LABEL.test(text)) return false;
      // `中文翻译：作者：李航宇…` repeats the label inside the value.
      const inner = matchHeader(text);
      const value = inner !== null && inner.kind !== 'translation' && resolveKind(inner.kind, seen) === currentKey ? inner.rest : text;
      if (value !== '') current.lines.push({ text: value, line });
      return true;
    }
    const sec = current;
    let rest = text;
    const lead = LEADING_NUMBER.exec(rest);
    if (lead) {
      const num = partNumber(lead[1] ?? '');
      if (num > sec.lastNum) {
        sec.parts.push({ num, lines: [] });
        sec.lastNum = num;
        rest = rest.slice(lead[0].length);
        // Inline continuation `(1) A；(2) B；(3) C` is only trusted on a line
        // that itself starts a part, and only if the line does not re-use an
        // earlier number (then the numbers are an enumeration inside prose).
        const earlier = new RegExp(`[(（]\\s*(?:${Array.from({ length: sec.lastNum }, (_, k) => partNumberPattern(k + 1)).join('|')})\\s*[)）]`);
        if (!earlier.test(rest)) {
          for (;;) {
            const nextNum = sec.lastNum + 1;
            const inline = new RegExp(`(^|[\\s；;。.，,:：])[(（]\\s*(?:${partNumberPattern(nextNum)})\\s*[)）]\\s*[:：]?\\s*`).exec(rest);
            if (!inline) break;
            const head = rest.slice(0, inline.index + (inline[1] ?? '').length).trim();
            if (head !== '') sec.parts[sec.parts.length - 1]?.lines.push({ text: head, line });
            sec.parts.push({ num: nextNum, lines: [] });
            sec.lastNum = nextNum;
            rest = rest.slice(inline.index + inline[0].length);
          }
        }
      }
      // A number that goes back is a sub-list inside a part; it stays as text of that part,
      // so nothing is lost and there is nothing to report.
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
    // The model's remarks to its user are kept as such, never as the text of a field.
    if (CHATTER.test(l.text)) {
      generatorErrors.push(stripMarkdown(l.text));
      continue;
    }
    const header = matchHeader(l.text);
    if (header !== null && header.kind === 'translation') {
      // The second language of the section just read: another variant of it.
      if (current !== null && currentKey !== null && !isNumbered(currentKey)) {
        newVariant(current);
        if (header.rest !== '') addContent(header.rest, l.line);
        continue;
      }
    } else if (header !== null && header.kind !== 'translation') {
      const key = resolveKind(header.kind, seen);
      if (seen.has(key)) {
        // `Title: …` then `中文标题：…`: the same field in its other language, not an echo.
        if (key === currentKey && current !== null && !isNumbered(key)) {
          newVariant(current);
          if (header.rest !== '') addContent(header.rest, l.line);
          continue;
        }
        // A numbered section whose label comes back right away (`**摘要**` then `摘要：`)
        // is the same section announced twice.
        if (key === currentKey && current !== null && current.parts.length === 0 && current.preamble.length === 0) {
          if (header.rest !== '') addContent(header.rest, l.line);
          continue;
        }
        // Before the conclusion a label that comes back takes up its section again: the model
        // announced it once as a heading (`**摘要与简介**`) and once for its parts (`**摘要内容**`),
        // or put a stray title after the affiliation. Once the conclusion has been read, a repeat
        // is the prompt echoed back, and the rest is not the paper's.
        const again = sections.get(key);
        if (!seen.has('conclusion') && again !== undefined) {
          current = again;
          currentKey = key;
          if (!isNumbered(key)) newVariant(again);
          if (header.rest !== '') addContent(header.rest, l.line);
          continue;
        }
        stoppedAt = { line: l.line, reason: `repeats the ${SECTION_NAMES[key]} label "${header.label}"` };
        remaining = lines.length - i;
        break;
      }
      // A label with nothing under it before the next label was a heading over the notes
      // (`**摘要与回答**：` above `**标题**：`), not the field itself.
      if (current !== null && currentKey !== null && isEmptySection(current)) {
        sections.delete(currentKey);
        seen.delete(currentKey);
      }
      seen.add(key);
      const fresh: LogicalLine[] = [];
      current = { line: l.line, lines: fresh, variants: [fresh], preamble: [], parts: [], lastNum: 0 };
      currentKey = key;
      sections.set(key, current);
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

  const clean = (text: string): string => foldWhitespace(stripMarkdown(text).replace(INLINE_NOTE, ''));
  const variantsOf = (key: SectionKey): string[] =>
    (sections.get(key)?.variants ?? []).map((v) => clean(v.map((l) => l.text).join(' '))).filter((t) => t !== '');
  // Of a bilingual pair the reader wants the Chinese one; the notes are read as Chinese.
  const textOf = (key: SectionKey): string | null => {
    const variants = variantsOf(key);
    return variants.find((t) => CJK.test(t)) ?? variants[0] ?? null;
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
    return parts.map((p) => stripMarkdown(p).replace(INLINE_NOTE, '').trim()).filter((p) => p !== '');
  };
  // Lists: the first variant as written; a translated list repeats the same names.
  const listOf = (key: SectionKey, split: (s: string) => string[]): string[] => {
    const variant = sections.get(key)?.variants.find((v) => v.length > 0) ?? [];
    return variant.flatMap((l) => split(clean(l.text).replace(/^[-*+•]\s+/, '')));
  };

  const urlsText = sections.get('urls')?.variants.flat().map((l) => l.text).join('\n') ?? null;
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
