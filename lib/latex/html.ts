import { decodeHTMLStrict } from 'entities';
/**
 * HTML helpers for the LaTeX pipeline: escaping untrusted text, composing
 * the output fragment, and the "would a reader see a raw `\command`?" check
 * used on both plain text and rendered HTML.
 */
import { isHttpUrl } from './url.ts';
import type { RichSegment } from './types.ts';

const ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
});

/** Escapes text for use in HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The HTML sanitize-html writes for a text: `&`, `<` and `>` escaped, quotes left as they are.
 * Safe in element content; an abstract without markup is stored as its text and shown as this.
 */
export function textAsSanitizedHtml(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}

/**
 * Approximates what a reader sees in an HTML fragment: tags removed,
 * entities decoded. Deliberately crude (no DOM in `lib/`); it is used to
 * check our own, well-formed output, not to sanitize foreign HTML.
 */
export function htmlToVisibleText(html: string): string {
  return decodeHTMLStrict(html.replace(/<[^>]*>/g, ''));
}

// A control word (`\alpha`), an escaped special (`\%`, `\{`) or a text accent
// with its argument (`\'e`, `\"{o}`): anything a reader would recognise as
// unprocessed LaTeX.
const RAW_COMMAND = /\\(?:[A-Za-z]+|[%&_#${}]|['"`^~=.](?:[A-Za-z]|\{))/;

/**
 * True if a LaTeX command would be visible to a reader in `text` (plain
 * text, or the result of {@link htmlToVisibleText}). Used by tests and
 * corpus checks to prove that no raw `\command` leaks.
 */
export function containsRawLatexCommand(text: string): boolean {
  return RAW_COMMAND.test(text);
}

/**
 * Serializes segments to the HTML fragment. Text is always escaped;
 * emphasis becomes `<strong>/<em>/<code>`; only http(s) URLs become links
 * (with `rel="noopener noreferrer"`); math HTML is used as produced by the
 * KaTeX step (already escaped, or KaTeX's own markup).
 */
export function segmentsToHtml(segments: readonly RichSegment[]): string {
  let html = '';
  for (const seg of segments) {
    switch (seg.kind) {
      case 'text': {
        const body = escapeHtml(seg.text);
        if (seg.emphasis === 'bold') html += `<strong>${body}</strong>`;
        else if (seg.emphasis === 'italic') html += `<em>${body}</em>`;
        else if (seg.emphasis === 'code') html += `<code>${body}</code>`;
        else html += body;
        break;
      }
      case 'url': {
        const body = escapeHtml(seg.url);
        html += isHttpUrl(seg.url) ? `<a href="${body}" rel="noopener noreferrer">${body}</a>` : body;
        break;
      }
      case 'math':
        html += seg.html;
        break;
    }
  }
  return html;
}

/**
 * HTML used for a math span KaTeX could not (or must not) render: its
 * escaped Unicode plain text, marked with a class so it can be styled like
 * math.
 */
export function mathFallbackHtml(plain: string, display: boolean): string {
  const cls = display ? 'latex-math-fallback latex-math-display' : 'latex-math-fallback';
  return `<span class="${cls}">${escapeHtml(plain)}</span>`;
}
