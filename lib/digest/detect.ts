/**
 * Decides which parser a document needs, from its structure alone.
 */
import type { DigestKind } from './types';
import { WEEKLY_HEADER } from './parse-weekly';
import { splitLines } from './text';

/**
 * Detects the digest family of a document.
 *
 * Weekly: a `# <date>--<date> …` header, or (header lost) `## ` entries with
 * ` * link:[…]` bullets. Daily: a leading `---` frontmatter with `date:`, or
 * (frontmatter lost) `## ` entries with `[PDF](…)` / `**Authors:` lines. The
 * fallbacks let truncated files reach a parser that reports precise warnings
 * instead of being rejected wholesale.
 * @param text whole document
 * @returns the kind, or `null` when the text looks like neither
 */
export function detectDigestKind(text: string): DigestKind | null {
  const lines = splitLines(text);
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  const first = (lines[i] ?? '').trim();
  if (WEEKLY_HEADER.test(first)) return 'weekly';
  if (first === '---') {
    for (let j = i + 1; j < lines.length; j++) {
      const l = (lines[j] ?? '').trim();
      if (l === '---') break;
      if (/^date\s*:/.test(l)) return 'daily';
    }
  }
  let headings = 0;
  let weeklyLinks = 0;
  let dailyMarks = 0;
  for (const line of lines) {
    if (/^##\s+\S/.test(line)) headings++;
    else if (/^\s*[*-]\s+link\s*[:：]/i.test(line)) weeklyLinks++;
    else if (/^\s*\[PDF\]\(/i.test(line) || /^\*\*\s*Authors?\s*[:：]/i.test(line)) dailyMarks++;
  }
  if (headings === 0) return null;
  if (weeklyLinks > 0 && weeklyLinks >= dailyMarks) return 'weekly';
  if (dailyMarks > 0) return 'daily';
  return null;
}
