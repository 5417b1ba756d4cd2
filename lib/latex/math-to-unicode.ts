/**
 * Plain-text (Unicode) rendering of TeX math, for search indexing and as the
 * fallback when KaTeX cannot render a span. `\Sigma` → `Σ`, `x^{2}` → `x²`,
 * `\frac{a}{b}` → `a/b`, `\mathcal{O}` → `𝒪`.
 *
 * The output never contains a backslash: every command is either mapped,
 * reduced to its argument, dropped (layout, macro definitions, links,
 * images) or, when unknown, reduced to its bare name.
 */
import {
  MATH_ACCENTS,
  MATH_OPERATOR_NAMES,
  MATH_STYLE_COMMANDS,
  MATH_SYMBOLS,
  toMathAlphabet,
  toScript,
} from './math-symbols.ts';

type Tok = { t: 'cmd'; v: string } | { t: 'sym'; v: string } | { t: 'ch'; v: string } | { t: 'ws' };

interface Piece {
  text: string;
  /** The piece is a word (operator name, unknown macro) that needs a space before a following letter. */
  word: boolean;
}

// Nesting beyond this is flattened instead of recursed into, so hostile
// `{{{{…}}}}` or `\frac\frac\frac…` input cannot overflow the stack.
const MAX_DEPTH = 40;

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

const SYMBOL_TOKENS: Readonly<Record<string, string>> = Object.freeze({
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '>': ' ',
  ' ': ' ',
  '!': '',
  '\\': ' ',
  '|': '‖',
  '/': '',
});

const NEGATED: Readonly<Record<string, string>> = Object.freeze({
  '=': '≠', '∈': '∉', '<': '≮', '>': '≯', '≤': '≰', '≥': '≱', '⊂': '⊄', '⊃': '⊅', '⊆': '⊈',
  '⊇': '⊉', '≡': '≢', '∼': '≁', '≈': '≉', '∋': '∌', '∣': '∤', '∥': '∦', '≅': '≇', '∃': '∄',
});

const SPACES = new Set(['quad', 'qquad', 'enspace', 'thinspace', 'medspace', 'thickspace', 'space', 'nobreakspace', 'cr', 'newline', 'hfill']);
const NOTHING = new Set([
  'negthinspace', 'negmedspace', 'negthickspace', 'displaystyle', 'textstyle', 'scriptstyle',
  'scriptscriptstyle', 'limits', 'nolimits', 'displaylimits', 'mathstrut', 'strut', 'relax', 'nobreak',
  'allowbreak', 'nonumber', 'notag', 'global', 'long', 'protected', 'hline', 'left', 'right', 'middle',
  'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'Biggl', 'Biggr',
  'bigm', 'Bigm', 'biggm', 'Biggm', 'tiny', 'small', 'large', 'Large', 'LARGE', 'huge', 'Huge',
  'normalsize', 'footnotesize', 'scriptsize', 'rm', 'bf', 'it', 'sf', 'tt', 'cal', 'boldmath',
]);
const DELIMITER_SIZERS = new Set(['left', 'right', 'middle']);
const KERNS = new Set(['kern', 'mkern', 'hskip', 'mskip', 'hspace', 'mspace', 'vspace']);

/** Converts a TeX math string to readable Unicode plain text. Never throws. */
export function mathToUnicode(tex: string): string {
  const text = new MathConverter(lex(tex)).run();
  return text
    .replace(/[ \t\r\n]+/g, ' ')
    .trim()
    .replace(/\\/g, '⧵');
}

