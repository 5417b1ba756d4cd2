import { ALLOWED_CLASSES, MAX_LENGTH_EM } from '../../../lib/latex/katex-allow-list';

// An independent reading of "stays in its box", not the sanitiser's own checks: the only classes
// are KaTeX's, no declaration can take an element out of flow or out of its stacking context, and
// no length is in viewport units or past the bound.
const PLACING = /(?:^|;)\s*(?:position\s*:\s*(?!relative)|z-index|inset|transform|translate|float|display|clip|contain)/i;
/** What in `html` could leave the abstract's box; empty when nothing can. */
export function boxProblems(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<([a-z]+)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)) {
    for (const [, name = '', raw = ''] of tag[2]!.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      const value = raw.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      if (name === 'class') problems.push(...value.split(/\s+/).filter((c) => !ALLOWED_CLASSES.includes(c)).map((c) => `class ${c}`));
      if (name === 'style' && PLACING.test(value)) problems.push(`placing style ${value}`);
      if (/!|\\|\/\*/.test(name === 'style' ? value : '')) problems.push(`unparsed style ${value}`);
      if (name === 'd' || name === 'viewBox') continue;
      if (/\d(?:vw|vh|vmin|vmax|[dsl]v[hw]|cq[whib]|cqmin|cqmax)\b/i.test(value)) problems.push(`viewport unit in ${name}="${value}"`);
      for (const m of value.matchAll(/(-?\d*\.?\d+)em\b/g)) {
        const limit = tag[1] === 'svg' && name === 'width' ? 400 : MAX_LENGTH_EM;
        if (Math.abs(Number(m[1])) > limit) problems.push(`length ${m[0]} in ${name}`);
      }
    }
  }
  return problems;
}
