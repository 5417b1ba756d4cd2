/**
 * Vocabulary of text-mode (prose) LaTeX commands found in arXiv abstracts,
 * and what each becomes for a reader. Kept as data so the tokenizer stays a
 * small state machine and additions need no new control flow.
 */
import type { Emphasis } from './types.ts';

/**
 * Commands taking one argument whose content stays visible. The value is the
 * emphasis mark to keep (`null` = the style has no structural meaning for us,
 * e.g. `\textsc`, so the text is kept unmarked).
 */
export const TEXT_ARG_COMMANDS: Readonly<Record<string, Emphasis | null>> = Object.freeze({
  textbf: 'bold',
  textit: 'italic',
  emph: 'italic',
  textsl: 'italic',
  texttt: 'code',
  textrm: null,
  textsf: null,
  textnormal: null,
  textup: null,
  textmd: null,
  textsc: null,
  text: null,
  mbox: null,
  hbox: null,
  fbox: null,
  underline: null,
  uline: null,
  textsuperscript: null,
  textsubscript: null,
  // Common in abstracts pasted from papers with the soul/ulem packages.
  hl: null,
  sout: null,
});

/**
 * Old-style declarations (`{\bf x}`) that switch emphasis until the enclosing
 * group ends. `null` resets to unmarked text.
 */
export const TEXT_SWITCHES: Readonly<Record<string, Emphasis | null>> = Object.freeze({
  bf: 'bold',
  bfseries: 'bold',
  it: 'italic',
  itshape: 'italic',
  em: 'italic',
  sl: 'italic',
  slshape: 'italic',
  tt: 'code',
  ttfamily: 'code',
  rm: null,
  rmfamily: null,
  sf: null,
  sffamily: null,
  sc: null,
  scshape: null,
  normalfont: null,
  upshape: null,
  mdseries: null,
});

/** Zero-argument text commands and control symbols that stand for a character or word. */
export const TEXT_SYMBOLS: Readonly<Record<string, string>> = Object.freeze({
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  LaTeX: 'LaTeX',
  LaTeXe: 'LaTeX2ε',
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  textendash: '–',
  textemdash: '—',
  textasciitilde: '~',
  textasciicircum: '^',
  // A real backslash followed by letters would look like a raw command, so
  // use the look-alike U+29F5 (reverse solidus operator).
  textbackslash: '⧵',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  textbullet: '•',
  textperiodcentered: '·',
  textdegree: '°',
  textmu: 'µ',
  textregistered: '®',
  texttrademark: '™',
  textcopyright: '©',
  copyright: '©',
  pounds: '£',
  texteuro: '€',
  euro: '€',
  S: '§',
  P: '¶',
  dag: '†',
  ddag: '‡',
  o: 'ø',
  O: 'Ø',
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  // Spacing and breaks become a plain space; the whitespace pass collapses runs.
  quad: ' ',
  qquad: ' ',
  enspace: ' ',
  thinspace: '\u2009',
  space: ' ',
  newline: ' ',
  linebreak: ' ',
  par: ' ',
  hfill: ' ',
  item: ' • ',
  // Layout-only commands: nothing for a reader.
  noindent: '',
  centering: '',
  raggedright: '',
  raggedleft: '',
  maketitle: '',
  relax: '',
  protect: '',
  nobreak: '',
  xspace: '',
  ignorespaces: '',
  smallskip: '',
  medskip: '',
  bigskip: '',
  clearpage: '',
  newpage: '',
  vfill: '',
  hline: '',
  tiny: '',
  scriptsize: '',
  footnotesize: '',
  small: '',
  normalsize: '',
  large: '',
  Large: '',
  LARGE: '',
  huge: '',
  Huge: '',
  footnotemark: '',
  today: '',
});

/**
 * Commands whose arguments are dropped entirely: references, layout and
 * anything that would load external content. `opt` = leading optional `[…]`
 * args to skip, `args` = mandatory braced args to skip, `emit` = replacement.
 */
