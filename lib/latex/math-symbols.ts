/**
 * Lookup tables for math-mode commands.
 *
 * They serve two purposes: the Unicode plain-text rendering of math, and the
 * tokenizer's decision whether a bare `\command` outside `$…$` (e.g.
 * `PixArt-\Sigma`) is math. Anything not listed is treated as unknown, which
 * is safe: unknown commands are reduced to their name, never shown with a
 * backslash.
 */

/** Zero-argument math commands that map to a single Unicode string. */
export const MATH_SYMBOLS: Readonly<Record<string, string>> = Object.freeze({
  // Greek, lower case. \epsilon/\phi follow TeX's glyph choice (ϵ, ϕ), the var- forms the other one.
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', varkappa: 'ϰ', lambda: 'λ', mu: 'μ', nu: 'ν',
  xi: 'ξ', omicron: 'ο', pi: 'π', varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς',
  tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', digamma: 'ϝ',
  // Greek, upper case (the ones that differ from Latin letters).
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ',
  Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  varGamma: 'Γ', varDelta: 'Δ', varTheta: 'Θ', varLambda: 'Λ', varXi: 'Ξ', varPi: 'Π',
  varSigma: 'Σ', varUpsilon: 'Υ', varPhi: 'Φ', varPsi: 'Ψ', varOmega: 'Ω',
  // Binary operators.
  times: '×', cdot: '⋅', div: '÷', pm: '±', mp: '∓', ast: '∗', star: '⋆', circ: '∘', bullet: '∙',
  oplus: '⊕', ominus: '⊖', otimes: '⊗', odot: '⊙', oslash: '⊘', cup: '∪', cap: '∩', sqcup: '⊔',
  sqcap: '⊓', vee: '∨', wedge: '∧', lor: '∨', land: '∧', setminus: '∖', smallsetminus: '∖',
  wr: '≀', amalg: '⨿', uplus: '⊎', diamond: '⋄', cdotp: '·', ldotp: '.', centerdot: '·',
  // Relations.
  le: '≤', leq: '≤', ge: '≥', geq: '≥', leqslant: '⩽', geqslant: '⩾', neq: '≠', ne: '≠', lt: '<',
  gt: '>', approx: '≈', approxeq: '≊', sim: '∼', simeq: '≃', cong: '≅', equiv: '≡', propto: '∝',
  ll: '≪', gg: '≫', lll: '⋘', ggg: '⋙', prec: '≺', succ: '≻', preceq: '⪯', succeq: '⪰',
  subset: '⊂', supset: '⊃', subseteq: '⊆', supseteq: '⊇', subsetneq: '⊊', supsetneq: '⊋',
  in: '∈', ni: '∋', notin: '∉', owns: '∋', mid: '∣', nmid: '∤', parallel: '∥', nparallel: '∦',
  perp: '⊥', vdash: '⊢', dashv: '⊣', models: '⊨', doteq: '≐', asymp: '≍', coloneqq: '≔',
  eqqcolon: '≕', triangleq: '≜', lesssim: '≲', gtrsim: '≳', lessapprox: '⪅', gtrapprox: '⪆',
  nleq: '≰', ngeq: '≱', nless: '≮', ngtr: '≯', nsim: '≁', ncong: '≇', sqsubseteq: '⊑',
  sqsupseteq: '⊒', bowtie: '⋈', smile: '⌣', frown: '⌢', colon: ':',
  // Arrows.
  to: '→', rightarrow: '→', leftarrow: '←', gets: '←', leftrightarrow: '↔', Rightarrow: '⇒',
  Leftarrow: '⇐', Leftrightarrow: '⇔', implies: '⟹', impliedby: '⟸', iff: '⟺', mapsto: '↦',
  longrightarrow: '⟶', longleftarrow: '⟵', longleftrightarrow: '⟷', Longrightarrow: '⟹',
  Longleftarrow: '⟸', Longleftrightarrow: '⟺', longmapsto: '⟼', uparrow: '↑', downarrow: '↓',
  Uparrow: '⇑', Downarrow: '⇓', updownarrow: '↕', nearrow: '↗', searrow: '↘', swarrow: '↙',
  nwarrow: '↖', hookrightarrow: '↪', hookleftarrow: '↩', rightleftharpoons: '⇌', leadsto: '⇝',
  rightharpoonup: '⇀', leftharpoonup: '↼', twoheadrightarrow: '↠', circlearrowleft: '↺',
  circlearrowright: '↻',
  // Big operators.
  sum: '∑', prod: '∏', coprod: '∐', int: '∫', iint: '∬', iiint: '∭', oint: '∮', bigcup: '⋃',
  bigcap: '⋂', bigoplus: '⨁', bigotimes: '⨂', bigodot: '⨀', bigvee: '⋁', bigwedge: '⋀',
  biguplus: '⨄', bigsqcup: '⨆',
  // Delimiters.
  langle: '⟨', rangle: '⟩', lfloor: '⌊', rfloor: '⌋', lceil: '⌈', rceil: '⌉', lvert: '|',
  rvert: '|', vert: '|', lVert: '‖', rVert: '‖', Vert: '‖', lbrace: '{', rbrace: '}',
  lbrack: '[', rbrack: ']', lparen: '(', rparen: ')',
  // \backslash renders as set-minus-like glyph here so that no plain text ever holds "\" + letters.
  backslash: '∖',
  textbackslash: '⧵',
  // Miscellaneous symbols.
  infty: '∞', partial: '∂', nabla: '∇', forall: '∀', exists: '∃', nexists: '∄', neg: '¬', lnot: '¬',
  emptyset: '∅', varnothing: '∅', ldots: '…', cdots: '⋯', dots: '…', dotsc: '…', dotsb: '⋯',
  dotsm: '⋯', dotsi: '⋯', dotso: '…', vdots: '⋮', ddots: '⋱', prime: '′', ell: 'ℓ', hbar: 'ℏ',
  hslash: 'ℏ', Re: 'ℜ', Im: 'ℑ', aleph: 'ℵ', beth: 'ℶ', wp: '℘', top: '⊤', bot: '⊥', angle: '∠',
  measuredangle: '∡', triangle: '△', vartriangle: '△', bigtriangleup: '△', bigtriangledown: '▽',
  square: '□', Box: '□', blacksquare: '■', checkmark: '✓', surd: '√', degree: '°', dag: '†',
  ddag: '‡', dagger: '†', ddagger: '‡', clubsuit: '♣', heartsuit: '♡', spadesuit: '♠',
  diamondsuit: '♢', flat: '♭', sharp: '♯', natural: '♮', imath: 'ı', jmath: 'ȷ', mho: '℧', eth: 'ð',
  complement: '∁', therefore: '∴', because: '∵', bigstar: '★', lozenge: '◊', circledast: '⊛',
  Finv: 'Ⅎ', Game: '⅁',
});

