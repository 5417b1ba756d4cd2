import sanitizeHtml from 'sanitize-html';
import { textAsSanitizedHtml } from './html.ts';
import { ALLOWED_CLASSES, filterKatexStyle, isBoundedMathLength, isBoundedSvgLength, KATEX_STYLES, MATH_LENGTH_ATTRIBUTES } from './katex-allow-list.ts';

// KaTeX's output (HTML spans, MathML for screen readers, SVG for stretchy symbols) and the
// pipeline's own wrappers; nothing that can run code, load a resource or style the page.
const MATHML = ['math', 'semantics', 'annotation', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'menclose', 'mlabeledtr'];
const MATH_ATTRIBUTES = ['xmlns', 'encoding', 'display', 'mathvariant', 'stretchy', 'fence', 'separator', 'accent', 'accentunder', 'columnalign', 'columnlines', 'rowlines', 'displaystyle', 'scriptlevel', 'notation', 'mathcolor', 'mathbackground', 'linebreak', ...MATH_LENGTH_ATTRIBUTES];
// Each SVG tag with the attributes KaTeX's SvgNode, PathNode and LineNode write on it. KaTeX draws
// with <path> and <line> only; <rect> or <g> would be markup that merely looks like math.
const SVG_ATTRIBUTES: Readonly<Record<string, string[]>> = {
  svg: ['xmlns', 'viewBox', 'preserveAspectRatio', 'width', 'height'],
  path: ['d'],
  line: ['x1', 'x2', 'y1', 'y2', 'stroke-width'],
};
const SVG = Object.keys(SVG_ATTRIBUTES);

// Every other attribute value, in the form KaTeX writes it: keywords are words, colours are
// KaTeX's colour forms, SVG geometry is numbers. A value of any other shape is not KaTeX's.
const KEYWORDS = /^[a-z][a-z -]*$/i;
const ATTRIBUTE_VALUES: Readonly<Record<string, RegExp>> = {
  ...Object.fromEntries(['display', 'mathvariant', 'stretchy', 'fence', 'separator', 'accent', 'accentunder', 'columnalign', 'columnlines', 'rowlines', 'displaystyle', 'notation', 'linebreak', 'preserveAspectRatio', 'aria-hidden'].map((name) => [name, KEYWORDS])),
  scriptlevel: /^[0-2]$/,
  xmlns: /^http:\/\/www\.w3\.org\/(?:1998\/Math\/MathML|2000\/svg)$/,
  encoding: /^application\/x-tex$/,
  mathcolor: /^(?:#[0-9a-f]{3,8}|[a-z]+)$/i,
  mathbackground: /^(?:#[0-9a-f]{3,8}|[a-z]+)$/i,
  viewBox: /^[-\d. ]+$/,
  d: /^[MmLlHhVvCcSsQqTtAaZz\d\s,.-]+$/,
  'stroke-width': /^\d{1,2}(?:\.\d{1,4})?em$/,
  x1: /^(?:0|100%)$/,
  x2: /^(?:0|100%)$/,
  y1: /^(?:0|100%)$/,
  y2: /^(?:0|100%)$/,
};

/**
 * Drops every attribute value KaTeX would not write: styles are cut to KaTeX's declarations, and
 * lengths are held within the bounds `maxSize` implies, so nothing can be sized or moved beyond its
 * formula. (Class names are left to `allowedClasses`.)
 */
function checkAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (name === 'style') {
      const style = filterKatexStyle(value);
      if (style) kept[name] = style;
      continue;
    }
    const isLength = SVG.includes(tagName) ? (name === 'width' || name === 'height') && !isBoundedSvgLength(name, value) : MATHML.includes(tagName) && MATH_LENGTH_ATTRIBUTES.includes(name) && !isBoundedMathLength(value);
    const pattern = Object.hasOwn(ATTRIBUTE_VALUES, name) ? ATTRIBUTE_VALUES[name] : undefined;
    if (!isLength && (!pattern || pattern.test(value))) kept[name] = value;
  }
  return kept;
}

// The same grammar again, in sanitize-html's own CSS parse of what checkAttributes kept: a second,
// independent parser has to agree before a declaration reaches the page.
const STYLE_NET: Record<string, RegExp[]> = Object.fromEntries(
  Object.entries(KATEX_STYLES).map(([property, check]) => [property, [{ test: check } as unknown as RegExp]]),
);

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['span', 'strong', 'em', 'code', 'a', ...MATHML, ...SVG],
  allowedAttributes: {
    '*': ['class', 'style', 'aria-hidden'],
    a: ['href', 'rel'],
    ...Object.fromEntries(MATHML.map((tag) => [tag, MATH_ATTRIBUTES])),
    ...SVG_ATTRIBUTES,
  },
  // Only KaTeX's class names: any other could pick up the card's own rules (`card floating` is
  // `position:fixed` at the top of the page's stacking order).
  allowedClasses: { '*': [...ALLOWED_CLASSES] },
  allowedSchemes: ['https', 'http'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    // Whatever a file said, a link never hands the opened page a handle on ours.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    '*': (tagName, attribs) => ({ tagName, attribs: checkAttributes(tagName, attribs) }),
  },
  allowedStyles: { '*': STYLE_NET },
  parser: { lowerCaseAttributeNames: false },
};

