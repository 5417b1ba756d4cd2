import { describe, expect, it } from 'vitest';
import { createSearchIndex, nameKey, searchDocumentsFromCorpus, searchHits, tokenize, tokenizeField, type SearchDocument } from '../../../lib/search';
import { syntheticCorpus, syntheticQueries } from '../../bench/synthetic-corpus';

// Large enough for the two-pass search (names first, then every field), which small indexes skip.
const documents = searchDocumentsFromCorpus(syntheticCorpus(6_000));
const documentById = new Map<string, SearchDocument>(documents.map((doc) => [doc.id, doc]));
const index = createSearchIndex(documents);
const queries = syntheticQueries();

const NAME_FIELDS = ['title', 'titleZh', 'authors', 'methods', 'keywords'] as const;
const TEXT_FIELDS = ['summaryZh', 'abstract', 'path'] as const;
const termsOf = (doc: SearchDocument, fields: readonly (keyof SearchDocument)[]) => new Set(fields.flatMap((field) => tokenizeField(String(doc[field]), field)));

describe('two-pass search over a large index', () => {
  it.each([...queries.exact.slice(0, 8), 'zhang'])('%s: exact hits hold every word, those naming it first', (query) => {
    const hits = searchHits(index, query, {}, 40);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(hits.length);
    const words = tokenize(query);
    let textOnly = false;
    for (const hit of hits) {
      expect(hit.match).toBe('exact');
      const doc = documentById.get(hit.id)!;
      const names = termsOf(doc, NAME_FIELDS);
      const all = new Set([...names, ...termsOf(doc, TEXT_FIELDS)]);
      for (const word of words) expect(all.has(word), `${hit.id} lacks ${word}`).toBe(true);
      const named = words.every((word) => names.has(word));
      // Once a hit only matched through long text, no later hit may match through names alone.
      if (named) expect(textOnly, `${hit.id} names ${query} after a text-only hit`).toBe(false);
      else textOnly = true;
    }
  });

  it('finds a word that only the long text holds', () => {
    const doc = documents.find((d) => d.abstract !== '')!;
    const names = termsOf(doc, NAME_FIELDS);
    const word = tokenize(doc.abstract).find((term) => term.length >= 6 && !names.has(term) && /^[a-z]+$/.test(term))!;
    const hits = searchHits(index, word, {}, 1_000);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.match === 'exact')).toBe(true);
  });

  it('keeps the tiers: prefixes and typos match as such', () => {
    for (const query of queries.prefix) expect(searchHits(index, query)[0]?.match, query).toBe('prefix');
    for (const query of queries.fuzzy) expect(searchHits(index, query)[0]?.match, query).toMatch(/^(fuzzy|partial)$/);
  });

  it('puts the paper a method name names first', () => {
    const method = documents.find((doc) => doc.kind === 'paper' && doc.methodKeys.length > 0 && /^[A-Z]/.test(doc.title))!;
    const name = method.methods.split('; ')[0]!;
    const [first] = searchHits(index, name);
    expect(documentById.get(first!.id)!.methodKeys).toContain(nameKey(name));
  });

  it('respects the limit and lists each result once', () => {
    for (const limit of [1, 7, 20, 100]) {
      const hits = searchHits(index, 'diffusion', {}, limit);
      expect(hits).toHaveLength(limit);
      expect(new Set(hits.map((hit) => hit.id)).size).toBe(limit);
    }
  });
});