/** Named operators rendered upright by TeX; emitted as words in plain text. */
export const MATH_OPERATOR_NAMES: ReadonlySet<string> = new Set([
  'log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'sinh', 'cosh', 'tanh', 'coth',
  'arcsin', 'arccos', 'arctan', 'max', 'min', 'arg', 'argmax', 'argmin', 'lim', 'liminf', 'limsup',
  'sup', 'inf', 'det', 'dim', 'ker', 'Pr', 'gcd', 'deg', 'hom', 'mod', 'bmod', 'pmod', 'Tr',
  'tr', 'rank', 'diag', 'sgn', 'softmax',
]);

/** Math font commands whose argument is kept as-is (the style is not representable in plain text). */
export const MATH_STYLE_COMMANDS: ReadonlySet<string> = new Set([
  'mathbf', 'mathrm', 'mathit', 'mathsf', 'mathtt', 'mathnormal', 'boldsymbol', 'bm', 'pmb',
  'mathfrak', 'text', 'textrm', 'textit', 'textbf', 'textsf', 'texttt', 'textnormal', 'textup',
  'textsl', 'textmd', 'emph', 'mbox', 'hbox', 'fbox', 'boxed', 'smash', 'cancel', 'bcancel',
  'xcancel', 'sout', 'underbrace', 'overbrace', 'mathop', 'mathbin', 'mathrel', 'mathord',
  'mathopen', 'mathclose', 'mathpunct', 'mathinner', 'textsc', 'underline', 'mathclap', 'mathllap',
  'mathrlap', 'clap', 'llap', 'rlap', 'operatorname', 'textsuperscript', 'textsubscript',
]);

