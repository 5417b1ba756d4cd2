/**
 * Small text helpers shared by the digest parsers.
 */

/**
 * Splits a document into lines so that index + 1 is the line number an editor
 * shows: a leading BOM is dropped and CRLF / lone CR count as one break each.
 * @param text whole document
 */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting on a string is several times faster than on the regex, and most files have no CR.
  return body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
}

/**
 * Collapses every whitespace run to one space and trims. The sources hard-wrap
 * arXiv titles and comments at ~80 columns and leave the wrap as a run of
 * spaces (`Diffusion   Guidance`).
 * @param text any text
 */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Matches a `YYYY-MM-DD` date with plausible month and day. */
const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * True for `YYYY-MM-DD` with month 01–12 and day 01–31 (calendar overflow such
 * as 02-31 is not checked; the sources never need it and the UI only sorts).
 * @param text candidate date
 */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

/**
 * Trims and drops empty items.
 * @param items raw items
 */
export function cleanList(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const t = item.trim();
    if (t !== '') out.push(t);
  }
  return out;
}
