import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCES = fileURLToPath(new URL('../../../data/sources/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/digest/', import.meta.url));

/** Full file name of the source whose name starts with `prefix` (e.g. `001`). */
export function sourceName(prefix: string): string {
  const name = readdirSync(SOURCES).find((f) => f.startsWith(`${prefix}_`));
  if (name === undefined) throw new Error(`no source ${prefix}_*`);
  return name;
}

/** Text of a source document by prefix. */
export function readSource(prefix: string): { name: string; text: string } {
  const name = sourceName(prefix);
  return { name, text: readFileSync(SOURCES + name, 'utf8') };
}

/** Text of a test fixture in test/fixtures/digest/. */
export function readFixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}