/** Math accents: command → combining character applied to a single-character argument. */
export const MATH_ACCENTS: Readonly<Record<string, string>> = Object.freeze({
  hat: '\u0302', widehat: '\u0302', tilde: '\u0303', widetilde: '\u0303', bar: '\u0304',
  overline: '\u0304', vec: '\u20D7', overrightarrow: '\u20D7', dot: '\u0307', ddot: '\u0308',
  dddot: '\u20DB', breve: '\u0306', check: '\u030C', acute: '\u0301', grave: '\u0300',
  mathring: '\u030A', underbar: '\u0332', widecheck: '\u030C', overleftarrow: '\u20D6',
});

/**
 * Arity of math commands that take arguments. Used both by the Unicode
 * converter and to decide how much source a bare command outside `$…$`
 * swallows (e.g. `\mathcal{O}` is one math span, not `\mathcal` + `{O}`).
 */
export const MATH_COMMAND_ARITY: Readonly<Record<string, number>> = Object.freeze({
  frac: 2, dfrac: 2, tfrac: 2, cfrac: 2, binom: 2, dbinom: 2, tbinom: 2, sqrt: 1,
  mathcal: 1, mathscr: 1, mathbb: 1, Bbb: 1, overset: 2, underset: 2, stackrel: 2,
  xrightarrow: 1, xleftarrow: 1, textcolor: 2, colorbox: 2, color: 1, phantom: 1, hphantom: 1,
  vphantom: 1, not: 0,
  ...Object.fromEntries([...MATH_STYLE_COMMANDS].map((c) => [c, 1])),
  ...Object.fromEntries(Object.keys(MATH_ACCENTS).map((c) => [c, 1])),
});

/** Commands with an optional `[…]` argument before their mandatory ones. */
export const MATH_OPTIONAL_ARG: ReadonlySet<string> = new Set(['sqrt', 'xrightarrow', 'xleftarrow']);

/** Arg-taking commands that are valid in text too; bare occurrences are prose, not math. */
const TEXT_AMBIGUOUS: ReadonlySet<string> = new Set([
  'text', 'textrm', 'textit', 'textbf', 'textsf', 'texttt', 'textnormal', 'textup', 'textsl',
  'textmd', 'emph', 'mbox', 'hbox', 'fbox', 'textsc', 'underline', 'textcolor', 'colorbox', 'color',
  'textsuperscript', 'textsubscript', 'phantom', 'hphantom', 'vphantom', 'sout', 'not',
]);

/**
 * Whether a command name outside `$…$` should be treated as an inline math
 * span. Only known math vocabulary qualifies, so prose commands like
 * `\textbf` or unknown macros never get sent to KaTeX by accident.
 */
export function isMathCommand(name: string): boolean {
  return (
    Object.prototype.hasOwnProperty.call(MATH_SYMBOLS, name) ||
    MATH_OPERATOR_NAMES.has(name) ||
    (Object.prototype.hasOwnProperty.call(MATH_COMMAND_ARITY, name) &&
      // These also exist in text mode; the text tokenizer handles them there.
      !TEXT_AMBIGUOUS.has(name))
  );
}

