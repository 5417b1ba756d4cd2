/**
 * Test helper: a small, strict checker for the HTML fragments produced by
 * the LaTeX pipeline. It does not trust the code under test's own helpers,
 * so it re-implements tag scanning and entity decoding.
 */

const TAG = /<\/?([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
const ATTR = /([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

/** Tags the pipeline may legitimately emit: our own wrappers plus KaTeX's HTML, MathML and SVG. */
const ALLOWED_TAGS = new Set([
  'span', 'strong', 'em', 'code', 'a',
  'math', 'semantics', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup',
  'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle',
  'mpadded', 'mphantom', 'menclose', 'mlabeledtr',
  'svg', 'path', 'line', 'g', 'rect',
]);

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);?/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/**
 * Returns a list of problems (empty = safe): unknown or dangerous tags, event
 * handler attributes, `javascript:`/`data:` in any attribute, `src`
 * attributes, non-http(s) links, CSS `url(…)`, and any `<` that is not part of
 * a well-formed tag (i.e. injected markup that escaped escaping).
 */
export function htmlSafetyProblems(html: string): string[] {
  const problems: string[] = [];
  const withoutTags = html.replace(TAG, '');
  if (withoutTags.includes('<')) problems.push('stray "<" outside a well-formed tag');
  if (/<script/i.test(html)) problems.push('<script');
  for (const m of html.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${tag}>`);
    for (const a of (m[2] ?? '').matchAll(ATTR)) {
      const name = a[1]!.toLowerCase();
      const value = decode(a[2] ?? a[3] ?? a[4] ?? '');
      // Browsers ignore whitespace and control characters inside a URL scheme (`java\tscript:`).
      const squashed = [...value].filter((c) => c.charCodeAt(0) > 0x20).join('').toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler ${name}`);
      if (name === 'src' || name === 'srcset' || name === 'xlink:href' || name === 'formaction') {
        problems.push(`attribute ${name}`);
      }
      if (squashed.includes('javascript:') || squashed.includes('vbscript:') || squashed.startsWith('data:')) {
        problems.push(`script URL in ${name}`);
      }
      if (name === 'href' && (tag !== 'a' || !/^https?:\/\//i.test(value))) problems.push(`href ${value}`);
      if (name === 'style' && (/url\s*\(/i.test(value) || /expression\s*\(/i.test(value))) problems.push('css url()');
    }
    if (tag === 'a' && !m[0].startsWith('</') && !/rel="noopener noreferrer"/.test(m[0])) problems.push('link without rel');
  }
  return problems;
}

/** Visible text of an HTML fragment (tags stripped, entities decoded). */
export function visibleText(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}

/** Independent raw-command detector for assertions (mirrors the lib's contract). */
export const RAW_COMMAND = /\\(?:[A-Za-z]+|[%&_#${}])/;