function lex(tex: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < tex.length) {
    const ch = tex[i]!;
    if (ch === '\\') {
      let j = i + 1;
      while (j < tex.length && /[A-Za-z]/.test(tex[j]!)) j++;
      if (j > i + 1) {
        toks.push({ t: 'cmd', v: tex.slice(i + 1, j) });
        i = j;
      } else if (i + 1 < tex.length) {
        const cp = String.fromCodePoint(tex.codePointAt(i + 1)!);
        toks.push({ t: 'sym', v: cp });
        i += 1 + cp.length;
      } else {
        i++;
      }
    } else if (/\s/.test(ch)) {
      while (i < tex.length && /\s/.test(tex[i]!)) i++;
      toks.push({ t: 'ws' });
    } else {
      const cp = String.fromCodePoint(tex.codePointAt(i)!);
      toks.push({ t: 'ch', v: cp });
      i += cp.length;
    }
  }
  return toks;
}

/** Whether a fraction part can stand without parentheses (`a/b` vs `(a+b)/c`). */
function isSimple(x: string): boolean {
  return x !== '' && !/[\s+\-−=<>±∓×÷⋅·/∗,]/.test(x);
}

function wrap(x: string): string {
  return x === '' || isSimple(x) ? x : `(${x})`;
}

class MathConverter {
  private pos = 0;

  constructor(private readonly toks: readonly Tok[]) {}