const SUPERSCRIPTS: Readonly<Record<string, string>> = Object.freeze({
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
  a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ', f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ',
  m: 'ᵐ', n: 'ⁿ', o: 'ᵒ', p: 'ᵖ', r: 'ʳ', s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ',
  z: 'ᶻ', A: 'ᴬ', B: 'ᴮ', D: 'ᴰ', E: 'ᴱ', G: 'ᴳ', H: 'ᴴ', I: 'ᴵ', J: 'ᴶ', K: 'ᴷ', L: 'ᴸ', M: 'ᴹ',
  N: 'ᴺ', O: 'ᴼ', P: 'ᴾ', R: 'ᴿ', T: 'ᵀ', U: 'ᵁ', V: 'ⱽ', W: 'ᵂ',
  α: 'ᵅ', β: 'ᵝ', γ: 'ᵞ', δ: 'ᵟ', ε: 'ᵋ', θ: 'ᶿ', φ: 'ᵠ', χ: 'ᵡ',
  '⊤': 'ᵀ', '∘': '°', '′': '′', '″': '″', '*': '*', '∗': '*', '†': '†', '‡': '‡', ' ': '',
});

const SUBSCRIPTS: Readonly<Record<string, string>> = Object.freeze({
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ',
  s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ', β: 'ᵦ', γ: 'ᵧ', ρ: 'ᵨ', φ: 'ᵩ', χ: 'ᵪ', ' ': '',
});

/**
 * Converts already-plain script content to Unicode super/subscript
 * characters when every character has one; otherwise falls back to the
 * readable `^x` / `^(…)` notation, because a half-converted script would
 * change the meaning.
 */
export function toScript(content: string, kind: 'sup' | 'sub'): string {
  const trimmed = content.trim();
  if (trimmed === '') return '';
  const mark = kind === 'sup' ? '^' : '_';
  // Real scripts are a few characters; long ones (hostile nesting) skip the per-character mapping.
  if (trimmed.length > 32) return `${mark}(${trimmed})`;
  const chars = [...trimmed];
  const table = kind === 'sup' ? SUPERSCRIPTS : SUBSCRIPTS;
  const mapped = chars.map((c) => (Object.prototype.hasOwnProperty.call(table, c) ? table[c] : undefined));
  if (mapped.every((m) => m !== undefined)) return mapped.join('');
  return chars.length === 1 ? mark + chars[0] : `${mark}(${chars.join('')})`;
}

// Unicode math alphabets leave holes where a letter already existed in the
// Letterlike Symbols block; these fill them.
const SCRIPT_HOLES: Readonly<Record<string, string>> = Object.freeze({
  B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ',
});
const DOUBLE_STRUCK_HOLES: Readonly<Record<string, string>> = Object.freeze({
  C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ',
});

/**
 * Maps ASCII letters (and digits for double-struck) to the Unicode
 * mathematical script / double-struck alphabets, so `\mathcal{O}` reads as
 * `𝒪` and `\mathbb{R}` as `ℝ`. Other characters pass through unchanged.
 */
export function toMathAlphabet(content: string, alphabet: 'script' | 'double-struck'): string {
  let out = '';
  for (const ch of content) {
    const code = ch.charCodeAt(0);
    const upper = code >= 65 && code <= 90;
    const lower = code >= 97 && code <= 122;
    const digit = code >= 48 && code <= 57;
    if (alphabet === 'script') {
      if (SCRIPT_HOLES[ch]) out += SCRIPT_HOLES[ch];
      else if (upper) out += String.fromCodePoint(0x1d49c + code - 65);
      else if (lower) out += String.fromCodePoint(0x1d4b6 + code - 97);
      else out += ch;
    } else {
      if (DOUBLE_STRUCK_HOLES[ch]) out += DOUBLE_STRUCK_HOLES[ch];
      else if (upper) out += String.fromCodePoint(0x1d538 + code - 65);
      else if (lower) out += String.fromCodePoint(0x1d552 + code - 97);
      else if (digit) out += String.fromCodePoint(0x1d7d8 + code - 48);
      else out += ch;
    }
  }
  return out;
}
