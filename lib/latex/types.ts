/**
 * Shared data shapes for the LaTeX-in-abstracts pipeline.
 *
 * The pipeline runs at build time: abstracts are parsed once, math is
 * pre-rendered with KaTeX, and only these plain data objects are shipped to
 * the extension, so the content script never needs KaTeX's JavaScript.
 */

/**
 * Structural emphasis kept from `\textbf`, `\textit`/`\emph` and `\texttt`.
 * It is a mark in the data model, never raw HTML taken from the input.
 */
export type Emphasis = 'bold' | 'italic' | 'code';

/**
 * One piece of a rendered abstract.
 *
 * - `text`: reader-visible prose (already unescaped, no LaTeX left in it).
 * - `math`: one math span; `tex` is the source handed to KaTeX, `plain` a
 *   Unicode rendering for search and fallbacks, `html` the pre-rendered KaTeX
 *   markup (or the escaped `plain` text when KaTeX could not render it, in
 *   which case `fallback` is `true`).
 * - `url`: a URL from `\url{…}` or `\href`; only http(s) URLs become links.
 */
export type RichSegment =
  | { kind: 'text'; text: string; emphasis?: Emphasis }
  | { kind: 'math'; tex: string; display: boolean; plain: string; html: string; fallback?: boolean; fallbackReason?: string }
  | { kind: 'url'; url: string };

/** Result of the full pipeline for one piece of input text. */
export interface RenderedLatex {
  /** Reader-facing plain text (math as Unicode), for search and text-only UI. */
  plain: string;
  /** Safe HTML fragment: escaped text, `<strong>/<em>/<code>`, http(s) links, KaTeX spans. */
  html: string;
  /** The structured form both `plain` and `html` were derived from. */
  segments: RichSegment[];
  /** Whether any math span was found (rendered or fallen back). */
  hasMath: boolean;
}

/**
 * Intermediate token produced by the tokenizer before math is rendered.
 * Math has no `plain`/`html` yet so that the cheap plain-text path never
 * touches KaTeX.
 */
export type LatexToken =
  | { kind: 'text'; text: string; emphasis?: Emphasis }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'url'; url: string };
