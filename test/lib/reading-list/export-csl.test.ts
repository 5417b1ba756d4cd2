import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { citationKeys } from '../../../lib/reading-list/export-bibtex';
import { cslItems, toCslJson } from '../../../lib/reading-list/export-csl';
import { toRis } from '../../../lib/reading-list/export-ris';
import { readingListEntry } from '../../support/reading-list-entry';

const entry = readingListEntry;

// CSL 1.0.2's item types and the variables this export writes (citationstyles.org, csl-data.json).
const CSL_TYPES = new Set(['article', 'article-journal', 'manuscript', 'paper-conference', 'report', 'webpage']);
const CSL_VARIABLES = new Set(['id', 'type', 'title', 'author', 'issued', 'DOI', 'URL', 'number', 'publisher', 'genre', 'keyword']);

describe('toCslJson', () => {
  it('writes an arXiv paper as a CSL article from arXiv, keyed as in BibTeX', () => {
    const paper = entry({ status: 'done', note: 'private', tags: ['identity', 'reward'] });
    expect(JSON.parse(toCslJson([paper]))).toEqual([
      {
        id: 'chen2024idaligner',
        type: 'article',
        title: paper.title,
        author: [
          { family: 'Chen', given: 'Weifeng' },
          { family: 'Zhang', given: 'Jiacheng' },
          { family: 'Wu', given: 'Jie' },
        ],
        issued: { 'date-parts': [[2024, 4]] },
        DOI: '10.48550/arXiv.2404.15449',
        URL: 'https://arxiv.org/abs/2404.15449',
        number: 'arXiv:2404.15449',
        publisher: 'arXiv',
        genre: 'Preprint',
        keyword: 'identity, reward',
      },
    ]);
  });

  it('uses only CSL types and variables, with names split or kept whole', () => {
    const items = cslItems([entry({ authors: ['Martin Luther King Jr.', '李明'] }), entry({ arxivId: null, url: null, title: 'No id' })]);
    for (const item of items) {
      expect(CSL_TYPES.has(item.type)).toBe(true);
      expect(Object.keys(item).filter((key) => !CSL_VARIABLES.has(key))).toEqual([]);
    }
    expect(items[0]!.author).toEqual([{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }, { literal: '李明' }]);
    expect(items[1]).toEqual({ id: 'chen2024no', type: 'article', title: 'No id', author: expect.any(Array), issued: { 'date-parts': [[2024]] } });
  });

  it('gives each item the citation key BibTeX gives it', () => {
    const entries = [entry({ arxivId: '2404.00001', savedAt: 1 }), entry({ arxivId: '2404.00002', savedAt: 2 })];
    const keys = citationKeys(entries);
    expect(cslItems(entries).map((item) => item.id)).toEqual(entries.map((e) => keys.get(e.key)));
  });

  it('says what the RIS export says, as Citation.js reads each of them', () => {
    const entries = [entry({ tags: ['a'] }), entry({ arxivId: 'hep-th/9901001', title: 'Large N', authors: ['Juan Maldacena'] })];
    const fromCsl = new Cite(JSON.parse(toCslJson(entries))).data as Record<string, unknown>[];
    const fromRis = new Cite(toRis(entries), { forceType: '@ris/file' }).data as Record<string, unknown>[];
    const pick = (item: Record<string, unknown>) => ({ title: item.title, author: item.author, issued: item.issued, DOI: item.DOI, URL: item.URL });
    expect(fromCsl.map(pick)).toEqual(fromRis.map(pick));
  });

  it('writes an empty list as an empty array', () => {
    expect(JSON.parse(toCslJson([]))).toEqual([]);
  });
});
