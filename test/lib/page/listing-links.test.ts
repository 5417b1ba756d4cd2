import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isListingPage, listedPapers } from '../../../lib/page/listing-links';

const doc = (body: string) => parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`).document as unknown as Document;

describe('isListingPage', () => {
  it.each([
    ['https://arxiv.org/list/cs.CV/new', true],
    ['https://arxiv.org/list/cs.CV/recent?skip=0&show=50', true],
    ['https://huggingface.co/papers', true],
    ['https://huggingface.co/papers?date=2024-04-24', true],
    ['https://huggingface.co/papers/date/2024-04-24', true],
    ['https://huggingface.co/papers/trending', true],
    ['https://huggingface.co/papers/2404.15449', false],
    ['https://arxiv.org/abs/2404.15449', false],
    ['https://example.org/list/cs.CV/new', false],
  ])('%s → %s', (url, expected) => {
    expect(isListingPage(url)).toBe(expected);
  });
});

describe('listedPapers', () => {
  it('finds each paper once on an arXiv listing, with its arXiv: link', () => {
    const papers = listedPapers(
      doc(`<dl id="articles">
        <dt><a href="/abs/2404.15449" title="Abstract" id="2404.15449">arXiv:2404.15449</a> [<a href="/pdf/2404.15449">pdf</a>, <a href="/html/2404.15449v1">html</a>]</dt>
        <dt><a href="/abs/hep-th/9901001" title="Abstract">arXiv:hep-th/9901001</a> [<a href="/pdf/hep-th/9901001">pdf</a>]</dt>
      </dl>`),
      'https://arxiv.org/list/cs.CV/new',
    );
    expect(papers.map((p) => [p.arxivId, p.link.textContent])).toEqual([
      ['2404.15449', 'arXiv:2404.15449'],
      ['hep-th/9901001', 'arXiv:hep-th/9901001'],
    ]);
  });

  it('prefers the title link in a heading on Hugging Face', () => {
    const papers = listedPapers(
      doc(`<article><a href="/papers/2404.15449"><img alt=""></a><h3><a href="/papers/2404.15449">ID-Aligner</a></h3><a href="/papers/not-a-paper">x</a></article>`),
      'https://huggingface.co/papers',
    );
    expect(papers.map((p) => [p.arxivId, p.link.textContent])).toEqual([['2404.15449', 'ID-Aligner']]);
  });

  it('ignores links that are no paper, and malformed hrefs', () => {
    expect(listedPapers(doc('<a href="http://[bad">x</a><a href="/list/cs.CV/new">y</a>'), 'https://arxiv.org/list/cs.CV/new')).toEqual([]);
  });
});
