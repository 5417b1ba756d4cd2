/**
 * Every string inside a JSON-like value, with its `/`-separated path (`takeaways/2`).
 * @param value Any JSON-like value.
 * @param path Path of `value` itself; '' for the root.
 */
export function* stringLeaves(value: unknown, path = ''): Generator<[path: string, text: string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringLeaves(item, join(path, String(i)));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* stringLeaves(item, join(path, key));
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}/${key}`;
}

// Ids, links, provenance and the pre-rendered HTML are data about a paper, not text a reader reads.
const NOT_READER_TEXT = /^(?:arxivId|abstractHtml|screenshots|provenance|taxonomyEntryIds|uncertain)(?:\/|$)|(?:^|\/)urls(?:\/|$)/;

/**
 * Whether a string field of a corpus paper is text a reader reads: the fields uncertain characters
 * are marked in and raw LaTeX must never reach.
 * @param path The field's path, as {@link stringLeaves} gives it.
 */
export function isReaderText(path: string): boolean {
  return !NOT_READER_TEXT.test(path);
}
