import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../lib/reading-list/export-markdown';
import type { ReadingListEntry } from '../../../lib/reading-list/reading-list-entry';
import { readingListEntry } from '../../support/reading-list-entry';

function entry(fields: Partial<ReadingListEntry> = {}): ReadingListEntry {
  return readingListEntry({ title: 'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation', authors: ['Weifeng Chen', 'Jiacheng Zhang'], savedAt: 1, updatedAt: 1, ...fields });
}

/** The item line of a one-entry list. */
function line(fields: Partial<ReadingListEntry>): string {
  return toMarkdown([entry(fields)]).split('\n')[4]!;
}

describe('toMarkdown', () => {
  it('groups the list by status, in reading order, with each note quoted under its paper', () => {
    const markdown = toMarkdown([
      entry({ status: 'done', arxivId: '2403.04692', title: 'PixArt-Σ', authors: ['Junsong Chen'], tags: ['dit', 'pixart'], note: 'Weak-to-strong.\n\nSee §3.' }),
      entry({ tags: ['identity'] }),
      entry({ arxivId: null, title: 'DreamBooth', authors: [], url: 'https://openreview.net/forum?id=x', status: 'reading' }),
    ]);
    expect(markdown).toBe(`# Reading list

## To read (1)

- [ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation](https://arxiv.org/abs/2404.15449) — Weifeng Chen, Jiacheng Zhang · arXiv:2404.15449 · tags: identity

## Reading (1)

- [DreamBooth](https://openreview.net/forum?id=x)

## Done (1)

- [PixArt-Σ](https://arxiv.org/abs/2403.04692) — Junsong Chen · arXiv:2403.04692 · tags: dit, pixart
  > Weak-to-strong.
  >
  > See §3.
`);
  });

  it('says so when the list is empty', () => {
    expect(toMarkdown([])).toBe('# Reading list\n\nNo saved papers.\n');
  });

  it.each([
    ['a link', '[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['an image', '![x](https://evil.example/t.png)', '\\!\\[x\\](https://evil.example/t.png)'],
    ['HTML', '<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['an autolink', '<https://evil.example>', '\\<https://evil.example\\>'],
    ['emphasis', '*bold* _it_ ~~gone~~', '\\*bold\\* \\_it\\_ \\~\\~gone\\~\\~'],
    ['code', '`rm -rf`', '\\`rm -rf\\`'],
    ['an entity', '&lt;b&gt;', '\\&lt;b\\&gt;'],
    ['a backslash that would undo an escape', '\\[x]', '\\\\\\[x\\]'],
    ['a line break', 'one\n# two', 'one \\# two'],
  ])('escapes %s in a title', (_, title, escaped) => {
    expect(line({ title })).toBe(`- [${escaped}](https://arxiv.org/abs/2404.15449) — Weifeng Chen, Jiacheng Zhang · arXiv:2404.15449`);
  });

  it.each([
    ['a heading', '# Heading', '\\# Heading'],
    ['a list item', '- item', '\\- item'],
    ['an ordered list item', '1. item', '1\\. item'],
    ['a quote', '> quote', '\\> quote'],
  ])('escapes %s at the start of a title that is not a link', (_, title, escaped) => {
    expect(line({ arxivId: null, url: null, authors: [], title })).toBe(`- ${escaped}`);
  });

  it('escapes authors, tags and notes too', () => {
    const markdown = toMarkdown([entry({ authors: ['[A](https://x)'], tags: ['<b>'], note: '[n](javascript:alert(1))\n- x' })]);
    expect(markdown).toContain('— \\[A\\](https://x) · arXiv:2404.15449 · tags: \\<b\\>\n  > \\[n\\](javascript:alert(1))\n  > \\- x\n');
  });

  it.each([
    ['a javascript: URL is not linked', null, 'javascript:alert(1)', '- DreamBooth'],
    ['a data: URL is not linked', null, 'data:text/html,<b>x</b>', '- DreamBooth'],
    ['parentheses and spaces in a URL are encoded', null, 'https://example.org/a (b)<c>', '- [DreamBooth](https://example.org/a%20%28b%29%3Cc%3E)'],
    ['a paper with an arXiv id links its abstract page', '2404.15449', 'https://huggingface.co/papers/2404.15449', '- [DreamBooth](https://arxiv.org/abs/2404.15449) — arXiv:2404.15449'],
  ])('links only http(s): %s', (_, arxivId, url, expected) => {
    expect(line({ arxivId, url, authors: [], title: 'DreamBooth' })).toBe(expected);
  });

  it('shortens a long author list', () => {
    expect(line({ authors: ['A', 'B', 'C', 'D', 'E', 'F'] })).toContain('— A, B, C, et al. ·');
    expect(line({ authors: ['A', 'B', 'C', 'D', 'E'] })).toContain('— A, B, C, D, E ·');
  });

  it('writes old-style ids as they are', () => {
    expect(line({ arxivId: 'hep-th/9901001', title: 'Large N' })).toBe('- [Large N](https://arxiv.org/abs/hep-th/9901001) — Weifeng Chen, Jiacheng Zhang · arXiv:hep-th/9901001');
  });
});
