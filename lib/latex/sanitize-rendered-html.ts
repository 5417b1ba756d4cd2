import sanitizeHtml from 'sanitize-html';

// KaTeX's output (HTML spans, MathML for screen readers, SVG for stretchy symbols) and the
// pipeline's own wrappers; nothing that can run code, load a resource or style the page.
const MATHML = ['math', 'semantics', 'annotation', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'menclose', 'mlabeledtr'];
const SVG = ['svg', 'path', 'line', 'g', 'rect'];
const MATH_ATTRIBUTES = ['xmlns', 'encoding', 'mathvariant', 'stretchy', 'fence', 'separator', 'lspace', 'rspace', 'accent', 'accentunder', 'minsize', 'maxsize', 'width', 'height', 'depth', 'columnalign', 'rowspacing', 'columnspacing', 'displaystyle', 'scriptlevel', 'linethickness', 'notation', 'mathcolor'];
const SVG_ATTRIBUTES = ['xmlns', 'viewBox', 'preserveAspectRatio', 'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'stroke-width', 'width', 'height'];
// Lengths, keywords and colours: every value KaTeX writes. No `url(`, no `expression(`.
const CSS_VALUE = /^(?!.*(?:url|expression|image-set|image)\s*\()[-#\w.%, ()]+$/i;
const STYLED = ['height', 'vertical-align', 'margin-left', 'margin-right', 'margin-top', 'width', 'min-width', 'top', 'left', 'right', 'bottom', 'border-bottom-width', 'border-top-width', 'border-right-width', 'border-style', 'padding-left', 'color', 'background-color'];
// Positioning stays inside the formula: `fixed` or `sticky` could lay a formula over the page.
const KEYWORD_STYLES = { position: [/^(?:relative|absolute)$/], display: [/^(?:inline|inline-block|block)$/] };

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['span', 'strong', 'em', 'code', 'a', ...MATHML, ...SVG],
  allowedAttributes: {
    '*': ['class', 'style', 'aria-hidden'],
    a: ['href', 'rel'],
    ...Object.fromEntries(MATHML.map((tag) => [tag, MATH_ATTRIBUTES])),
    ...Object.fromEntries(SVG.map((tag) => [tag, SVG_ATTRIBUTES])),
  },
  allowedSchemes: ['https', 'http'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Whatever a file said, a link never hands the opened page a handle on ours.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  allowedStyles: { '*': { ...Object.fromEntries(STYLED.map((property) => [property, [CSS_VALUE]])), ...KEYWORD_STYLES } },
  parser: { lowerCaseAttributeNames: false },
};

/**
 * Sanitises the HTML the LaTeX pipeline renders (escaped text plus KaTeX output) with
 * sanitize-html, keeping exactly what math needs to display. The corpus build runs every
 * abstract through it, so the extension only ever inserts HTML that passed this filter.
 */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
