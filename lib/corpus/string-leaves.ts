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
