import sanitizeHtml from 'sanitize-html';
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
 */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
