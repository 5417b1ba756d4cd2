import { decodeHTMLStrict } from 'entities';
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

/**
 * Decodes HTML character references (every named one, decimal and hex). Only references closed by
 * `;` count, so prose such as `R&D` or `&lt5` stays as written.
 * @param text text possibly containing `&…;` references
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  // A reference to NUL, a surrogate or a code point past U+10FFFF decodes to U+FFFD, and one to a
  // control character to that control: neither is text a reader should get, so both become the
  // box the corpus shows for a lost character.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return decodeHTMLStrict(text).replace(/[\uFFFD\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '\u25A1');
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