/**
 * Sanitises the HTML the LaTeX pipeline renders (escaped text plus KaTeX output) with
 * sanitize-html, keeping exactly what math needs to display: KaTeX's tags, its class names, the
 * style declarations its writer sets, and lengths within the bounds `maxSize` implies. The corpus
 * build runs every abstract through it, and so does every import of corpus JSON, so the extension
 * only ever inserts HTML that passed this filter.
 *
 * The answer is always sanitize-html's own. HTML in the plain form the pipeline writes (see
 * {@link sanitizeWellFormed}) is put together from sanitize-html's answers for each distinct tag,
 * which KaTeX repeats thousands of times; anything else goes through sanitize-html whole.
 */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeWellFormed(html) ?? sanitizeHtml(html, OPTIONS);
}

/** sanitize-html alone, for the tests that hold {@link sanitizeRenderedHtml} to it. */
export function sanitizeWithLibrary(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

// The plain form: text without `<`, `>` or stray `&` (only the entities escapeHtml and KaTeX write);
// start tags with lower-case names and quoted attribute values holding no `<`, `>`, `&`, quote, CR
// or NUL; end tags. Past a tag of this form no HTML parser can disagree on where it ends.
const TOKEN = /<([a-z][a-z0-9]*)((?: [A-Za-z][A-Za-z0-9-]*(?:="[^"<>&\r\0]*"|='[^'<>&\r\0]*'))*)(\/?)>|<\/([a-z][a-z0-9]*)>|[^<>&\r\0]+|&(?:amp|lt|gt|quot|#39|#x27);/y;
const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
// sanitize-html's answer for each start tag seen (null: it drops or changes the tag), and for texts.
const startTags = new Map<string, string | null>();
const MAX_REMEMBERED_TAGS = 20_000;

/**
 * sanitize-html's answer for HTML in the plain form, or null for HTML in any other form. When
 * every element is one sanitize-html keeps, properly nested (a `/>` only on SVG's `path` and
 * `line` inside `svg`, where the HTML parser honours it), sanitize-html handles each tag on its own:
 * it writes each start tag as it writes it alone, each text escaped, each end tag as it was. So the
 * answer is those pieces joined, each start tag's piece asked of sanitize-html once and remembered.
 */
function sanitizeWellFormed(html: string): string | null {
  if (!html.includes('<')) {
    if (html.includes('&') && !/^(?:[^&\r\0]|&(?:amp|lt|gt|quot|#39|#x27);)*$/.test(html)) return null;
    if (/[>\r\0]/.test(html)) return null;
    return textAsSanitizedHtml(html.includes('&') ? decodeTextEntities(html) : html);
  }
  const open: string[] = [];
  let out = '';
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < html.length) {
    const match = TOKEN.exec(html);
    if (!match) return null;
    const [token, name, , selfClosing, endName] = match;
    if (name !== undefined) {
      if (selfClosing && !((name === 'path' || name === 'line') && open.at(-1) === 'svg')) return null;
      const kept = sanitizedStartTag(token, name, selfClosing === '/');
      if (kept === null) return null;
      out += kept;
      if (!selfClosing) open.push(name);
    } else if (endName !== undefined) {
      if (open.pop() !== endName) return null;
      out += `</${endName}>`;
    } else {
      out += token.startsWith('&') ? textAsSanitizedHtml(TEXT_ENTITIES[token]!) : textAsSanitizedHtml(token);
    }
  }
  return open.length === 0 ? out : null;
}

function decodeTextEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => TEXT_ENTITIES[entity]!);
}

/** What sanitize-html writes for one start tag (with its end tag when self-closing), or null when it would not keep it as it is. */
function sanitizedStartTag(tag: string, name: string, selfClosing: boolean): string | null {
  let kept = startTags.get(tag);
  if (kept !== undefined) return kept;
  const end = `</${name}>`;
  const alone = sanitizeHtml(selfClosing ? tag : tag + end, OPTIONS);
  // Kept: the same element, with nothing but its (filtered) attributes in it, closed right after.
  kept = (alone.startsWith(`<${name} `) || alone.startsWith(`<${name}>`)) && alone.endsWith(end) && alone.indexOf('>') === alone.length - end.length - 1 ? (selfClosing ? alone : alone.slice(0, -end.length)) : null;
  if (startTags.size >= MAX_REMEMBERED_TAGS) startTags.clear();
  startTags.set(tag, kept);
  return kept;
}
