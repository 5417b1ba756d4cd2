import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCES = fileURLToPath(new URL('../../../data/sources/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/taxonomy/', import.meta.url));

/** File name of the diffusion-method taxonomy export among the seed sources. */
export const TAXONOMY_SOURCE = '004_e317862aa2d696b9.txt';

/** Text of the real taxonomy export. */
export function readTaxonomySource(): string {
  return readFileSync(SOURCES + TAXONOMY_SOURCE, 'utf8');
}

/** Text of a hand-written fixture in test/fixtures/taxonomy/. */
export function readFixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/** The block separator of the export: a line holding one no-break space. */
export const SEPARATOR = '\u00A0';
