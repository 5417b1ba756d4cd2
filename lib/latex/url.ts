/**
 * URL policy for `\url` / `\href` arguments. Kept separate so the tokenizer
 * (which decides what a URL is) and the HTML writer (which decides what may
 * become a link) apply the same rule.
 */

/**
 * Whether a URL may become a clickable link: absolute http(s), and free of
 * characters that could end an attribute. Anything else (`javascript:`,
 * `data:`, relative paths) is shown as text only.
 */
export function isHttpUrl(url: string): boolean {
  // A script scheme anywhere (`https://x/?u=javascript:…`) is harmless to a
  // browser but is refused anyway: some link-rewriting tools re-parse URLs,
  // and a link is not worth that risk. Such URLs are still shown as text.
  return /^https?:\/\/[^\s"'<>`\\]+$/i.test(url) && !/(?:java|vb)script:/i.test(url);
}

/**
 * Normalizes a `\url{…}` argument: LaTeX escapes such as `\_` resolved,
 * remaining backslashes percent-encoded (a `\` followed by letters must never
 * reach a reader), whitespace removed (LaTeX line-wraps long URLs).
 */
export function cleanUrl(raw: string): string {
  return raw
    .trim()
    .replace(/\\([%&_#$~{}])/g, '$1')
    .replace(/\\/g, '%5C')
    .replace(/\s+/g, '');
}
