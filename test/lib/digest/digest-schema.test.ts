import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, validateCorpus } from '../../../lib/corpus';
import { parseDigestDocument } from '../../../lib/digest';
import { combineField, DIGEST_FIELDS, DigestEntrySchema, type DigestFieldName } from '../../../lib/digest/digest-schema';
import { readSources } from '../../../data/tools/corpus-sources';

/** Every key path inside a value (`chatPaper/urls/github`), arrays looked through. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => keyPaths(item, prefix)))];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...keyPaths(inner, `${prefix}${key}/`)]);
}

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');
// Digests the parsers read without a repair model: the clean seeds and the import fixtures.
const documents = [
  ...readSources().filter((source) => !source.file.startsWith('003') && !source.file.startsWith('004')),
  ...['daily-2024-05-20.txt', 'weekly-2024-05-20.txt'].map((file) => ({ file, text: readFileSync(join(FIXTURES, file), 'utf8') })),
];

describe('the digest model', () => {
  // valibot's v.object drops keys it does not list, and the build ships its validated output: a field
  // the parsers fill but the schema forgets would vanish from the corpus without an error.
  it.each(documents.map((document) => [document.file, document] as const))('keeps every field the parsers produce for %s in the validated corpus', (_file, document) => {
    const parsed = parseDigestDocument(document.text, document.file).entries;
    const produced = new Set(parsed.flatMap((entry) => keyPaths(entry)));
    const { corpus } = buildCorpus([document], null);
    const checked = validateCorpus({ ...corpus, hash: '0'.repeat(64) });
    expect(checked.ok ? [] : checked.issues).toEqual([]);
    const shipped = new Set(checked.ok ? checked.corpus.papers.flatMap((paper) => keyPaths(paper)) : []);
    expect([...produced].filter((path) => !shipped.has(path))).toEqual([]);
  });

  it('lists every digest field in the entry schema, between the identity fields', () => {
    expect(Object.keys(DigestEntrySchema.entries)).toEqual(['arxivId', 'version', 'versions', ...Object.keys(DIGEST_FIELDS), 'provenance']);
  });

  it.each<[DigestFieldName, unknown[], 'merge' | 'overlay', unknown]>([
    ['summaryZh', ['', '旧的总结'], 'overlay', '旧的总结'],
    ['summaryZh', [null, '旧的总结'], 'overlay', '旧的总结'],
    ['summaryZh', ['新的', '旧的总结'], 'overlay', '新的'],
    ['summaryZh', ['新的', '旧的总结'], 'merge', '旧的总结'],
    ['title', ['Same length', 'Same-length'], 'merge', 'Same length'],
    ['takeaways', [[], ['a']], 'overlay', ['a']],
    ['takeaways', [['a'], ['b', 'c']], 'merge', ['b', 'c']],
    ['screenshots', [['https://a'], ['https://b', 'https://a']], 'merge', ['https://a', 'https://b']],
    ['screenshots', [[], ['https://b']], 'overlay', ['https://b']],
    ['chatPaper', [null, null], 'overlay', null],
  ])('combines %s from %j by %s into %j', (name, values, mode, expected) => {
    expect(combineField(name, values as never, mode)).toEqual(expected);
  });
});
