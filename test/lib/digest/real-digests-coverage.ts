/**
 * Field coverage of parsed daily digests against their own source text, for the real-digests
 * test. Which fields a source block holds is judged here from the raw text by loose keyword
 * patterns written independently of the parser's label table, so a label the parser does not
 * know shows up as a missing field instead of being silently agreed with.
 */
import type { DigestEntry } from '../../../lib/digest';

/** The fields coverage is measured on. */
export const COVERED_FIELDS = [
  'titleZh', 'authors', 'affiliation', 'keywords', 'urls', 'summary', 'method', 'conclusion', 'summaryZh', 'takeaways',
] as const;
export type CoveredField = (typeof COVERED_FIELDS)[number];

// A label line: optional heading / bullet / number / bold, a label starting with one of these
// stems, at most a few more characters, then a colon or the end of the line.
const STEMS: Readonly<Record<Exclude<CoveredField, 'summaryZh' | 'takeaways'>, RegExp>> = {
  titleZh: /^(?:中文|论文)?(?:标题|题目|title)/i,
  authors: /^(?:作者(?!单位|所属|隶属|机构|归属)|authors?\b)/i,
  affiliation: /^(?:第一作者|作者)?(?:单位|机构|隶属|所属|归属)|^affiliation/i,
  keywords: /^(?:关键词|关键字|keywords?)/i,
  urls: /^(?:urls?\b|links?\b|(?:论文)?链接|网址|论文地址)/i,
  summary: /^(?:摘要|概述|概要|summary\b)/i,
  method: /^(?:方法|methods?\b|methodology)/i,
  conclusion: /^(?:结论|conclusions?\b)/i,
};
const LABEL_LINE = /^(?:#{1,6}\s*)?(?:[-*+•]\s+)?(?:\d{1,2}\s*[.．、]\s*)?(?:\*\*)?\s*([^:：*(（]{1,16}?)\s*(?:\*\*)?\s*(?:[:：]|$)/;

/** The pieces of one `## ` entry of a daily digest, as raw text. */
export interface RawEntry {
  /** 1-based line of the heading. */
  line: number;
  /** Markdown between the PDF link and the ChatPaper marker. */
  markdown: string;
  /** The ChatPaper block up to `<details>`, tags removed; null when the entry has none. */
  notes: string | null;
}

/** Splits a daily digest into raw entries by `## ` headings. */
export function rawEntries(text: string): RawEntry[] {
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (/^##\s/.test(l) ? [i] : []));
  return starts.map((start, k) => {
    const body = lines.slice(start + 1, starts[k + 1] ?? lines.length).join('\n');
    const marker = body.search(/\*\*\[ChatPaper/i);
    const markdown = marker === -1 ? body : body.slice(0, marker);
    const notes = marker === -1 ? null : (body.slice(marker).split('\n').slice(1).join('\n').split('<details>')[0] ?? '').replace(/<[^>]+>/g, '\n');
    return { line: start + 1, markdown, notes };
  });
}

/** Which fields the raw entry holds, judged from its text alone. */
export function fieldsInSource(raw: RawEntry): Set<CoveredField> {
  const found = new Set<CoveredField>();
  const md = raw.markdown.split('\n');
  const after = (re: RegExp) => {
    const i = md.findIndex((l) => re.test(l.trim()));
    if (i === -1) return false;
    const next = md.slice(i + 1).find((l) => l.trim() !== '');
    return next !== undefined && !/^\*\*/.test(next.trim());
  };
  if (after(/^\*\*\s*(?:summary|摘要|概述|总结)\s*[:：]?\s*\*\*$/i)) found.add('summaryZh');
  if (after(/^\*\*\s*(?:key\s*takeaways?|takeaways|主要要点|关键要点|关键点|要点|关键见解)\s*[:：]?\s*\*\*$/i)) found.add('takeaways');
  if (raw.notes !== null) {
    let bodyStarted = false;
    for (const line of raw.notes.split('\n')) {
      const label = LABEL_LINE.exec(line.trim())?.[1]?.replace(/\s+/g, '');
      if (label === undefined) continue;
      for (const [field, stem] of Object.entries(STEMS) as [keyof typeof STEMS, RegExp][]) {
        if (stem.test(label) && label.length <= 8) found.add(field);
      }
      // `总结` is the summary before the body starts and the conclusion after.
      if (/^总结$/.test(label)) found.add(bodyStarted ? 'conclusion' : 'summary');
      if (STEMS.summary.test(label) || STEMS.method.test(label)) bodyStarted = true;
    }
  }
  return found;
}

/** Whether the parsed entry has a non-empty value for the field. */
export function hasField(entry: DigestEntry, field: CoveredField): boolean {
  const cp = entry.chatPaper;
  switch (field) {
    case 'summaryZh':
      return entry.summaryZh !== null && entry.summaryZh.trim() !== '';
    case 'takeaways':
      return entry.takeaways.length > 0;
    case 'titleZh':
    case 'affiliation':
      return Boolean(cp?.[field]?.trim());
    case 'authors':
    case 'keywords':
    case 'summary':
    case 'method':
      return (cp?.[field].length ?? 0) > 0;
    case 'urls':
      return Boolean(cp?.urls?.raw.trim());
    case 'conclusion':
      return Boolean(cp?.conclusion && cp.conclusion.parts.length > 0);
  }
}

/** Every string a reader sees of an entry's notes, by field name. */
export function readerTexts(entry: DigestEntry): [CoveredField, string][] {
  const cp = entry.chatPaper;
  const out: [CoveredField, string][] = [];
  if (entry.summaryZh) out.push(['summaryZh', entry.summaryZh]);
  for (const t of entry.takeaways) out.push(['takeaways', t]);
  if (cp) {
    if (cp.titleZh) out.push(['titleZh', cp.titleZh]);
    for (const a of cp.authors) out.push(['authors', a]);
    if (cp.affiliation) out.push(['affiliation', cp.affiliation]);
    for (const k of cp.keywords) out.push(['keywords', k]);
    for (const s of cp.summary) out.push(['summary', s]);
    for (const m of cp.method) out.push(['method', m]);
    for (const c of cp.conclusion?.parts ?? []) out.push(['conclusion', c]);
  }
  return out;
}

// Labels that open a top-level item of the notes. Inside a part, `（1）概述：` or `(7) 结论：` is the
// part's own wording; only a NUMBERED top-level label (`3. 作者隶属：`) or a label at the start of
// a single-value field means another field's text was swallowed.
const STRONG_LABEL = /(?:^|\n)\s*(?:\d{1,2}\s*[.．、]\s*)\**\s*(?:标题|题目|title|作者|authors?|单位|机构|隶属|所属|affiliation|关键词|keywords?|urls?|链接|网址|摘要|summary|方法|methods?|结论|conclusions?)\s*\**\s*[:：]/i;
const ANY_LABEL = /^\**\s*(?:标题|题目|title|作者|authors?|单位|机构|隶属|所属|affiliation|关键词|keywords?|urls?|链接|网址|摘要|summary|方法|methods?|结论|conclusions?)\s*\**\s*[:：]/i;

/**
 * Notes fields holding another field's text, as `field: text` strings.
 * @param sourceNotes the raw notes block: text the generator itself wrote twice may be parsed twice
 */
export function crossFieldText(entry: DigestEntry, sourceNotes = ''): string[] {
  const flat = sourceNotes.replace(/[\s*]+/g, '');
  const problems: string[] = [];
  const single = new Set<CoveredField>(['titleZh', 'authors', 'affiliation', 'keywords']);
  const texts = readerTexts(entry).filter(([field]) => field !== 'summaryZh' && field !== 'takeaways');
  for (const [field, text] of texts) {
    if (STRONG_LABEL.test(text) || (single.has(field) && ANY_LABEL.test(text.trim()))) problems.push(`${field}: ${text.slice(0, 40)}`);
  }
  // The same long text under two fields: one of them took the other's.
  const owner = new Map<string, CoveredField>();
  for (const [field, text] of texts) {
    const key = text.replace(/\s+/g, '');
    if (key.length < 12) continue;
    const first = owner.get(key);
    const writtenTwice = flat.split(key.replace(/\*/g, '')).length > 2;
    if (first !== undefined && first !== field && !writtenTwice) problems.push(`${field} = ${first}: ${text.slice(0, 40)}`);
    owner.set(key, first ?? field);
  }
  return problems;
}
