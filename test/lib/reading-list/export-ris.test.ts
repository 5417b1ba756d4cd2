import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRis } from '../../../lib/reading-list/export-ris';
import { readingListEntry } from '../../support/reading-list-entry';

const entry = readingListEntry;

/** Reads RIS as a reference manager would, with Citation.js's RIS parser: CSL-JSON out. */
function parseRis(ris: string): Record<string, unknown>[] {
  return new Cite(ris, { forceType: '@ris/file' }).data as Record<string, unknown>[];
}

describe('toRis', () => {
  it('writes an arXiv paper as a tagged record, minus status and note', () => {
    const ris = toRis([entry({ status: 'done', note: 'read it twice', tags: ['identity', 'reward'] })]);
    expect(ris).toBe(
      [
        'TY  - UNPB',
        'TI  - ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning',
        'AU  - Chen, Weifeng',
        'AU  - Zhang, Jiacheng',
        'AU  - Wu, Jie',
        'PY  - 2024',
        'DA  - 2024/04//',
        'DO  - 10.48550/arXiv.2404.15449',
        'UR  - https://arxiv.org/abs/2404.15449',
        'DB  - arXiv',
        'AN  - arXiv:2404.15449',
        'KW  - identity',
        'KW  - reward',
        'ER  -',
        '',
      ].join('\r\n'),
    );
  });

  it('parses back with title, authors, date, DOI, URL and keywords intact', () => {
    const [parsed] = parseRis(toRis([entry({ authors: ['Weifeng Chen', 'Ludwig van Beethoven', '李明'], tags: ['diffusion', 'id'] })]));
    expect(parsed).toMatchObject({
      title: 'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning',
      author: [{ family: 'Chen', given: 'Weifeng' }, { family: 'van Beethoven', given: 'Ludwig' }, { family: '李明' }],
      issued: { 'date-parts': [[2024, 4]] },
      DOI: '10.48550/arXiv.2404.15449',
      URL: 'https://arxiv.org/abs/2404.15449',
      keyword: 'diffusion,id',
    });
  });

  it('writes a paper without an arXiv id with its saved http(s) URL only', () => {
    const ris = toRis([entry({ arxivId: null, url: 'javascript:alert(1)', savedAt: Date.UTC(2023, 0, 2) })]);
    expect(ris).not.toMatch(/^(UR|DO|AN|DA) {2}-/m);
    expect(toRis([entry({ arxivId: null, url: 'https://openreview.net/forum?id=x' })])).toContain('UR  - https://openreview.net/forum?id=x\r\n');
  });

  it('writes each record on its own lines whatever the text holds', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => /[^\s\p{Cc}]/u.test(s));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (titles) => {
        const ris = toRis(titles.map((title, i) => entry({ title, arxivId: `2404.0000${i}` })));
        const lines = ris.split('\r\n').slice(0, -1);
        expect(lines.every((line) => /^[A-Z][A-Z0-9] {2}-( |$)/.test(line))).toBe(true);
        expect(lines.filter((line) => line.startsWith('TY  -'))).toHaveLength(titles.length);
        expect(parseRis(ris).map((item) => item.title)).toEqual(titles.map((title) => title.replace(/[\p{Cc}\s]+/gu, ' ').trim()));
      }),
      { numRuns: 100 },
    );
  });

  it('writes an empty list as an empty file', () => {
    expect(toRis([])).toBe('');
  });
});