  run(): string {
    let out = '';
    while (this.pos < this.toks.length) out += this.seq(null, 0);
    return out;
  }

  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }

  private isCh(tok: Tok | undefined, v: string): boolean {
    return tok !== undefined && tok.t === 'ch' && tok.v === v;
  }

  private skipWs(): void {
    while (this.peek()?.t === 'ws') this.pos++;
  }

  /** Converts tokens until `stop` (left unconsumed) or the end. */
  private seq(stop: '}' | ']' | null, depth: number): string {
    let out = '';
    // Tail of the last appended piece; inspecting `out` itself would flatten
    // the growing rope string on every step and make long input quadratic.
    let tail = '';
    let pendingWord = false;
    while (this.pos < this.toks.length) {
      const tok = this.peek()!;
      if (stop !== null && this.isCh(tok, stop)) break;
      const piece = this.atomWithScripts(depth);
      if (piece.text === '') continue;
      // Words (`\log`, unknown macros) need spaces where TeX would set them apart: `n\log n` → `n log n`.
      if ((pendingWord && /^[\p{L}\p{N}]/u.test(piece.text)) || (piece.word && /[\p{L}\p{N}]$/u.test(tail))) out += ' ';
      out += piece.text;
      tail = piece.text.slice(-2);
      pendingWord = piece.word;
    }
    return out;
  }

  private atomWithScripts(depth: number): Piece {
    const startTok = this.peek();
    const base = this.atom(depth);
    if (startTok?.t === 'ws') return base;
    let text = base.text;
    for (;;) {
      const save = this.pos;
      this.skipWs();
      const tok = this.peek();
      if (this.isCh(tok, '^') || this.isCh(tok, '_')) {
        this.pos++;
        text += toScript(this.arg(depth + 1), (tok as { v: string }).v === '^' ? 'sup' : 'sub');
      } else {
        this.pos = save;
        break;
      }
    }
    return { text, word: base.word && text === base.text };
  }

  /** One argument: a group, a command with its own arguments, or a character. */
  private arg(depth: number): string {
    this.skipWs();
    const tok = this.peek();
    if (tok === undefined || this.isCh(tok, '}') || this.isCh(tok, ']')) return '';
    return this.atom(depth).text;
  }

  /** Optional `[…]` argument, or null when absent. */
  private optArg(depth: number): string | null {
    const save = this.pos;
    this.skipWs();
    if (!this.isCh(this.peek(), '[')) {
      this.pos = save;
      return null;
    }
    this.pos++;
    const inner = depth >= MAX_DEPTH ? this.flatten(']') : this.seq(']', depth + 1);
    if (this.isCh(this.peek(), ']')) this.pos++;
    return inner;
  }

  private atom(depth: number): Piece {
    const tok = this.toks[this.pos++];
    if (tok === undefined) return { text: '', word: false };
    switch (tok.t) {
      case 'ws':
        return { text: ' ', word: false };
      case 'sym':
        return { text: has(SYMBOL_TOKENS, tok.v) ? SYMBOL_TOKENS[tok.v]! : tok.v, word: false };
      case 'cmd':
        return this.command(tok.v, depth);
      case 'ch':
        switch (tok.v) {
          case '{': {
            const inner = depth >= MAX_DEPTH ? this.flatten('}') : this.seq('}', depth + 1);
            if (this.isCh(this.peek(), '}')) this.pos++;
            return { text: inner, word: false };
          }
          case '}':
          case '$':
            return { text: '', word: false };
          case '^':
          case '_':
            return { text: toScript(this.arg(depth + 1), tok.v === '^' ? 'sup' : 'sub'), word: false };
          case '~':
            return { text: '\u00a0', word: false };
          case '&':
            return { text: ' ', word: false };
          case "'":
            return { text: '′', word: false };
          default:
            return { text: tok.v, word: false };
        }
    }
  }

  /** Past the depth limit: emit the rest of the group as symbols/characters without structure. */
  private flatten(stop: '}' | ']'): string {
    let out = '';
    let nest = 0;
    while (this.pos < this.toks.length) {
      const tok = this.peek()!;
      if (tok.t === 'ch') {
        if (tok.v === stop && nest === 0) break;
        if (tok.v === '{') nest++;
        else if (tok.v === '}') nest--;
        else if (tok.v !== '^' && tok.v !== '_' && tok.v !== '$') out += tok.v;
      } else if (tok.t === 'ws') out += ' ';
      else if (tok.t === 'sym') out += has(SYMBOL_TOKENS, tok.v) ? SYMBOL_TOKENS[tok.v] : tok.v;
      else out += has(MATH_SYMBOLS, tok.v) ? MATH_SYMBOLS[tok.v] : NOTHING.has(tok.v) ? '' : tok.v;
      this.pos++;
    }
    return out;
  }

  private command(name: string, depth: number): Piece {
    const text = (t: string): Piece => ({ text: t, word: false });
    if (has(MATH_SYMBOLS, name)) return text(MATH_SYMBOLS[name]!);
    if (MATH_OPERATOR_NAMES.has(name)) return { text: name, word: true };
    if (NOTHING.has(name)) {
      if (DELIMITER_SIZERS.has(name)) {
        this.skipWs();
        // `\left.` is an invisible delimiter.
        if (this.isCh(this.peek(), '.')) this.pos++;
      }
      return text('');
    }
    if (SPACES.has(name)) return text(' ');
    // Past the depth limit, arguments are left to the enclosing sequence.
    if (depth >= MAX_DEPTH) return { text: name, word: true };

    const d = depth + 1;
    switch (name) {
      case 'def':
      case 'gdef':
      case 'edef':
      case 'xdef':
        this.skipDef();
        return text('');
      case 'newcommand':
      case 'renewcommand':
      case 'providecommand':
      case 'DeclareMathOperator':
        if (this.isCh(this.peek(), '*')) this.pos++;
        this.arg(d);
        while (this.optArg(d) !== null);
        this.arg(d);
        return text('');
      case 'let':
        this.arg(d);
        this.skipWs();
        if (this.isCh(this.peek(), '=')) this.pos++;
        this.arg(d);
        return text('');
      case 'operatorname':
        if (this.isCh(this.peek(), '*')) this.pos++;
        return { text: this.arg(d), word: true };
      case 'mathcal':
      case 'mathscr':
        return text(toMathAlphabet(this.arg(d), 'script'));
      case 'mathbb':
      case 'Bbb':
        return text(toMathAlphabet(this.arg(d), 'double-struck'));
      case 'frac':
      case 'dfrac':
      case 'tfrac':
      case 'cfrac': {
        const a = this.arg(d);
        const b = this.arg(d);
        return text(`${wrap(a)}/${wrap(b)}`);
      }
      case 'over':
        return text('/');
      case 'binom':
      case 'dbinom':
      case 'tbinom': {
        const a = this.arg(d);
        const b = this.arg(d);
        return text(`C(${a}, ${b})`);
      }
      case 'sqrt': {
        const index = this.optArg(d)?.trim() ?? '';
        const a = this.arg(d);
        const root = index === '' ? '√' : index === '3' ? '∛' : index === '4' ? '∜' : toScript(index, 'sup') + '√';
        return text(root + wrap(a));
      }
      case 'overset':
      case 'underset':
      case 'stackrel':
        this.arg(d);
        return text(this.arg(d));
      case 'xrightarrow':
      case 'xleftarrow':
        this.optArg(d);
        this.arg(d);
        return text(name === 'xrightarrow' ? '→' : '←');
      case 'not': {
        this.skipWs();
        const next = this.atom(d).text;
        return text(has(NEGATED, next) ? NEGATED[next]! : (next + '\u0338').normalize('NFC'));
      }
      case 'color':
      case 'label':
      case 'phantom':
      case 'hphantom':
      case 'vphantom':
        this.arg(d);
        return text('');
      case 'tag': {
        if (this.isCh(this.peek(), '*')) this.pos++;
        return text(` (${this.arg(d)})`);
      }
      case 'textcolor':
      case 'colorbox':
      case 'href':
      case 'htmlClass':
      case 'htmlId':
      case 'htmlStyle':
      case 'htmlData':
      case 'raisebox':
        // The first argument is a colour / URL / attribute: never shown, never linked.
        this.arg(d);
        return text(this.arg(d));
      case 'fcolorbox':
        this.arg(d);
        this.arg(d);
        return text(this.arg(d));
      case 'url':
        return text(this.arg(d));
      case 'includegraphics':
        while (this.optArg(d) !== null);
        this.arg(d);
        return text('');
      case 'rule':
        this.optArg(d);
        this.arg(d);
        this.arg(d);
        return text('');
      case 'begin': {
        const env = this.arg(d).trim();
        if (/^(array|subarray|tabular)\*?$/.test(env)) this.arg(d);
        return text(' ');
      }
      case 'end':
        this.arg(d);
        return text(' ');
    }
    if (KERNS.has(name)) {
      if (this.isCh(this.peek(), '*')) this.pos++;
      this.skipDimension(d);
      return text(' ');
    }
    if (has(MATH_ACCENTS, name)) {
      const a = this.arg(d);
      return text([...a].length === 1 ? (a + MATH_ACCENTS[name]).normalize('NFC') : a);
    }
    if (MATH_STYLE_COMMANDS.has(name)) return text(this.arg(d));
    // Unknown (or user-defined) command: its name is the most readable stand-in.
    return { text: name, word: true };
  }

  /** Skips `\def\name<params>{body}` without expanding anything. */
  private skipDef(): void {
    this.skipWs();
    if (this.peek()?.t === 'cmd' || this.peek()?.t === 'sym') this.pos++;
    while (this.pos < this.toks.length && !this.isCh(this.peek(), '{')) this.pos++;
    if (this.pos >= this.toks.length) return;
    this.pos++;
    let nest = 0;
    while (this.pos < this.toks.length) {
      const tok = this.toks[this.pos++]!;
      if (tok.t !== 'ch') continue;
      if (tok.v === '{') nest++;
      else if (tok.v === '}') {
        if (nest === 0) return;
        nest--;
      }
    }
  }

  /** Skips a dimension argument: `{1em}` or an inline `-3mu` / `2.5pt`. */
  private skipDimension(depth: number): void {
    this.skipWs();
    if (this.isCh(this.peek(), '{')) {
      this.arg(depth);
      return;
    }
    while (this.peek()?.t === 'ch' && /[-+0-9.,]/.test((this.peek() as { v: string }).v)) this.pos++;
    for (let n = 0; n < 2 && this.peek()?.t === 'ch' && /[a-z]/.test((this.peek() as { v: string }).v); n++) {
      this.pos++;
    }
  }
}
