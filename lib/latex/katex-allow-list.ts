/**
 * What KaTeX's output is made of, as allow-lists: its class names, the inline style properties its
 * HTML writer sets (with the value grammar of each), and the size-bearing MathML/SVG attributes.
 * The sanitiser keeps nothing else, so markup that merely looks like math cannot borrow the card's
 * own classes or lay a box over the page. Kept pure (no file access): the lists are committed, and
 * test/lib/latex/katex-allow-list.test.ts proves them against katex.css and KaTeX's real output.
 */

/**
 * KaTeX's `maxSize`: a user size (`\rule`, `\kern`, `\hspace`, `\raisebox`, `\\[…]`) is at most this
 * many em of the font it is set in. KaTeX clamps only the positive side; {@link MAX_LENGTH_EM}
 * bounds the magnitude of everything, negative values included.
 */
export const MAX_SIZE_EM = 5;

// `\Huge` sets its content at 2.488 times the formula's size (katex.css `.size11`), the largest factor.
const LARGEST_SIZE_FACTOR = 2.488;

/**
 * The largest magnitude, in em, of any length KaTeX's output may carry. A user size is at most
 * `maxSize` em of its own font, which `\Huge` makes 12.44em of the formula's; a box's strut or a
 * vlist's offset adds a second such size at most (a `\Huge` rule raised by a `\Huge` amount). Real
 * abstract math stays far below (the test corpus peaks at 12.44em); past this a length is either
 * hostile or part of a formula too tall for an abstract, which reads better as plain text.
 */
export const MAX_LENGTH_EM = Math.ceil(2 * MAX_SIZE_EM * LARGEST_SIZE_FACTOR);

/**
 * The width of KaTeX's stretchy SVGs (`\overrightarrow`, `\widehat`, braces): a constant 400em,
 * cut to size by their `hide-tail` parent's `overflow:hidden`.
 */
export const STRETCHY_SVG_WIDTH_EM = 400;

/**
 * Every class katex.css styles (its selectors' class names, minus the font-file extensions its
 * `@font-face` URLs contain). Committed rather than read from katex.css, because this module runs in
 * the extension; a test keeps it equal to the installed katex.css.
 */
export const KATEX_CSS_CLASSES: readonly string[] = [
  'accent-body', 'accent-full', 'amsrm', 'angl', 'anglpad', 'arraycolsep', 'boldsymbol', 'boxpad',
  'brace-center', 'brace-left', 'brace-right', 'cancel-lap', 'cancel-pad', 'cd-arrow-pad',
  'cd-label-left', 'cd-label-right', 'cd-vert-arrow', 'clap', 'col-align-c', 'col-align-l',
  'col-align-r', 'delim-size1', 'delim-size4', 'delimcenter', 'delimsizing', 'eqn-num', 'fbox',
  'fcolorbox', 'fleqn', 'fontsize-ensurer', 'frac-line', 'halfarrow-left', 'halfarrow-right',
  'hide-tail', 'katex', 'katex-accent', 'katex-base', 'katex-display', 'katex-fix', 'katex-hdashline',
  'katex-hline', 'katex-html', 'katex-inner', 'katex-mathml', 'katex-newline', 'katex-overlay',
  'katex-overline', 'katex-root', 'katex-rule', 'katex-sizing', 'katex-smash', 'katex-sout',
  'katex-stretchy', 'katex-strut', 'katex-tag', 'katex-thinbox', 'katex-underline', 'katex-vbox',
  'katex-version', 'large-op', 'leqno', 'llap', 'mainrm', 'mathbb', 'mathbf', 'mathboldfrak',
  'mathboldsf', 'mathcal', 'mathfrak', 'mathit', 'mathitsf', 'mathnormal', 'mathrm', 'mathscr',
  'mathsf', 'mathsfit', 'mathtt', 'mfrac', 'mml-eqn-num', 'mover', 'mspace', 'msupsub', 'mtable',
  'mtr-glue', 'mult', 'munder', 'nulldelimiter', 'op-limits', 'op-symbol', 'overline-line', 'pstrut',
  'reflectbox', 'reset-size1', 'reset-size10', 'reset-size11', 'reset-size2', 'reset-size3',
  'reset-size4', 'reset-size5', 'reset-size6', 'reset-size7', 'reset-size8', 'reset-size9', 'rlap',
  'size1', 'size10', 'size11', 'size2', 'size3', 'size4', 'size5', 'size6', 'size7', 'size8', 'size9',
  'small-op', 'sqrt', 'svg-align', 'textbb', 'textbf', 'textboldfrak', 'textboldsf', 'textfrak',
  'textit', 'textitsf', 'textrm', 'textscr', 'textsf', 'texttt', 'underline-line',
  'vertical-separator', 'vlist', 'vlist-r', 'vlist-s', 'vlist-t', 'vlist-t2', 'x-arrow', 'x-arrow-pad',
];

