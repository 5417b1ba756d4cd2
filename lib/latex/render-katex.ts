/**
 * Build-time KaTeX rendering of one math span to an HTML string.
 *
 * This module is the only one that imports KaTeX; it is meant to run in the
 * corpus build, so the extension ships the resulting markup (plus KaTeX's
 * CSS and fonts) but never KaTeX's JavaScript.
 */
import katex from 'katex';
import type { KatexOptions } from 'katex';
import { containsRawLatexCommand, htmlToVisibleText } from './html.ts';
import { findOutOfBoundsLength, MAX_LENGTH_EM, MAX_SIZE_EM } from './katex-allow-list.ts';

/**
 * Options for every KaTeX call. Shared as a constant so tests and later code
 * (e.g. a corpus checker) render exactly as the build does.
 *
 * - `trust: false` — input is untrusted: `\href`, `\url`, `\includegraphics`
 *   and `\htmlClass`/`\htmlId`/`\htmlStyle`/`\htmlData` are refused.
 *   (KaTeX then prints the command name in red instead of throwing; the
 *   render function detects that and falls back to plain text.)
 * - `throwOnError: true` — a parse error throws, so the caller can use its
 *   own plain-text fallback instead of KaTeX's red error box, which would
 *   show the raw TeX source to the reader.
 * - `strict: 'ignore'` — strict mode only concerns LaTeX *compatibility*
 *   (Unicode text in math, `\\` in inline math …), not safety. Abstracts are
 *   written for MathJax-like leniency, so rendering them beats falling back,
 *   and `'ignore'` keeps the build log free of `console.warn` noise. Anything
 *   KaTeX still rejects throws and is caught.
 * - `maxExpand: 200` — abstract math is short: measured real-world spans need
 *   0–16 expansions (`\iff`/`\implies` are the heaviest, ~8 each; `\dots` ~3).
 *   200 leaves >10× headroom while making a self-referential macro bomb
 *   (`\def\a{\a\a}\a`) fail after 200 steps, well under a millisecond.
 * - `maxSize: 5` — caps user-specified sizes (`\rule`, `\kern`, `\hspace`)
 *   at 5em, about one short word. Nothing legitimate in an abstract needs
 *   more, and it stops a span from painting a giant box over the host page.
 *   KaTeX clamps only from above (`\kern-100em` stays -100em), so the
 *   rendered output is also checked: a length beyond `MAX_LENGTH_EM` in
 *   either direction sends the span to the plain-text fallback.
 * - `output: 'htmlAndMathml'` — the MathML copy is what screen readers use;
 *   only its TeX `<annotation>` is stripped afterwards.
 * - `globalGroup: false` and no shared `macros` object — a `\gdef` in one
 *   abstract must not leak into the next render call.
 */
export const KATEX_OPTIONS = Object.freeze({
  output: 'htmlAndMathml',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxExpand: 200,
  maxSize: MAX_SIZE_EM,
  globalGroup: false,
} as const satisfies KatexOptions);

/**
 * Longest TeX source sent to KaTeX. Abstract formulas are a few dozen
 * characters; anything longer is almost certainly a mis-paired `$` swallowing
 * prose, which reads better as plain text than as italic math soup.
 */
export const MAX_TEX_LENGTH = 1000;

/**
 * Whether a fallback reason means the TeX hit one of KaTeX's limits (a macro that expands without
 * end, nesting deep enough to exhaust the stack) rather than being merely malformed: such input is
 * written to hurt, and an importer refuses the file that carries it.
 */
export function isMathLimitReason(reason: string): boolean {
  return /Too many expansions|call stack|RangeError/i.test(reason);
}

/** Outcome of rendering one span: KaTeX HTML, or the reason it fell back. */
export type KatexRenderResult = { ok: true; html: string } | { ok: false; reason: string };

// Commands KaTeX gates behind `trust`. With trust:false KaTeX would print
// their names in red, so they are routed straight to the fallback instead.
const UNTRUSTED_COMMANDS = /\\(?:href|url|includegraphics|htmlClass|htmlId|htmlStyle|htmlData)(?![A-Za-z])/;

// KaTeX escapes the source inside the annotation, so a lazy match cannot
// overrun into real markup.
const TEX_ANNOTATION = /<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/g;

/**
 * Prepares abstract math for KaTeX. A bare `%` in an abstract means
 * "percent" (arXiv shows abstracts verbatim), but KaTeX treats it as a
 * comment and would silently drop the rest of the formula. Equation labels
 * mean nothing outside the paper.
 */
export function prepareTexForKatex(tex: string): string {
  return escapeBarePercent(tex)
    .replace(/\\label\s*\{[^{}]*\}/g, '')
    .replace(/\\(?:nonumber|notag)(?![A-Za-z])/g, '');
}

function escapeBarePercent(tex: string): string {
  let out = '';
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i]!;
    if (ch === '\\') {
      // Copy the escape pair as-is so `\\%` and `\%` are judged correctly.
      out += tex.slice(i, i + 2);
      i++;
    } else out += ch === '%' ? '\\%' : ch;
  }
  return out;
}

/**
 * Renders one math span with KaTeX. Never throws: every failure (parse
 * error, macro bomb, refused untrusted command, over-long input, anything
 * that would leave a raw `\command` visible) becomes `{ ok: false }` so the
 * caller can show its Unicode plain-text rendering instead.
 *
 * The returned HTML has the `application/x-tex` annotation removed (it holds
 * the raw source); the rest of the MathML is kept for screen readers.
 */
export function renderKatex(tex: string, display: boolean): KatexRenderResult {
  const source = prepareTexForKatex(tex);
  if (source.length > MAX_TEX_LENGTH) return { ok: false, reason: 'too-long' };
  if (UNTRUSTED_COMMANDS.test(source)) return { ok: false, reason: 'untrusted-command' };
  let html: string;
  try {
    html = katex.renderToString(source, { ...KATEX_OPTIONS, displayMode: display });
  } catch (err) {
    // ParseError for bad TeX and macro bombs; RangeError for pathological nesting.
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: message.slice(0, 200) };
  }
  html = html.replace(TEX_ANNOTATION, '');
  if (html.includes('katex-error')) return { ok: false, reason: 'katex-error' };
  // Not a math-limit reason: an oversized length is shown as text, the file is still imported.
  const oversized = findOutOfBoundsLength(html);
  if (oversized) return { ok: false, reason: `size-out-of-bounds: ${oversized} (at most ${MAX_LENGTH_EM}em either way)` };
  if (containsRawLatexCommand(htmlToVisibleText(html))) return { ok: false, reason: 'raw-command-visible' };
  return { ok: true, html };
}
