/**
 * Minimal, tolerant HTML tokeniser for the ChatPaper / screenshot fragments.
 *
 * Why not a library: the fragments are machine-generated (markdown rendered by
 * a static-site pipeline) and use a tiny tag set (`ol li p strong em pre code
 * ul details summary img`) with no scripts, comments-in-attributes or CDATA.
 * What the parsers need is a flat token stream WITH SOURCE LINE NUMBERS for
 * warnings and no tree building (the markup routinely leaves `<p>`/`<li>`
 * unclosed, which a tree builder would "repair" in ways that move text).
 * A forgiving scanner gives exactly that in ~100 lines.
 *
 * This module is the only place that looks at raw markup. To swap in a real
 * parser (e.g. htmlparser2, whose callbacks map 1:1 onto these tokens), keep
 * the {@link HtmlToken} shape and re-implement {@link tokenizeHtml}.
 */

/** One lexical item of an HTML fragment. */
export type HtmlToken =
  | {
      type: 'open';
      /** Lower-cased tag name. */
      name: string;
      /** Attributes, names lower-cased, values entity-decoded. */
      attrs: Record<string, string>;
      /** `<br/>`-style self-closing syntax was used. */
      selfClosing: boolean;
      /** 1-based source line of the `<`. */
      line: number;
    }
  | {
      type: 'close';
      /** Lower-cased tag name. */
      name: string;
      /** 1-based source line of the `<`. */
      line: number;
    }
  | {
      type: 'text';
      /** Entity-decoded text, whitespace and newlines preserved. */
      text: string;
      /** 1-based source line where the text starts. */
      line: number;
    };

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  middot: '\u00b7',
  bull: '\u2022',
  times: '\u00d7',
  divide: '\u00f7',
  plusmn: '\u00b1',
  deg: '\u00b0',
  micro: '\u00b5',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  sect: '\u00a7',
  para: '\u00b6',
  le: '\u2264',
  ge: '\u2265',
  ne: '\u2260',
  asymp: '\u2248',
  infin: '\u221e',
  larr: '\u2190',
  rarr: '\u2192',
  uarr: '\u2191',
  darr: '\u2193',
  alpha: '\u03b1',
  beta: '\u03b2',
  gamma: '\u03b3',
  delta: '\u03b4',
  epsilon: '\u03b5',
  lambda: '\u03bb',
  mu: '\u03bc',
  pi: '\u03c0',
  sigma: '\u03c3',
  Sigma: '\u03a3',
  theta: '\u03b8',
};

const ENTITY = /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * Decodes named (common subset), decimal and hex character references.
 * Unknown names are left as written; invalid code points become U+FFFD
 * (never an exception, whatever the input).
 * @param text text possibly containing `&…;` references
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const cp = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
      return valid ? String.fromCodePoint(cp) : '\ufffd';
    }
    return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, body) ? (NAMED_ENTITIES[body] ?? whole) : whole;
  });
}

// Attributes must be separated from the name by whitespace, so prose like
// `<Summary：>` or `<0.05` stays text.
const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s[^<>]*?)?)\s*(\/?)>$/;
const ATTR = /([^\s=/"'<>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// Anything longer is prose that happens to contain '<' and a later '>'.
const MAX_TAG_LENGTH = 2048;

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    const name = (m[1] ?? '').toLowerCase();
    if (name === '' || Object.prototype.hasOwnProperty.call(attrs, name)) continue;
    attrs[name] = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Splits an HTML fragment into open/close/text tokens. Never throws; a `<`
 * that does not start a well-formed tag is kept as text, comments and
 * `<!DOCTYPE …>` are dropped.
 * @param fragment markup, possibly mixed with plain text lines
 * @param firstLine source line number of the fragment's first character
 */
export function tokenizeHtml(fragment: string, firstLine = 1): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let line = firstLine;
  let pos = 0; // start of pending text
  let scan = 0; // where to look for the next '<'
  let nextGt = -2; // cached index of the next '>' at or after `scan` (-2 = unknown)

  const emitText = (end: number): void => {
    if (end > pos) {
      tokens.push({ type: 'text', text: decodeHtmlEntities(fragment.slice(pos, end)), line });
      line += countNewlines(fragment, pos, end);
    }
  };

  while (scan < fragment.length) {
    const lt = fragment.indexOf('<', scan);
    if (lt === -1) break;
    if (fragment.startsWith('<!--', lt)) {
      const end = fragment.indexOf('-->', lt + 4);
      const stop = end === -1 ? fragment.length : end + 3;
      emitText(lt);
      line += countNewlines(fragment, lt, stop);
      pos = scan = stop;
      continue;
    }
    if (nextGt !== -1 && nextGt < lt) nextGt = fragment.indexOf('>', lt);
    if (nextGt === -1 || nextGt - lt > MAX_TAG_LENGTH) {
      scan = lt + 1;
      continue;
    }
    const raw = fragment.slice(lt, nextGt + 1);
    if (raw.startsWith('<!')) {
      emitText(lt);
      line += countNewlines(raw, 0, raw.length);
      pos = scan = nextGt + 1;
      continue;
    }
    const m = TAG.exec(raw);
    if (!m) {
      scan = lt + 1;
      continue;
    }
    emitText(lt);
    const name = (m[2] ?? '').toLowerCase();
    if (m[1] === '/') tokens.push({ type: 'close', name, line });
    else tokens.push({ type: 'open', name, attrs: parseAttrs(m[3] ?? ''), selfClosing: m[4] === '/', line });
    line += countNewlines(raw, 0, raw.length);
    pos = scan = nextGt + 1;
  }
  emitText(fragment.length);
  return tokens;
}