/**
 * Classes KaTeX's JavaScript sets that katex.css does not style: atom types (buildHTML's spacing
 * reads them), markers such as `mtight` and `nobreak`, and `vcenter` on MathML.
 */
export const KATEX_SCRIPT_CLASSES: readonly string[] = [
  'mord', 'mop', 'mbin', 'mrel', 'mopen', 'mclose', 'mpunct', 'minner', 'mtight', 'nobreak',
  'allowbreak', 'text', 'colorbox', 'delimsizinginner', 'accentunder', 'enclosing', 'leftmost',
  'rightmost', 'vcenter',
];

/** The LaTeX pipeline's own class names (`mathFallbackHtml`). */
export const PIPELINE_CLASSES: readonly string[] = ['latex-math-fallback', 'latex-math-display'];

/** Every class name the sanitiser keeps. */
export const ALLOWED_CLASSES: readonly string[] = [...KATEX_CSS_CLASSES, ...KATEX_SCRIPT_CLASSES, ...PIPELINE_CLASSES];

// makeEm writes `+n.toFixed(4) + "em"`: an optional minus, digits, at most four decimals, always em.
const EM = /^(-?\d{1,4}(?:\.\d{1,4})?)em$/;
// KaTeX takes a colour as `#rgb`, `#rrggbb`(aa) or a name (Parser's colour regex); no functions.
const COLOUR = /^(?:#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]+)$/i;

type ValueCheck = (value: string) => boolean;

const emWithin = (maxEm: number): ValueCheck => (value) => {
  const match = EM.exec(value);
  return match !== null && Math.abs(Number(match[1])) <= maxEm;
};
const length = emWithin(MAX_LENGTH_EM);
const oneOf = (...values: string[]): ValueCheck => (value) => values.includes(value);
const colour: ValueCheck = (value) => COLOUR.test(value);

/**
 * Every inline style property KaTeX's writer sets (domTree's `CssStyle`, plus the two `style`
 * strings its MathML builder writes), with the values it writes there. `position` is only ever
 * `relative` (a shifted big operator); `absolute` and `fixed` come from katex.css alone, inside the
 * abstract's containing box.
 */
export const KATEX_STYLES: Readonly<Record<string, ValueCheck>> = {
  height: length,
  width: length,
  'min-width': length,
  'vertical-align': length,
  top: length,
  left: length,
  bottom: length,
  'margin-left': length,
  'margin-right': length,
  'margin-top': length,
  'padding-left': length,
  'border-width': length,
  'border-top-width': length,
  'border-right-width': length,
  'border-bottom-width': length,
  // An array's vertical rule is pulled back by half its thickness: `0 -0.02em`.
  margin: (value) => /^0 \S+$/.test(value) && length(value.slice(2)),
  position: oneOf('relative'),
  'border-style': oneOf('solid', 'dashed'),
  'border-right-style': oneOf('solid', 'dashed'),
  color: colour,
  'background-color': colour,
  'border-color': colour,
  // `\pmb`'s fake bold; any other shadow could paint text far from where it is laid out.
  'text-shadow': oneOf('0.02em 0.01em 0.04px'),
  // `\fcolorbox` in MathML: `border: 0.04em solid red`.
  border: (value) => {
    const [width = '', style = '', paint = '', ...rest] = value.split(' ');
    return rest.length === 0 && length(width) && style === 'solid' && colour(paint);
  },
};

/**
 * Filters one inline `style` attribute down to the declarations KaTeX writes, each with a value it
 * writes, and serialises what is left. Anything that is not a plain `property:value` pair (comments,
 * escapes, quotes, `!important`) is dropped rather than interpreted, so no parser difference between
 * this function and the browser can let a declaration through.
 * @returns The kept declarations, or `''` when none is left.
 */
export function filterKatexStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const match = /^\s*([a-z-]+)\s*:\s*([-#\w. %]+?)\s*$/.exec(declaration);
    if (!match) continue;
    const [, property = '', value = ''] = match;
    const check = Object.hasOwn(KATEX_STYLES, property) ? KATEX_STYLES[property] : undefined;
    if (check?.(value.replace(/\s+/g, ' '))) kept.push(`${property}:${value.replace(/\s+/g, ' ')}`);
  }
  return kept.join(';');
}

// TeX's units as KaTeX converts them (units.ts: pt per unit, 10pt to the em; px is taken as bp),
// for MathML lengths, where KaTeX passes the user's unit through.
const PT_PER_UNIT: Readonly<Record<string, number>> = {
  pt: 1, mm: 7227 / 2540, cm: 7227 / 254, in: 72.27, bp: 803 / 800, px: 803 / 800, pc: 12,
  dd: 1238 / 1157, cc: 14856 / 1157, sp: 1 / 65536,
};
const EM_PER_UNIT: Readonly<Record<string, number>> = {
  em: 1, ex: 0.431, mu: 1 / 18,
  ...Object.fromEntries(Object.entries(PT_PER_UNIT).map(([unit, pt]) => [unit, pt / 10])),
};
const MATH_LENGTH = /^[+-]?(\d{1,6}(?:\.\d{1,6})?|\.\d{1,6})(em|ex|mu|pt|mm|cm|in|bp|px|pc|dd|cc|sp|%|width|height|depth)?$/;

/**
 * Whether a MathML length (`mspace width`, `mpadded voffset`, `mstyle mathsize` …) is one KaTeX
 * writes within {@link MAX_LENGTH_EM}: a number with a TeX or CSS unit, a percentage up to 100, or a
 * multiple (at most 1) of the content's own width, height or depth. Lists (`rowspacing`) are
 * checked item by item.
 */
export function isBoundedMathLength(value: string): boolean {
  const items = value.trim().split(/\s+/);
  return items.length > 0 && items.every((item) => {
    const match = MATH_LENGTH.exec(item);
    if (!match) return false;
    const number = Number(match[1]);
    const unit = match[2] ?? 'em';
    if (unit === '%') return number <= 100;
    if (unit === 'width' || unit === 'height' || unit === 'depth') return number <= 1;
    return number * (EM_PER_UNIT[unit] ?? Infinity) <= MAX_LENGTH_EM;
  });
}

/**
 * Whether an SVG `width`/`height` is one KaTeX writes on its `<svg>`: a width of `100%` or up to
 * 400em (stretchy SVGs are drawn that wide and clipped by their parent), a height within the bounds
 * of any other length. Never negative; `<path>` and `<line>` carry no size at all.
 */
export function isBoundedSvgLength(attribute: string, value: string): boolean {
  if (value.startsWith('-')) return false;
  if (attribute === 'width') return value === '100%' || emWithin(STRETCHY_SVG_WIDTH_EM)(value);
  return attribute === 'height' && length(value);
}

/** The MathML attributes that carry a length, checked by {@link isBoundedMathLength}. */
export const MATH_LENGTH_ATTRIBUTES: readonly string[] = ['width', 'height', 'depth', 'lspace', 'rspace', 'voffset', 'minsize', 'maxsize', 'mathsize', 'rowspacing', 'columnspacing', 'linethickness'];

/**
 * The first length in KaTeX output that is out of bounds (a declaration or MathML attribute), or
 * null. The renderer uses it to refuse what `maxSize` lets through: KaTeX clamps a size to
 * `maxSize` from above only, so `\kern-100em` arrives as `margin-right:-100em`.
 */
export function findOutOfBoundsLength(html: string): string | null {
  for (const [tag, name = '', attributes = ''] of html.matchAll(/<([a-z]+)\s([^>]*)>/g)) {
    // KaTeX writes the same few thousand tags over and over: each is judged once.
    let found = tagsJudged.get(tag);
    if (found === undefined) {
      found = outOfBoundsInTag(name, attributes);
      if (tagsJudged.size >= MAX_TAGS_JUDGED) tagsJudged.clear();
      tagsJudged.set(tag, found);
    }
    if (found !== null) return found;
  }
  return null;
}

const tagsJudged = new Map<string, string | null>();
const MAX_TAGS_JUDGED = 20_000;

function outOfBoundsInTag(name: string, attributes: string): string | null {
  for (const [, attribute = '', value = ''] of attributes.matchAll(/([\w:-]+)="([^"]*)"/g)) {
    if (attribute === 'style') {
      for (const declaration of value.split(';')) {
        const [property = '', raw = ''] = declaration.split(':').map((part) => part.trim());
        if (/\d/.test(raw) && Object.hasOwn(KATEX_STYLES, property) && !KATEX_STYLES[property]!(raw)) return `${property}:${raw}`;
      }
    } else if (name === 'svg' ? (attribute === 'width' || attribute === 'height') && !isBoundedSvgLength(attribute, value) : name.startsWith('m') && MATH_LENGTH_ATTRIBUTES.includes(attribute) && !isBoundedMathLength(value)) {
      return `${attribute}="${value}"`;
    }
  }
  return null;
}