export const TEXT_DROP_COMMANDS: Readonly<Record<string, { opt: boolean; args: number; emit: string }>> =
  Object.freeze({
    cite: { opt: true, args: 1, emit: '' },
    citep: { opt: true, args: 1, emit: '' },
    citet: { opt: true, args: 1, emit: '' },
    citealp: { opt: true, args: 1, emit: '' },
    citeauthor: { opt: true, args: 1, emit: '' },
    citeyear: { opt: true, args: 1, emit: '' },
    nocite: { opt: false, args: 1, emit: '' },
    ref: { opt: false, args: 1, emit: '' },
    eqref: { opt: false, args: 1, emit: '' },
    autoref: { opt: false, args: 1, emit: '' },
    cref: { opt: false, args: 1, emit: '' },
    Cref: { opt: false, args: 1, emit: '' },
    pageref: { opt: false, args: 1, emit: '' },
    label: { opt: false, args: 1, emit: '' },
    index: { opt: false, args: 1, emit: '' },
    vspace: { opt: false, args: 1, emit: ' ' },
    hspace: { opt: false, args: 1, emit: ' ' },
    includegraphics: { opt: true, args: 1, emit: '' },
    input: { opt: false, args: 1, emit: '' },
    include: { opt: false, args: 1, emit: '' },
    bibliography: { opt: false, args: 1, emit: '' },
    bibliographystyle: { opt: false, args: 1, emit: '' },
    usepackage: { opt: true, args: 1, emit: '' },
    documentclass: { opt: true, args: 1, emit: '' },
    pagestyle: { opt: false, args: 1, emit: '' },
    thispagestyle: { opt: false, args: 1, emit: '' },
    setlength: { opt: false, args: 2, emit: '' },
    addtolength: { opt: false, args: 2, emit: '' },
    color: { opt: false, args: 1, emit: '' },
    rule: { opt: true, args: 2, emit: '' },
    phantom: { opt: false, args: 1, emit: '' },
  });

/**
 * Commands whose last argument is visible text but which first take other
 * arguments to drop (colour names, box widths).
 */
export const TEXT_SKIP_THEN_KEEP: Readonly<Record<string, number>> = Object.freeze({
  textcolor: 1,
  colorbox: 1,
  fcolorbox: 2,
  raisebox: 1,
  makebox: 0,
  framebox: 0,
  parbox: 1,
});

/** Text accents (`\'e`, `\"{o}`, `\c{c}`) → the combining mark to attach. */
export const TEXT_ACCENTS: Readonly<Record<string, string>> = Object.freeze({
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
});

/** Control symbols (`\%`, `\,` …) in prose → replacement text. */
export const TEXT_CONTROL_SYMBOLS: Readonly<Record<string, string>> = Object.freeze({
  '%': '%',
  '&': '&',
  _: '_',
  '#': '#',
  $: '$',
  '{': '{',
  '}': '}',
  ',': '\u2009',
  ';': ' ',
  ':': ' ',
  '>': ' ',
  '!': '',
  ' ': ' ',
  '\t': ' ',
  '\n': ' ',
  '\r': ' ',
  '-': '',
  '/': '',
  '@': '',
  '\\': ' ',
  '|': '‖',
});

/** Environments whose body is math; the tokenizer turns them into display math. */
export const MATH_ENVIRONMENTS: Readonly<Record<string, string | null>> = Object.freeze({
  equation: null,
  'equation*': null,
  displaymath: null,
  math: null,
  // Multi-line environments are re-wrapped in their KaTeX-supported inner form.
  align: 'aligned',
  'align*': 'aligned',
  eqnarray: 'aligned',
  'eqnarray*': 'aligned',
  gather: 'gathered',
  'gather*': 'gathered',
  multline: 'gathered',
  'multline*': 'gathered',
});
