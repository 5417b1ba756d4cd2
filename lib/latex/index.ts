/**
 * Public entry point: LaTeX fragments in arXiv abstracts → readable plain
 * text plus a safe HTML fragment with KaTeX-rendered math.
 *
 * Intended for the build step (corpus generation): this module imports KaTeX.
 * Runtime code that only needs plain text should import `./plain.ts`
 * (`latexToPlainText`) directly so KaTeX never enters an extension bundle.
 */
import { mathFallbackHtml, segmentsToHtml } from './html.ts';
import { mathToUnicode } from './math-to-unicode.ts';
import { tokenPlainText } from './plain.ts';
import { renderKatex } from './render-katex.ts';
import { tokenizeLatex } from './tokenize-latex.ts';
import type { RenderedLatex, RichSegment } from './types.ts';

export type { Emphasis, LatexToken, RenderedLatex, RichSegment } from './types.ts';
export { containsRawLatexCommand, escapeHtml, htmlToVisibleText, segmentsToHtml, textAsSanitizedHtml } from './html.ts';
export { KATEX_OPTIONS, MAX_TEX_LENGTH, renderKatex, isMathLimitReason, type KatexRenderResult } from './render-katex.ts';
export { mathToUnicode } from './math-to-unicode.ts';
export { latexToPlainText, tokenPlainText } from './plain.ts';
export { tokenizeLatex } from './tokenize-latex.ts';
export { isHttpUrl } from './url.ts';
export { sanitizeRenderedHtml } from './sanitize-rendered-html.ts';

/**
 * Full pipeline for one abstract (or any prose with LaTeX fragments): text
 * commands resolved, math pre-rendered with KaTeX (falling back to Unicode
 * plain text per span), everything else HTML-escaped. Never throws.
 */
export function renderLatexText(input: string): RenderedLatex {
  const segments: RichSegment[] = tokenizeLatex(input).map((token): RichSegment => {
    if (token.kind !== 'math') return token;
    const plain = mathToUnicode(token.tex);
    const rendered = renderKatex(token.tex, token.display);
    return rendered.ok
      ? { kind: 'math', tex: token.tex, display: token.display, plain, html: rendered.html }
      : { kind: 'math', tex: token.tex, display: token.display, plain, html: mathFallbackHtml(plain, token.display), fallback: true, fallbackReason: rendered.reason };
  });
  return {
    plain: segments.map((s) => (s.kind === 'math' ? s.plain : tokenPlainText(s))).join(''),
    html: segmentsToHtml(segments),
    segments,
    hasMath: segments.some((s) => s.kind === 'math'),
  };
}
